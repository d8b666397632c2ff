package id.pantau.ingest.crawl;

import id.pantau.ingest.config.KafkaConfig;
import id.pantau.ingest.internal.TopicPartitions;
import id.pantau.ingest.publish.ArticlePublisher;
import id.pantau.ingest.publish.DeadLetter;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.serde.PayloadDecodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code ingest.crawl.requests} in the shared consumer group: each partition, and so each
 * host keyed to it, belongs to one instance at a time, which keeps per-host pacing whole and fetches
 * each request once. Each round processes the polled records through {@link HostQueues}, together
 * with the held requests that have become due; a requeued request that is not due yet is held in
 * {@link DueRequests} instead of being waited for, so it holds up nothing else (issue #3). Offsets
 * are committed after each round, never past a held record ({@link CommitOffsets}); if publishing
 * fails the round's records are read again. Also answers which hosts this instance owns, for
 * discovery. Runs on its own thread; {@link #close()} by the owner.
 */
public final class CrawlWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlWorker.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);
    /**
     * A round waits for polite pacing (and Retry-After waits of up to a minute per retry), so it may
     * take minutes; Kafka's default of 5 min between polls would evict a busy but healthy member.
     */
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(15);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final CrawlProcessor processor;
    private final ArticlePublisher publisher;
    private final Clock clock;
    private final int maxDuePerRound;
    private final Thread thread;
    private final String topic = Topics.CRAWL_REQUESTS.name();
    private final AtomicLong processed = new AtomicLong();
    // Both are used by the worker's thread only (the rebalance listener runs inside poll).
    private final DueRequests held = new DueRequests();
    private final CommitOffsets offsets = new CommitOffsets();
    private volatile Set<Integer> owned = Set.of();
    private volatile int partitions;
    private volatile boolean running = true;

    public CrawlWorker(KafkaConfig kafka, String clientId, CrawlProcessor processor, ArticlePublisher publisher, Clock clock) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxDuePerRound = kafka.maxPollRecords();
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
                    // Their held records are not committed: the next owner (maybe this one) reads them again.
                    int dropped = held.drop(revoked);
                    offsets.forget(revoked);
                    LOG.info("event=crawl_partitions_revoked partitions={} heldDropped={}", revoked.size(), dropped);
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
                // Wake up in time for the next held request, even when no record comes.
                ConsumerRecords<byte[], byte[]> records = consumer.poll(held.waitAtMost(clock.instant(), POLL));
                round(records);
            }
        } catch (WakeupException e) {
            // close() woke us up; held requests stay uncommitted and are read again by the next owner
        } catch (RuntimeException e) {
            LOG.error("event=crawl_worker_failed message={}", e.getMessage(), e);
        } finally {
            owned = Set.of();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** A request to process now, from a polled record or taken from the held ones. */
    private record Item(TopicPartition partition, long offset, CrawlRequest request, DueRequests.@Nullable Held held) {}

    private void round(ConsumerRecords<byte[], byte[]> records) {
        Instant now = clock.instant();
        List<Item> fresh = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            CrawlRequest request = decode(record);
            if (request == null) {
                continue;
            }
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            Instant dueAt = processor.dueAt(request);
            if (dueAt.isAfter(now)) {
                held.hold(new DueRequests.Held(partition, record.offset(), request, dueAt));
                LOG.info("event=crawl_request_held url={} attempt={} dueInMs={} partition={} offset={}", request.getUrl(), request.getAttempt(),
                        Duration.between(now, dueAt).toMillis(), record.partition(), record.offset());
            } else {
                held.release(partition, record.offset()); // read again after a seek while it was held
                fresh.add(new Item(partition, record.offset(), request, null));
            }
        }
        // Held requests first: they are older than the polled records of their host.
        List<Item> items = new ArrayList<>();
        for (DueRequests.Held due : held.takeDue(now, maxDuePerRound)) {
            LOG.info("event=crawl_request_due url={} attempt={} lateMs={}", due.request().getUrl(), due.request().getAttempt(),
                    Duration.between(due.dueAt(), now).toMillis());
            items.add(new Item(due.partition(), due.offset(), due.request(), due));
        }
        items.addAll(fresh);
        if (records.isEmpty() && items.isEmpty()) {
            return;
        }
        List<HostQueues.Failure<Item>> failures = HostQueues.runAll(items, item -> CrawlProcessor.hostOf(item.request().getUrl()), item -> {
            CrawlResult result = processor.process(item.request(), new DeadLetter.Source(topic, item.partition().partition(), item.offset()));
            processed.incrementAndGet();
            LOG.debug("event=crawl_done url={} result={}", item.request().getUrl(), result);
        });
        if (failures.isEmpty()) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                offsets.advance(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            commit();
            return;
        }
        retryLater(records, failures);
    }

    /** The request of a record, or null when it has none or cannot be decoded (then it went to the dead letters). */
    private @Nullable CrawlRequest decode(ConsumerRecord<byte[], byte[]> record) {
        DeadLetter.Source source = new DeadLetter.Source(topic, record.partition(), record.offset());
        byte[] key = record.key() == null ? new byte[0] : record.key();
        try {
            CrawlRequest request = record.value() == null
                    ? null
                    : Topics.CRAWL_REQUESTS.valueSerde().deserializer().deserialize(topic, record.value());
            if (request == null) {
                publisher.undecodable(key, new byte[0], "DESERIALIZATION_EMPTY", "crawl request without a value", source);
            }
            return request;
        } catch (SerializationException e) {
            String reason = e instanceof PayloadDecodingException decoding ? "DESERIALIZATION_" + decoding.reason() : "DESERIALIZATION";
            publisher.undecodable(key, record.value(), reason, String.valueOf(e.getMessage()), source);
            return null;
        }
    }

    /** Commits what changed: per partition the end of what was handed over, never past a held record. */
    private void commit() {
        Map<TopicPartition, Long> changed = offsets.toCommit(held.lowestOffsets());
        if (changed.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        changed.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
        try {
            consumer.commitSync(commit);
            offsets.committed(changed);
        } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
            // Not committed: the records are read again by whoever owns them next (at worst fetched again).
            LOG.warn("event=crawl_commit_failed offsets={} message={}", changed, e.getMessage());
        }
    }

    /**
     * Publishing failed (broker trouble): reads the round's records again from their first offsets,
     * and holds the failed held requests again (they are due, so the next round retries them).
     */
    private void retryLater(ConsumerRecords<byte[], byte[]> records, List<HostQueues.Failure<Item>> failures) {
        for (HostQueues.Failure<Item> failure : failures) {
            if (failure.item().held() != null) {
                held.hold(failure.item().held());
            }
        }
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
