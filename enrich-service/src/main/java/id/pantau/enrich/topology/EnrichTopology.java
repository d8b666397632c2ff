package id.pantau.enrich.topology;

import id.pantau.enrich.config.EnrichConfig;
import id.pantau.enrich.error.DeadLetterDeserializationHandler;
import id.pantau.enrich.error.DeadLetterProcessingHandler;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.Official;
import id.pantau.schemas.avro.RawArticle;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich-service topology:
 *
 * <ol>
 *   <li>{@code enrich-decode} decodes news.articles.raw (undecodable records go to news.dlq through
 *       {@link DeadLetterProcessingHandler}; {@link DeadLetterDeserializationHandler} covers the
 *       sources that decode on read, such as ref.officials);
 *   <li>{@code enrich-tag} runs every tagger (a failing tagger sends the record to news.dlq through
 *       {@link DeadLetterProcessingHandler}); officials come from the global store fed by
 *       ref.officials;
 *   <li>{@code enrich-story-repartition} brings all articles to one task, because copies of a story
 *       from different outlets have different keys; {@code enrich-story} sets the story cluster
 *       with MinHash/LSH buckets in a windowed store;
 *   <li>the result goes to news.articles.enriched and through {@code enrich-alert}, which raises
 *       each (rule, story cluster) alert once, to news.alerts.
 * </ol>
 */
public final class EnrichTopology {

    /** Global store of ref.officials. */
    public static final String OFFICIALS_STORE = "enrich-officials";
    /** Key every article gets before story grouping: one task sees all articles. */
    static final String STORY_KEY = "story";
    /** Producer batch size: wide enough for a dozen enriched articles. */
    static final int PRODUCER_BATCH_BYTES = 128 * 1024;
    /**
     * A member that dies without leaving the group (kill -9, a lost host) keeps its partitions until
     * its session expires: Kafka's default of 45 s stalled the whole pipeline that long in the fault
     * suite. Heartbeats come from the client's own thread, so a long tagging batch does not count.
     */
    static final int SESSION_TIMEOUT_MS = 10_000;
    static final int HEARTBEAT_INTERVAL_MS = 3_000;

    private EnrichTopology() {}

    /** Builds the topology; the same value runs in production and in {@code TopologyTestDriver}. */
    public static Topology build(EnrichConfig config, EnrichComponents components) {
        StreamsBuilder builder = new StreamsBuilder();
        var enrichedSerde = Topics.ENRICHED_ARTICLES.valueSerde();

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(OFFICIALS_STORE), Serdes.String(), Topics.OFFICIALS.valueSerde())
                        .withLoggingDisabled(),
                Topics.OFFICIALS.name(),
                Consumed.<String, Official>with(Serdes.String(), Topics.OFFICIALS.valueSerde()).withName("enrich-officials-source"),
                () -> new OfficialsUpdater(components.officials(), OFFICIALS_STORE));

        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoryProcessor.BUCKETS_STORE, Duration.ofHours(config.story().windowHours()), Duration.ofMillis(1), true),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(StoryProcessor.MEMBERS_STORE), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertProcessor.RAISED_STORE), Serdes.String(), Serdes.Long()));

        Enricher enricher = components.enricher();
        // Values are decoded in a processor rather than by the source so that an undecodable record
        // takes the same dead-letter path (processing exception handler) in production and in
        // TopologyTestDriver, which does not capture dead letters of the deserialization handler.
        var rawSerde = id.pantau.schemas.serde.AvroSerdes.rawArticle();
        KStream<String, RawArticle> raw = builder
                .stream(Topics.RAW_ARTICLES.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("enrich-source"))
                .mapValues(bytes -> rawSerde.deserialize(Topics.RAW_ARTICLES.name(), bytes), Named.as("enrich-decode"));
        KStream<String, EnrichedArticle> clustered = raw
                .mapValues((key, article) -> enricher.enrich(article, System.currentTimeMillis()), Named.as("enrich-tag"))
                .map((key, article) -> KeyValue.pair(STORY_KEY, article), Named.as("enrich-story-key"))
                .repartition(Repartitioned.with(Serdes.String(), enrichedSerde).withName("enrich-story").withNumberOfPartitions(1))
                .process(() -> new StoryProcessor(config.story()), Named.as("enrich-story"), StoryProcessor.BUCKETS_STORE, StoryProcessor.MEMBERS_STORE);

        clustered.to(Topics.ENRICHED_ARTICLES.name(), Produced.with(Serdes.String(), enrichedSerde).withName("enrich-enriched-sink"));
        clustered
                .process(() -> new AlertProcessor(components.alertRules(), Duration.ofDays(config.story().retentionDays())), Named.as("enrich-alert"),
                        AlertProcessor.RAISED_STORE)
                .to(Topics.ALERTS.name(), Produced.<String, Alert>with(Serdes.String(), Topics.ALERTS.valueSerde()).withName("enrich-alerts-sink"));
        return builder.build();
    }

    /** Streams properties: exactly-once v2, dead-letter handlers, state dir and commit interval from {@code config}. */
    public static Properties streamsProperties(EnrichConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.kafka().applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.kafka().stateDir());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.kafka().replicationFactor());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.kafka().commitIntervalMs());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.kafka().streamThreads());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), SESSION_TIMEOUT_MS);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), HEARTBEAT_INTERVAL_MS);
        // an enriched article is 5-10 KB: with the 16 KB default every other send opens a batch and
        // wakes the sender thread; exactly-once flushes at each commit anyway, so wider batches only
        // cut per-record overhead
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        return props;
    }
}
