/** The seen-store: last published version and content hash per canonical URL, rebuilt from ingest.seen. */
@NullMarked
package id.pantau.ingest.seen;

import org.jspecify.annotations.NullMarked;
