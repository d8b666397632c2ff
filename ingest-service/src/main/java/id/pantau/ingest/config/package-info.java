/** The service's immutable configuration (IngestConfig) and the outlet registry, both validated at start. */
@NullMarked
package id.pantau.ingest.config;

import org.jspecify.annotations.NullMarked;
