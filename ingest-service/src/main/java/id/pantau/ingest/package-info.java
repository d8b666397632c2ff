/** ingest-service entry point: loads config, wires discovery, fetching, extraction and publishing. */
@NullMarked
package id.pantau.ingest;

import org.jspecify.annotations.NullMarked;
