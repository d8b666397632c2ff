package id.pantau.ingest.seen;

import id.pantau.ingest.internal.TopicPartitions;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.SeenArticle;
import id.pantau.schemas.serde.PayloadDecodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seen-store rebuilt from the compacted topic {@code ingest.seen} at start (read to its end
 * before {@link #start} returns) and kept up to date by tailing it, so that versions published by
 * other instances are known too. Local writes are visible at once. Thread-safe; {@link #close()} by
 * the owner.
 */
public final class KafkaSeenStore implements SeenStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSeenStore.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final InMemorySeenStore map = new InMemorySeenStore();
    private final Consumer<String, byte[]> consumer;
    private final Duration retryPause;
    private final Thread tailer;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final AtomicInteger failedPollsInARow = new AtomicInteger();
    private volatile boolean running = true;

    /**
     * A store reading {@code ingest.seen} with {@code consumer}, which it closes; not started.
     *
     * @param retryPause wait after a failed poll before the next one
     */
    KafkaSeenStore(Consumer<String, byte[]> consumer, String clientId, Duration retryPause) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.retryPause = Objects.requireNonNull(retryPause, "retryPause");
        this.tailer = Thread.ofPlatform().name(clientId + "-seen-tailer").daemon().unstarted(this::run);
    }

    private static Consumer<String, byte[]> newConsumer(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-seen");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // seen records are written in one transaction with their article: one of an aborted transaction
        // would mark a URL seen whose article was never published
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Starts the store and waits until the topic has been read to its end.
     *
     * @throws IllegalStateException when that takes longer than {@code loadTimeout}
     */
    public static KafkaSeenStore start(String bootstrapServers, String clientId, Duration loadTimeout) {
        return new KafkaSeenStore(newConsumer(bootstrapServers, clientId), clientId, RETRY_PAUSE).load(loadTimeout);
    }

    /**
     * Starts tailing and waits until the topic has been read to its end; returns this store.
     *
     * @throws IllegalStateException when that takes longer than {@code loadTimeout}
     */
    KafkaSeenStore load(Duration loadTimeout) {
        tailer.start();
        try {
            if (!loaded.await(loadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException("seen-store: " + Topics.SEEN_ARTICLES.name() + " not read to its end within "
                        + loadTimeout.toMillis() + " ms (ingest.kafka.seen.load.timeout.ms)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while loading the seen-store", e);
        }
        return this;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = TopicPartitions.await(consumer, Topics.SEEN_ARTICLES.name(), Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant started = Instant.now();
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        apply(record);
                    }
                    failedPollsInARow.set(0);
                    if (loaded.getCount() > 0 && reached(end)) {
                        LOG.info("event=seen_store_loaded urls={} tookMs={}", map.size(), Duration.between(started, Instant.now()).toMillis());
                        loaded.countDown();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // A stopped tailer would leave this instance blind to other instances' publications
                    // (and so re-publish their versions): say so loudly and keep reading from where it was.
                    LOG.error("event=seen_store_poll_failed message={} failedPollsInARow={} retryInMs={}", e.getMessage(),
                            failedPollsInARow.incrementAndGet(), retryPause.toMillis(), e);
                    pause();
                }
            }
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("event=seen_store_failed message={}", e.getMessage(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryPause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            SeenArticle seen = Topics.SEEN_ARTICLES.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (seen != null) {
                map.put(seen);
            }
        } catch (PayloadDecodingException e) {
            // A record we cannot read only costs a possible re-publication of that URL.
            LOG.warn("event=seen_record_unreadable offset={} partition={} reason={}", record.offset(), record.partition(), e.reason());
        }
    }

    @Override
    public @Nullable SeenArticle get(String canonicalUrl) {
        return map.get(Objects.requireNonNull(canonicalUrl, "canonicalUrl"));
    }

    @Override
    public void put(SeenArticle seen) {
        map.put(seen);
    }

    @Override
    public int size() {
        return map.size();
    }

    /**
     * Polls of {@code ingest.seen} that failed since the last one that succeeded. While above zero,
     * this instance does not learn of versions other instances publish (and may publish them again).
     */
    public int failedPollsInARow() {
        return failedPollsInARow.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            tailer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
