/** Kafka adapters: crawl requests, raw articles, seen-store updates and dead letters; the only Kafka writers. */
@NullMarked
package id.pantau.ingest.publish;

import org.jspecify.annotations.NullMarked;
