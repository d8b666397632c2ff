package id.pantau.index.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.transport.BackoffPolicy;
import id.pantau.index.config.IndexConfig;
import id.pantau.schemas.DeadLetterHeaders;
import id.pantau.schemas.Topics;
import id.pantau.schemas.serde.PayloadDecodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexing loop: consumes {@code news.articles.enriched} and {@code news.alerts}
 * ({@code read_committed}), writes each record through a {@link BulkIngester} with document id =
 * article id and external versioning on the article version, and commits a partition's offset only
 * up to the first record Elasticsearch has not acknowledged yet. 429, 5xx and connection failures
 * are retried with backoff and jitter; while retries wait or too many records are in flight the
 * consumer is paused. Rejected documents and undecodable records go to {@code news.dlq}.
 *
 * <p>All decisions run on one thread (started by {@link #start()}); the ingester's listener only
 * queues events. {@link #close()} stops the loop, flushes and commits what was acknowledged.
 */
public final class IndexingPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexingPipeline.class);
    private static final String SERVICE = "index";
    private static final Duration POLL = Duration.ofMillis(50);
    private static final long PROGRESS_LOG_MS = 10_000;
    /**
     * Acknowledged offsets are committed at most this often (and on revocation and shutdown): one
     * commit per poll loop cost the broker an offset write per few hundred records under load; a
     * crash re-reads at most this much more, which the external versions make harmless.
     */
    private static final long COMMIT_INTERVAL_MS = 1_000;
    /**
     * Threads decoding and mapping a poll's records, the consumer thread included: one per core, at
     * most 4. On one thread, in the benchmark's least loaded rounds, the service indexed less than
     * half of what the raw loader (two sending threads) reached on the same 2-core node.
     */
    private static final int MAPPING_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Below this many records a poll is mapped on the consumer thread alone (a hand-off costs more). */
    private static final int MIN_PARALLEL_RECORDS = 64;

    private final IndexConfig config;
    private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> deadLetters;
    private final BulkIngester<Pending> ingester;
    private final IndexMetrics metrics;
    private final Consumer<Map<String, Object>> onArticleIndexed;
    private final Clock clock;
    private final Backoff backoff;
    private final OffsetTracker offsets = new OffsetTracker();
    private final FeedSequencer feed = new FeedSequencer();
    private final Queue<BulkEvent> events = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Retry> retries = new PriorityQueue<>((a, b) -> Long.compare(a.dueAtMs, b.dueAtMs));
    private final RecordOperations recordOperations;
    private final @Nullable ExecutorService mappers;
    private final DeadLetterMarks marks;
    private final ElasticsearchAsyncClient asyncEs;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean closing;
    private boolean paused;
    private long lastProgressLogMs;
    private long lastCommitMs;

    private record Retry(Pending pending, long dueAtMs, @Nullable String deadLetterReason, @Nullable String deadLetterMessage) {}

    /** Builds a pipeline on given clients (tests pass mock ones); {@link #create} is the usual way. */
    public IndexingPipeline(
            IndexConfig config,
            org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
            Producer<byte[], byte[]> deadLetters,
            ElasticsearchClient es,
            IndexMetrics metrics,
            Consumer<Map<String, Object>> onArticleIndexed,
            Clock clock) {
        this.config = config;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.onArticleIndexed = onArticleIndexed;
        this.clock = clock;
        this.recordOperations = new RecordOperations(config, clock);
        this.mappers = MAPPING_THREADS <= 1 ? null : Executors.newFixedThreadPool(MAPPING_THREADS - 1, Thread.ofPlatform()
                .name("index-mapper-", 0).daemon(true).factory());
        this.marks = new DeadLetterMarks(config.elasticsearch().deadLettersAlias());
        this.asyncEs = new ElasticsearchAsyncClient(es._transport());
        this.backoff = new Backoff(config.bulk().retryInitialMs(), config.bulk().retryMaxMs(), RandomGenerator.getDefault());
        IndexConfig.Bulk bulk = config.bulk();
        this.ingester = BulkIngester.of(b -> b.client(es)
                .maxOperations(bulk.maxOperations())
                .maxSize(bulk.maxBytes())
                .maxConcurrentRequests(bulk.maxConcurrentRequests())
                .flushInterval(bulk.flushIntervalMs(), TimeUnit.MILLISECONDS)
                // Retries are ours (IndexingPipeline), so that they also cover connection errors and 5xx
                // and hold back the offsets of the records they concern.
                .backoffPolicy(BackoffPolicy.noBackoff())
                .listener(new BulkOutcomeListener(events, metrics::recordBulkLatency)));
        this.thread = new Thread(this::run, "index-pipeline");
        metrics.registerPipelineGauges(offsets::inFlight, () -> paused ? 1 : 0);
    }

    /**
     * Builds a pipeline with its own consumer and dead-letter producer; call {@link #start()}.
     *
     * @param onArticleIndexed called on the consumer thread with each article document Elasticsearch wrote, in feed order
     *     ({@code indexed_at}, {@code article_id}) strictly ascending (see {@link FeedSequencer})
     */
    public static IndexingPipeline create(
            IndexConfig config, ElasticsearchClient es, IndexMetrics metrics, Consumer<Map<String, Object>> onArticleIndexed, Clock clock) {
        Map<String, Object> consumerProps = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.kafka().groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.kafka().maxPollRecords(),
                // a killed member holds its partitions until its session expires; 10 s, not Kafka's 45 s
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000,
                ConsumerConfig.CLIENT_ID_CONFIG, config.kafka().groupId() + "-consumer");
        Map<String, Object> producerProps = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, config.kafka().groupId() + "-dlq");
        var consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        var producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        return new IndexingPipeline(config, consumer, producer, es, metrics, onArticleIndexed, clock);
    }

    /** Starts the consumer thread. */
    public void start() {
        consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES.name(), Topics.ALERTS.name()), new Rebalance());
        thread.start();
    }

    /** Records taken from Kafka and not yet acknowledged; for tests and metrics. */
    public int inFlight() {
        return offsets.inFlight();
    }

    private void run() {
        LOG.info("indexing started topics={},{} alias={} maxInFlight={}",
                Topics.ENRICHED_ARTICLES.name(), Topics.ALERTS.name(), config.elasticsearch().articlesAlias(), config.bulk().maxInFlightRecords());
        try {
            while (running) {
                step();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("indexing loop failed; offsets after the last acknowledged record stay uncommitted", e);
        } finally {
            shutdown();
        }
    }

    private void step() {
        drainEvents();
        feed.release(clock.millis(), onArticleIndexed);
        sendDueRetries();
        if (clock.millis() - lastCommitMs >= COMMIT_INTERVAL_MS) {
            lastCommitMs = clock.millis();
            commit(false);
        }
        applyBackpressure();
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
        if (!polled.isEmpty()) {
            // One indexed_at for the poll: the records' feed order among themselves is by article id.
            Instant indexedAt = Instant.ofEpochMilli(feed.indexedAt(clock.millis()));
            for (Mapped mapped : mapAll(polled, indexedAt)) {
                accept(mapped);
            }
        }
        metrics.updateLag(consumer);
        logProgress();
    }

    /** A consumed record with its operations, or the error that kept it from having any. */
    private record Mapped(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, @Nullable List<Pending> operations,
            @Nullable RuntimeException error) {}

    /**
     * Decodes and maps the polled records (Avro decoding, the document, its JSON) on the mapping
     * threads and this one, in chunks; the results come back in poll order, and everything stateful
     * (offsets, feed order, the ingester) stays on this thread.
     */
    private List<Mapped> mapAll(ConsumerRecords<byte[], byte[]> polled, Instant indexedAt) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        if (mappers == null || records.size() < MIN_PARALLEL_RECORDS) {
            return map(records, indexedAt);
        }
        int chunks = MAPPING_THREADS;
        int size = (records.size() + chunks - 1) / chunks;
        List<Future<List<Mapped>>> others = new ArrayList<>();
        for (int from = size; from < records.size(); from += size) {
            List<ConsumerRecord<byte[], byte[]>> chunk = records.subList(from, Math.min(records.size(), from + size));
            others.add(mappers.submit(() -> map(chunk, indexedAt)));
        }
        List<Mapped> out = new ArrayList<>(map(records.subList(0, size), indexedAt));
        for (Future<List<Mapped>> other : others) {
            try {
                out.addAll(other.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while mapping records", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("mapping task failed", e.getCause()); // map() catches per record; not expected
            }
        }
        return out;
    }

    private List<Mapped> map(List<ConsumerRecord<byte[], byte[]>> records, Instant indexedAt) {
        List<Mapped> out = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            try {
                out.add(new Mapped(record, partition, recordOperations.of(record, partition, indexedAt), null));
            } catch (RuntimeException e) {
                out.add(new Mapped(record, partition, null, e));
            }
        }
        return out;
    }

    private void accept(Mapped mapped) {
        ConsumerRecord<byte[], byte[]> record = mapped.record();
        TopicPartition partition = mapped.partition();
        List<Pending> operations = mapped.operations();
        if (mapped.error() instanceof PayloadDecodingException e) {
            deadLetterUnindexable(record, partition, e.reason().name(), e);
            return;
        } else if (mapped.error() != null || operations == null) {
            // A record that decodes but cannot be mapped (a bug or an unexpected value) must not stop the loop.
            RuntimeException e = mapped.error() != null ? mapped.error() : new IllegalStateException("no operations");
            LOG.warn("record cannot be mapped; to dead letters partition={} offset={} error={}", partition, record.offset(), e.toString());
            deadLetterUnindexable(record, partition, "MAPPING_FAILED", e);
            return;
        }
        offsets.register(partition, record.offset(), operations.size());
        for (Pending pending : operations) {
            if (pending.document() != null) {
                feed.register(pending);
            }
            ingester.add(pending.operation(), pending);
        }
    }

    private void deadLetterUnindexable(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, String reason, RuntimeException error) {
        offsets.register(partition, record.offset(), 1);
        Pending.Kind kind = record.topic().equals(Topics.ALERTS.name()) ? Pending.Kind.ALERT : Pending.Kind.ARTICLE;
        Pending pending = new Pending(partition, record.offset(), record.key(), record.value(), kind, "", null, null, 0);
        deadLetter(pending, reason, String.valueOf(error.getMessage()), error);
    }

    private void drainEvents() {
        BulkEvent event;
        while ((event = events.poll()) != null) {
            Pending pending = event.pending();
            switch (event) {
                case BulkEvent.Item item -> handleItem(item);
                case BulkEvent.RequestFailed failed -> {
                    metrics.countDocument(pending.kind(), "retried");
                    scheduleRetry(pending, failed.failure().getClass().getSimpleName() + ": " + failed.failure().getMessage());
                }
                case BulkEvent.DeadLetterChecked checked -> {
                    if (Boolean.TRUE.equals(checked.alreadySent())) {
                        // A replay: this record (or document version) went to news.dlq before.
                        metrics.countDeadLetterSkipped(checked.reason());
                        offsets.ack(pending.partition(), pending.offset());
                    } else {
                        sendDeadLetter(pending, checked.reason(), checked.message(), checked.error());
                    }
                }
                case BulkEvent.DeadLettered dead -> {
                    if (dead.failure() == null) {
                        metrics.countDeadLetter(dead.reason());
                        if (closing) {
                            // The ingester is closed: no marker; a later replay may send this one again.
                            offsets.ack(pending.partition(), pending.offset());
                        } else {
                            // The offset is acknowledged once the marker is written (handleItem, kind DEAD_LETTER).
                            Pending marker = marks.marker(pending, dead.reason(), clock.instant());
                            ingester.add(marker.operation(), marker);
                        }
                    } else {
                        LOG.warn("dead letter not accepted; retrying topic={} partition={} offset={} error={}",
                                Topics.DEAD_LETTERS.name(), pending.partition(), pending.offset(), dead.failure().toString());
                        retries.add(new Retry(pending.nextAttempt(), clock.millis() + backoff.delayMs(pending.attempt() + 1), dead.reason(), dead.message()));
                    }
                }
            }
        }
    }

    private void handleItem(BulkEvent.Item item) {
        Pending pending = item.pending();
        if (pending.kind() == Pending.Kind.DEAD_LETTER && item.outcome() != ItemOutcome.RETRY) {
            // Written, or already there (409): either way the dead letter is recorded. Never dead-letter a marker.
            metrics.countDocument(pending.kind(), item.outcome() == ItemOutcome.REJECTED ? "rejected" : item.outcome() == ItemOutcome.CONFLICT
                    ? "conflict" : "indexed");
            if (item.outcome() == ItemOutcome.REJECTED) {
                LOG.warn("dead-letter marker rejected; a replay may send this dead letter again partition={} offset={} error={}",
                        pending.partition(), pending.offset(), item.error());
            }
            offsets.ack(pending.partition(), pending.offset());
            return;
        }
        switch (item.outcome()) {
            case INDEXED -> {
                metrics.countDocument(pending.kind(), "indexed");
                offsets.ack(pending.partition(), pending.offset());
                if (pending.document() != null) {
                    feed.resolve(pending, true); // published by feed.release, in feed order
                }
            }
            case CONFLICT -> {
                metrics.countDocument(pending.kind(), "conflict");
                offsets.ack(pending.partition(), pending.offset());
                if (pending.document() != null) {
                    feed.resolve(pending, false);
                }
            }
            case RETRY -> {
                metrics.countDocument(pending.kind(), "retried");
                scheduleRetry(pending, "status " + item.status() + " " + item.error());
            }
            case REJECTED -> {
                metrics.countDocument(pending.kind(), "rejected");
                if (pending.document() != null) {
                    feed.resolve(pending, false);
                }
                LOG.warn("document rejected; to dead letters id={} partition={} offset={} error={}",
                        pending.docId(), pending.partition(), pending.offset(), item.error());
                deadLetter(pending, "MAPPING_REJECTED", "status " + item.status() + " " + item.error(), null);
            }
        }
    }

    private void scheduleRetry(Pending pending, String why) {
        Pending next = pending.nextAttempt();
        long delay = backoff.delayMs(next.attempt());
        if (next.attempt() == 1 || next.attempt() % 10 == 0) {
            LOG.warn("bulk retry id={} attempt={} delayMs={} cause={}", pending.docId(), next.attempt(), delay, why);
        }
        retries.add(new Retry(next, clock.millis() + delay, null, null));
    }

    private void sendDueRetries() {
        long now = clock.millis();
        while (!retries.isEmpty() && retries.peek().dueAtMs <= now) {
            Retry retry = retries.poll();
            if (retry.deadLetterReason() != null) {
                deadLetter(retry.pending(), retry.deadLetterReason(), retry.deadLetterMessage(), null);
            } else {
                ingester.add(retry.pending().operation(), retry.pending());
            }
        }
    }

    /**
     * Dead-letters {@code pending} unless its marker says a previous run already did: looks the
     * marker up (asynchronously; the answer comes back as a {@link BulkEvent.DeadLetterChecked}),
     * then sends, then writes the marker, and only then acknowledges the offset.
     */
    private void deadLetter(Pending pending, String reason, @Nullable String message, @Nullable Exception error) {
        String text = message == null ? reason : message;
        String id = DeadLetterMarks.id(DeadLetterMarks.key(pending));
        asyncEs.exists(e -> e.index(marks.alias()).id(id)).whenComplete((found, failure) -> {
            if (failure != null) {
                LOG.warn("dead-letter marker lookup failed; sending anyway partition={} offset={} error={}",
                        pending.partition(), pending.offset(), failure.toString());
            }
            events.add(new BulkEvent.DeadLetterChecked(pending, failure == null ? found.value() : null, reason, text, error));
        });
    }

    private void sendDeadLetter(Pending pending, String reason, String text, @Nullable Exception error) {
        var headers = DeadLetterHeaders.builder(SERVICE, reason, text)
                .source(pending.partition().topic(), pending.partition().partition(), pending.offset());
        if (error != null) {
            headers.exception(error);
        }
        var record = new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, pending.key(), pending.value(), headers.build());
        deadLetters.send(record, (metadata, failure) -> events.add(new BulkEvent.DeadLettered(pending, failure, reason, text)));
    }

    private void commit(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> committable = offsets.committable();
        if (committable.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(committable);
            offsets.markCommitted(committable);
        } else {
            consumer.commitAsync(committable, (done, failure) -> {
                if (failure == null) {
                    offsets.markCommitted(done);
                } else {
                    LOG.warn("offset commit failed; will retry offsets={} error={}", done, failure.toString());
                }
            });
        }
    }

    private void applyBackpressure() {
        int inFlight = offsets.inFlight();
        boolean shouldPause = inFlight >= config.bulk().maxInFlightRecords() || !retries.isEmpty();
        Set<TopicPartition> assignment = consumer.assignment();
        if (shouldPause) {
            consumer.pause(assignment);
            if (!paused) {
                LOG.info("consumption paused inFlight={} retriesWaiting={}", inFlight, retries.size());
                paused = true;
            }
        } else if (paused && inFlight <= config.bulk().maxInFlightRecords() / 2) {
            consumer.resume(assignment);
            paused = false;
            LOG.info("consumption resumed inFlight={}", inFlight);
        }
    }

    private void logProgress() {
        long now = clock.millis();
        if (now - lastProgressLogMs >= PROGRESS_LOG_MS) {
            lastProgressLogMs = now;
            LOG.info("indexing progress {} inFlight={} retriesWaiting={} paused={}", metrics.summary(), offsets.inFlight(), retries.size(), paused);
        }
    }

    private void shutdown() {
        try {
            closing = true;
            ingester.close();
            long deadline = clock.millis() + config.elasticsearch().requestTimeoutMs();
            while (offsets.inFlight() > 0 && retries.isEmpty() && clock.millis() < deadline) {
                drainEvents();
                sleepQuietly(10);
            }
            drainEvents();
            deadLetters.flush();
            drainEvents();
            feed.release(clock.millis() + 1, onArticleIndexed);
            try {
                commit(true);
            } catch (WakeupException e) {
                // close() woke the consumer after the loop had already left poll(); commit once more.
                commit(true);
            }
        } catch (RuntimeException e) {
            LOG.warn("shutdown could not commit the last offsets; they will be re-read and skipped as conflicts error={}", e.toString());
        } finally {
            if (mappers != null) {
                mappers.shutdownNow();
            }
            consumer.close();
            deadLetters.close();
            LOG.info("indexing stopped {}", metrics.summary());
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            try {
                commit(true);
            } catch (RuntimeException e) {
                LOG.warn("commit on revocation failed partitions={} error={}", revoked, e.toString());
            }
            offsets.forget(revoked);
            feed.forget(revoked);
            retries.removeIf(r -> revoked.contains(r.pending().partition()));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            LOG.info("partitions assigned {}", assigned);
            if (paused) {
                consumer.pause(assigned);
            }
        }
    }
}
