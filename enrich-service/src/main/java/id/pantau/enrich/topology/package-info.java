/** The Kafka Streams topology of enrich-service and its processors. */
@NullMarked
package id.pantau.enrich.topology;

import org.jspecify.annotations.NullMarked;
