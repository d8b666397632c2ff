package id.pantau.ingest.crawl;

import id.pantau.ingest.config.KafkaConfig;
import id.pantau.ingest.internal.TopicPartitions;
import id.pantau.ingest.publish.ArticlePublisher;
import id.pantau.ingest.publish.DeadLetter;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.serde.PayloadDecodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code ingest.crawl.requests} in the shared consumer group: each partition, and so each
 * host keyed to it, belongs to one instance at a time, which keeps per-host pacing whole and fetches
 * each request once. A polled batch is processed through {@link HostQueues} and its offsets are
 * committed only when every item is done; if publishing fails the batch is read again. Also answers
 * which hosts this instance owns, for discovery. Runs on its own thread; {@link #close()} by the owner.
 */
public final class CrawlWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlWorker.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);
    /**
     * A batch waits for polite pacing (and Retry-After waits of up to a minute per retry), so it may
     * take minutes; Kafka's default of 5 min between polls would evict a busy but healthy member.
     */
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(15);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final CrawlProcessor processor;
    private final ArticlePublisher publisher;
    private final Thread thread;
    private final String topic = Topics.CRAWL_REQUESTS.name();
    private final AtomicLong processed = new AtomicLong();
    private volatile Set<Integer> owned = Set.of();
    private volatile int partitions;
    private volatile boolean running = true;

    public CrawlWorker(KafkaConfig kafka, String clientId, CrawlProcessor processor, ArticlePublisher publisher) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-crawl");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(kafka.maxPollRecords()));
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Long.toString(MAX_POLL_INTERVAL.toMillis()));
        // a killed instance keeps its hosts until its session expires: 10 s, not Kafka's 45 s
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().name(clientId + "-crawl-worker").unstarted(this::run);
    }

    /** Subscribes and starts consuming. */
    public void start() {
        thread.start();
    }

    /** Whether crawl requests keyed by {@code host} are currently consumed by this instance. */
    public boolean ownsHost(String host) {
        int count = partitions;
        return count > 0 && owned.contains(partitionOf(host, count));
    }

    /** The partition the producer's default partitioner sends a host key to. */
    public static int partitionOf(String host, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(host.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    /** Crawl-request partitions currently assigned to this instance. */
    public Set<Integer> ownedPartitions() {
        return owned;
    }

    /** Crawl requests processed so far. */
    public long processedCount() {
        return processed.get();
    }

    private void run() {
        try {
            partitions = TopicPartitions.await(consumer, topic, Duration.ofSeconds(30)).size();
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                    owned = Set.of();
                    LOG.info("event=crawl_partitions_revoked partitions={}", revoked.size());
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                    Set<Integer> now = new HashSet<>();
                    consumer.assignment().forEach(tp -> now.add(tp.partition()));
                    owned = Set.copyOf(now);
                    LOG.info("event=crawl_partitions_assigned partitions={}", owned);
                }
            });
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("event=crawl_worker_failed message={}", e.getMessage(), e);
        } finally {
            owned = Set.of();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private record Item(ConsumerRecord<byte[], byte[]> record, CrawlRequest request) {}

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        List<Item> items = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            DeadLetter.Source source = new DeadLetter.Source(topic, record.partition(), record.offset());
            byte[] key = record.key() == null ? new byte[0] : record.key();
            try {
                CrawlRequest request = record.value() == null
                        ? null
                        : Topics.CRAWL_REQUESTS.valueSerde().deserializer().deserialize(topic, record.value());
                if (request == null) {
                    publisher.undecodable(key, new byte[0], "DESERIALIZATION_EMPTY", "crawl request without a value", source);
                } else {
                    items.add(new Item(record, request));
                }
            } catch (SerializationException e) {
                String reason = e instanceof PayloadDecodingException decoding ? "DESERIALIZATION_" + decoding.reason() : "DESERIALIZATION";
                publisher.undecodable(key, record.value(), reason, String.valueOf(e.getMessage()), source);
            }
        }
        List<HostQueues.Failure<Item>> failures = HostQueues.runAll(items, item -> CrawlProcessor.hostOf(item.request().getUrl()), item -> {
            CrawlResult result = processor.process(item.request(),
                    new DeadLetter.Source(topic, item.record().partition(), item.record().offset()));
            processed.incrementAndGet();
            LOG.debug("event=crawl_done url={} result={}", item.request().getUrl(), result);
        });
        if (failures.isEmpty()) {
            consumer.commitSync();
            return;
        }
        // Publishing failed (broker trouble): read the batch again from its first offsets.
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            firstOffsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        LOG.warn("event=crawl_batch_failed failures={} first={}", failures.size(), failures.getFirst().error().getMessage());
        firstOffsets.forEach(consumer::seek);
        try {
            Thread.sleep(FAILURE_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))); // never started: run() will not close it
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
