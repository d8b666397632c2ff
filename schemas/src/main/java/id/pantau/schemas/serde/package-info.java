/** Kafka serdes for the Avro records, in Avro single-object encoding without a registry process. */
@NullMarked
package id.pantau.schemas.serde;

import org.jspecify.annotations.NullMarked;
