/** Integration tests of ingest-service on the local stack (real Kafka broker). */
@NullMarked
package id.pantau.ingest.it;

import org.jspecify.annotations.NullMarked;
