package id.pantau.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes groups of records that must become visible together or not at all: an article version on
 * {@code news.articles.raw} and its record on {@code ingest.seen}. Without that, an instance killed
 * between the two acknowledgements publishes the same version again after its restart, since the
 * seen-store never learnt of it.
 *
 * <p>One transactional producer ({@code transactional.id} = instance id + {@code -articles}, so a
 * restarted instance fences its dead predecessor and aborts what it left open). Many crawl threads
 * publish at once, and a Kafka producer runs one transaction at a time, so a writer thread commits
 * whatever groups are waiting in one transaction (group commit): the cost of a commit is shared, and
 * a caller waits for about one commit round trip. A failed transaction is aborted and every group in
 * it fails with {@link PublishException}, so their crawl requests are read again; the producer is
 * replaced when Kafka says it can no longer be used. Thread-safe; {@link #close()} by the owner.
 */
final class ArticleTransactions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleTransactions.class);
    /** Groups committed together at most; a commit of a few dozen small records is still one round trip. */
    private static final int MAX_GROUPS_PER_TRANSACTION = 64;
    /** Longest a caller waits for its group's commit before it gives up and its batch is read again. */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(60);
    /** A transaction left open by a killed instance blocks read_committed readers this long at most. */
    private static final int TRANSACTION_TIMEOUT_MS = 10_000;
    private static final int MAX_BLOCK_MS = 30_000;

    private record Group(List<ProducerRecord<byte[], byte[]>> records, CompletableFuture<Void> committed) {}

    private final Properties producerProps;
    private final BlockingQueue<Group> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    private @Nullable KafkaProducer<byte[], byte[]> producer;

    ArticleTransactions(String bootstrapServers, String instanceId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, instanceId + "-articles");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, instanceId + "-articles");
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        this.producerProps = props;
        this.writer = Thread.ofPlatform().name(instanceId + "-article-transactions").daemon().unstarted(this::run);
        this.producer = newProducer(); // fails the start when the broker refuses transactions
        writer.start();
    }

    /**
     * Writes {@code records} in one transaction with whatever else is waiting; returns once it is
     * committed.
     *
     * @throws PublishException when the transaction failed or did not commit in time (nothing of
     *     {@code records} is visible to read_committed readers then)
     */
    void write(List<ProducerRecord<byte[], byte[]>> records) {
        if (!running) {
            throw failure(records, new IllegalStateException("the article writer is closed"));
        }
        Group group = new Group(List.copyOf(records), new CompletableFuture<>());
        waiting.add(group);
        try {
            group.committed().get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(records, e.getCause());
        } catch (TimeoutException e) {
            throw failure(records, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(records, e);
        }
    }

    private static PublishException failure(List<ProducerRecord<byte[], byte[]>> records, Throwable cause) {
        ProducerRecord<byte[], byte[]> first = records.getFirst();
        return new PublishException(first.topic(), first.key() == null ? "" : new String(first.key(), StandardCharsets.UTF_8),
                cause);
    }

    private void run() {
        while (running || !waiting.isEmpty()) {
            List<Group> groups = new ArrayList<>();
            try {
                Group first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                groups.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            waiting.drainTo(groups, MAX_GROUPS_PER_TRANSACTION - 1);
            commit(groups);
        }
        waiting.forEach(g -> g.committed().completeExceptionally(new IllegalStateException("the article writer closed")));
    }

    private void commit(List<Group> groups) {
        try {
            KafkaProducer<byte[], byte[]> p = producer != null ? producer : (producer = newProducer());
            p.beginTransaction();
            for (Group group : groups) {
                group.records().forEach(p::send);
            }
            p.commitTransaction(); // throws when any send of the transaction failed
            groups.forEach(g -> g.committed().complete(null));
        } catch (RuntimeException e) {
            abortOrReplace(e);
            groups.forEach(g -> g.committed().completeExceptionally(e));
        }
    }

    /**
     * After a failed transaction: abort it and keep the producer, or, when Kafka says the producer
     * can no longer be used (fenced, or the abort itself failed), close it; the next transaction
     * starts a new one, whose initialisation aborts whatever this one left open.
     */
    private void abortOrReplace(RuntimeException cause) {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p == null) {
            LOG.warn("event=article_transaction_failed stage=init message={}", cause.getMessage());
            return;
        }
        if (cause instanceof ProducerFencedException) {
            LOG.error("event=article_producer_fenced message=\"another producer took transactional id {}: is ingest.instance.id shared by two"
                    + " running instances?\"", producerProps.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG));
            replace(p);
            return;
        }
        try {
            p.abortTransaction();
            LOG.warn("event=article_transaction_aborted message={}", cause.getMessage());
        } catch (KafkaException abortFailed) {
            LOG.warn("event=article_transaction_abort_failed message={} cause={}", abortFailed.getMessage(), cause.getMessage());
            replace(p);
        }
    }

    private void replace(KafkaProducer<byte[], byte[]> p) {
        producer = null;
        try {
            p.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debug("event=article_producer_close_failed message={}", e.getMessage());
        }
    }

    private KafkaProducer<byte[], byte[]> newProducer() {
        KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            p.initTransactions();
        } catch (RuntimeException e) {
            p.close(Duration.ZERO);
            throw e;
        }
        return p;
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        KafkaProducer<byte[], byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(10));
        }
    }
}
