package id.pantau.localstack;

import java.net.URI;

/**
 * A running single-node Kafka broker and Elasticsearch node, real ones, shared by the integration
 * tests of one module run and by the embedded default of the launcher. Each part starts lazily, on
 * the first call that needs it, and stays up until {@link #close()}. Thread-safe.
 */
public interface LocalStack extends AutoCloseable {

    /** Bootstrap servers of the broker, e.g. {@code 127.0.0.1:41234}; starts the broker if needed. */
    String kafkaBootstrapServers();

    /** Base URI of the Elasticsearch node, e.g. {@code http://127.0.0.1:41235}; starts the node if needed. */
    URI elasticsearchUri();

    /** Creates a topic unless it exists; {@code compacted} sets {@code cleanup.policy=compact}. */
    void createTopic(String name, int partitions, boolean compacted);

    /** Stops the broker, keeping its data and port, for fault tests. */
    void stopKafka();

    /** Starts the broker again on the same port with the same data. */
    void startKafka();

    /** Stops the Elasticsearch node, keeping its data and port, for fault tests. */
    void stopElasticsearch();

    /** Starts the Elasticsearch node again on the same port with the same data. */
    void startElasticsearch();

    /** Stops whatever runs. */
    @Override
    void close();
}
