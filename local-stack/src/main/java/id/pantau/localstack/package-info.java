/** Starts a real KRaft Kafka broker and a real Elasticsearch node for the embedded default and the integration tests. */
@NullMarked
package id.pantau.localstack;

import org.jspecify.annotations.NullMarked;
