/** Kafka consumer loop, document mapping, bulk ingestion with acknowledged-offset commits, index administration. */
@NullMarked
package id.pantau.index.indexing;

import org.jspecify.annotations.NullMarked;
