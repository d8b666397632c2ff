/** Helpers nothing outside ingest-service may import. */
@NullMarked
package id.pantau.ingest.internal;

import org.jspecify.annotations.NullMarked;
