/** Command-line tools of ingest-service: {@code extract} for debugging outlet profiles and for evaluation. */
@NullMarked
package id.pantau.ingest.cli;

import org.jspecify.annotations.NullMarked;
