package id.pantau.ingest.crawl;

import id.pantau.ingest.config.KafkaConfig;
import id.pantau.ingest.fetch.Sleeper;
import id.pantau.ingest.internal.TopicPartitions;
import id.pantau.ingest.publish.ArticlePublisher;
import id.pantau.ingest.publish.DeadLetter;
import id.pantau.ingest.publish.PublishException;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.CrawlRequest;
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
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code ingest.crawl.requests} in the shared consumer group: each partition, and so each
 * host keyed to it, belongs to one instance at a time, which keeps per-host pacing whole and fetches
 * each request once. The poll loop never waits for fetches: each polled request goes to its host's
 * lane ({@link HostLanes}: one request at a time per host, in order but new articles before revisits of published ones,
 * all hosts in parallel), so a slow or dead host delays only its own requests (issue #3). A requeued request that is not due yet
 * is held in {@link DueRequests} and goes to its lane when due. Lanes report finished requests
 * through a concurrent queue that the poll loop reads; offsets are committed from the poll thread
 * only, per partition at its watermark, the lowest record not finished ({@link PartitionProgress});
 * a partition with too many unfinished records is paused until it drains. A request whose publishing
 * fails is run again in its lane after a pause. A partition let go in a rebalance stops here: its
 * running requests are cancelled after a short grace, and none of its requests writes anything after
 * the revocation ({@link PartitionLease}), so only its next owner publishes, requeues or
 * dead-letters them. Also answers which hosts this instance owns, for discovery. Runs on its own
 * thread; {@link #close()} by the owner, which returns once no request of the worker runs or writes
 * any more, so that the owner may close the clients they use.
 */
public final class CrawlWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlWorker.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** A lane runs a request whose publishing failed again after 1 s, then 2, 4... up to 30 s. */
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(30);
    /**
     * How long a revocation lets the running requests of the revoked partitions finish (and write)
     * before it cancels them: most fetches take well under a second, so a rebalance rarely makes the
     * next owner fetch a page again; a request that takes longer (a slow host, retries, Retry-After)
     * is cut short and done again by the next owner instead of holding up the rebalance.
     */
    static final Duration REVOKE_GRACE = Duration.ofSeconds(5);
    /**
     * How long a revocation then waits for the revoked partitions' writes under way, and for their
     * cancelled requests to stop. A write ends within its own acknowledgement timeout; a cancelled
     * request stops within moments (its fetch, pacing or pause is interrupted).
     */
    static final Duration REVOKE_WAIT = Duration.ofSeconds(30);
    /** How long a stop lets the running requests finish before it lets their partitions go as a revocation does. */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);
    /** How long a commit may take; one that does not make it is done again at the next (or by the next owner). */
    static final Duration COMMIT_WAIT = Duration.ofSeconds(10);
    /** How long closing the consumer may take for leaving the group, beside the revocation it calls. */
    static final Duration CONSUMER_CLOSE = Duration.ofSeconds(5);
    /**
     * The poll loop no longer waits for fetches; between two polls it only commits, dead-letters an
     * undecodable record, or (inside poll, on a rebalance) waits {@link #REVOKE_GRACE} and up to twice
     * {@link #REVOKE_WAIT} for the revoked partitions' requests. Two minutes leave room for that on a slow
     * broker, and a stuck loop still loses its partitions in minutes (Kafka's default is 5 min; the
     * round-based worker needed 15).
     */
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(2);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final CrawlProcessor processor;
    private final CrawlRequestDecoder decoder;
    private final Clock clock;
    private final int maxDuePerPoll;
    private final Thread thread;
    private final String topic = Topics.CRAWL_REQUESTS.name();
    private final AtomicLong processed = new AtomicLong();
    private final HostLanes<Item> lanes;
    /** Requests the lanes finished, for the poll thread to account. */
    private final Queue<Item> finished = new ConcurrentLinkedQueue<>();
    // Used by the worker's thread only (the rebalance listener runs inside poll).
    private final DueRequests held = new DueRequests();
    private final PartitionProgress progress;
    /** Per owned partition, this instance's hold on it; an item carries its partition's, and writes only while it is held. */
    // Concurrent only so that a close() that gave up waiting can revoke them all from its own thread.
    private final Map<TopicPartition, PartitionLease> leases = new ConcurrentHashMap<>();
    private volatile Set<Integer> owned = Set.of();
    private volatile int partitions;
    private volatile boolean running = true;

    public CrawlWorker(KafkaConfig kafka, String clientId, CrawlProcessor processor, ArticlePublisher publisher, Clock clock) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.decoder = new CrawlRequestDecoder(publisher);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxDuePerPoll = kafka.maxPollRecords();
        // a partition is paused with two polls' worth of unfinished records, resumed with one or fewer
        this.progress = new PartitionProgress(2 * kafka.maxPollRecords(), kafka.maxPollRecords());
        // a host's new articles go before its revisits of published ones; the watermark commit allows any finishing order
        this.lanes = new HostLanes<>(item -> CrawlProcessor.hostOf(item.request().getUrl()),
                item -> !processor.revisitsPublished(item.request()), this::process, item -> !item.lease().isHeld(), finished::add,
                Sleeper.SYSTEM, FIRST_RETRY_PAUSE, MAX_RETRY_PAUSE);
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
        // an instance joining or leaving moves only the partitions that change owner; with the eager
        // default every rebalance would revoke every host's lane on every instance
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
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
                    owned = without(owned, revoked);
                    letGo(revoked, true);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> lost) {
                    // another member may own them already: commit nothing for them
                    owned = without(owned, lost);
                    letGo(lost, false);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                    assigned.forEach(partition -> leases.put(partition, new PartitionLease(partition)));
                    Set<Integer> now = new HashSet<>();
                    consumer.assignment().forEach(tp -> now.add(tp.partition()));
                    owned = Set.copyOf(now);
                    LOG.info("event=crawl_partitions_assigned partitions={}", owned);
                }
            });
            while (running) {
                // Wake up in time for the next held request, even when no record comes.
                ConsumerRecords<byte[], byte[]> records = consumer.poll(held.waitAtMost(clock.instant(), POLL));
                take(records);
                submitDue();
                settle();
            }
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("event=crawl_worker_failed message={}", e.getMessage(), e);
        } finally {
            owned = Set.of();
            stop();
            consumer.close(CloseOptions.timeout(CONSUMER_CLOSE));
        }
    }

    /** A request to process, from a polled record or taken from the held ones, with its partition's lease. */
    private record Item(TopicPartition partition, long offset, CrawlRequest request, PartitionLease lease) {}

    /** Hands each polled request to its lane, or holds it when it is not due yet. */
    private void take(ConsumerRecords<byte[], byte[]> records) {
        Instant now = clock.instant();
        Set<TopicPartition> rewound = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            PartitionLease lease = leases.get(partition);
            if (lease == null || rewound.contains(partition) || !progress.taken(partition, record.offset())) {
                continue;
            }
            CrawlRequest request;
            try {
                request = decoder.decode(record);
            } catch (PublishException e) {
                // its dead letter could not be written: read it (and what follows it) again next poll
                progress.rewind(partition, record.offset());
                consumer.seek(partition, record.offset());
                rewound.add(partition);
                LOG.warn("event=crawl_undecodable_retry partition={} offset={} message={}", record.partition(), record.offset(), e.getMessage());
                continue;
            }
            if (request == null) {
                progress.finished(partition, record.offset());
                continue;
            }
            Instant dueAt = processor.dueAt(request);
            if (dueAt.isAfter(now)) {
                held.hold(new DueRequests.Held(partition, record.offset(), request, dueAt));
                LOG.info("event=crawl_request_held url={} attempt={} dueInMs={} partition={} offset={}", request.getUrl(), request.getAttempt(),
                        Duration.between(now, dueAt).toMillis(), record.partition(), record.offset());
            } else {
                lanes.submit(new Item(partition, record.offset(), request, lease));
            }
        }
    }

    /** Hands the held requests that are due to their lanes. */
    private void submitDue() {
        Instant now = clock.instant();
        for (DueRequests.Held due : held.takeDue(now, maxDuePerPoll)) {
            LOG.info("event=crawl_request_due url={} attempt={} lateMs={}", due.request().getUrl(), due.request().getAttempt(),
                    Duration.between(due.dueAt(), now).toMillis());
            PartitionLease lease = leases.get(due.partition());
            if (lease != null) { // held requests of revoked partitions are dropped, so always
                lanes.submit(new Item(due.partition(), due.offset(), due.request(), lease));
            }
        }
    }

    /**
     * Runs on a lane's thread. Throws {@link PartitionRevokedException} when the partition was let go
     * before the request's write: its lane gives it up, unfinished.
     */
    private void process(Item item) {
        CrawlResult result = processor.process(item.request(), new DeadLetter.Source(topic, item.partition().partition(), item.offset()),
                item.lease());
        processed.incrementAndGet();
        LOG.debug("event=crawl_done url={} result={}", item.request().getUrl(), result);
    }

    /** Accounts the finished requests, pauses or resumes partitions by their unfinished records, commits. */
    private void settle() {
        for (Item item = finished.poll(); item != null; item = finished.poll()) {
            if (leases.get(item.partition()) == item.lease()) { // else it finished after its partition was let go
                progress.finished(item.partition(), item.offset());
            }
        }
        Set<TopicPartition> pause = progress.toPause();
        if (!pause.isEmpty()) {
            consumer.pause(pause);
            pause.forEach(p -> LOG.info("event=crawl_partition_paused partition={} unfinished={}", p.partition(), progress.unfinished(p)));
        }
        Set<TopicPartition> resume = progress.toResume();
        if (!resume.isEmpty()) {
            consumer.resume(resume);
            resume.forEach(p -> LOG.info("event=crawl_partition_resumed partition={} unfinished={}", p.partition(), progress.unfinished(p)));
        }
        commit();
    }

    /** Commits what changed: per partition its watermark, never past an unfinished record. */
    private void commit() {
        Map<TopicPartition, Long> changed = progress.toCommit();
        if (changed.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        changed.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
        try {
            consumer.commitSync(commit, COMMIT_WAIT);
            progress.committed(changed);
        } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
            // Not committed: the records are read again by whoever owns them next (at worst fetched again).
            LOG.warn("event=crawl_commit_failed offsets={} message={}", changed, e.getMessage());
        }
    }

    /**
     * Revoked (or lost) partitions: drops their queued and held requests; if revoked (still ours until
     * this returns), lets their running ones finish for {@link #REVOKE_GRACE}; then ends their leases,
     * so none of their requests writes anything any more, waits for the writes under way, cancels the
     * running requests and waits, bounded, for them to stop, so this instance no longer fetches from
     * their hosts either; if revoked, commits what finished; forgets them. Their next owner reads
     * every unfinished request again from the committed offset. A lost partition may be another
     * member's already: it gets no grace and no commit.
     */
    private void letGo(Collection<TopicPartition> revoked, boolean stillOurs) {
        List<PartitionLease> gone = new ArrayList<>();
        revoked.forEach(partition -> {
            PartitionLease lease = leases.get(partition);
            if (lease != null) {
                gone.add(lease);
            }
        });
        Predicate<Item> ofGone = item -> gone.contains(item.lease());
        int queued = lanes.drop(ofGone);
        int heldDropped = held.drop(revoked);
        boolean finishedInGrace = stillOurs && lanes.awaitIdle(ofGone, REVOKE_GRACE);
        Ended ended = end(gone);
        if (stillOurs) {
            settle();
        }
        progress.forget(revoked);
        revoked.forEach(leases::remove);
        if (!ended.writesDone()) {
            // only when the broker took longer than REVOKE_WAIT to acknowledge a write: it may still land
            LOG.warn("event=crawl_revoked_write_pending partitions={}", revoked);
        }
        if (stillOurs) {
            LOG.info("event=crawl_partitions_revoked partitions={} queuedDropped={} heldDropped={} finishedInGrace={} runningCancelled={}"
                    + " stopped={}", revoked.size(), queued, heldDropped, finishedInGrace, ended.cancelled(), ended.stopped());
        } else {
            LOG.warn("event=crawl_partitions_lost partitions={} queuedDropped={} heldDropped={} runningCancelled={} stopped={}",
                    revoked.size(), queued, heldDropped, ended.cancelled(), ended.stopped());
        }
    }

    /** How ending some leases went: whether their writes under way ended, how many requests were cancelled, whether they stopped. */
    private record Ended(boolean writesDone, int cancelled, boolean stopped) {}

    /**
     * Ends {@code gone}, so that no write of their requests starts any more; waits for the writes
     * under way, cancels the requests still running and waits for them to stop, each wait at most
     * {@link #REVOKE_WAIT} in all.
     */
    private Ended end(Collection<PartitionLease> gone) {
        Predicate<Item> ofGone = item -> gone.contains(item.lease());
        gone.forEach(PartitionLease::revoke);
        boolean writesDone = PartitionLease.awaitWrites(gone, REVOKE_WAIT);
        int cancelled = lanes.cancel(ofGone);
        boolean stopped = lanes.awaitIdle(ofGone, REVOKE_WAIT);
        return new Ended(writesDone, cancelled, stopped);
    }

    /**
     * Stops the lanes, waits {@link #STOP_WAIT} for the running requests, then ends every lease as a
     * revocation does (no write after it, cancelled, awaited), so that no request is left running
     * when the owner closes the clients; commits what finished, and forgets the leases, so that the
     * revocation of closing the consumer has nothing left to wait for.
     */
    private void stop() {
        int queued = lanes.stop();
        boolean idle = lanes.awaitIdle(item -> true, STOP_WAIT);
        Ended ended = end(List.copyOf(leases.values()));
        try {
            settle();
        } catch (WakeupException e) {
            settle(); // close() woke the consumer after the loop had ended; the wake-up is used up now
        } catch (RuntimeException e) {
            LOG.warn("event=crawl_final_commit_failed message={}", e.getMessage());
        }
        leases.clear();
        LOG.info("event=crawl_worker_stopped queuedDropped={} held={} runningFinished={} runningCancelled={} stopped={} writesDone={}",
                queued, held.size(), idle, ended.cancelled(), ended.stopped(), ended.writesDone());
    }

    /**
     * How long {@link #close()} waits for the worker's thread: its longest way to its end, each wait
     * at its bound. A revocation may be under way in the poll that close() wakes (grace, writes,
     * cancelled requests, commit); then the stop (running requests, writes, cancelled requests, a
     * commit and the one retried after the wake-up); then closing the consumer (leaving the group
     * and the commit of its revocation). Plus a margin for the steps between.
     */
    static Duration joinBound() {
        Duration revocation = REVOKE_GRACE.plus(REVOKE_WAIT.multipliedBy(2)).plus(COMMIT_WAIT);
        Duration stop = STOP_WAIT.plus(REVOKE_WAIT.multipliedBy(2)).plus(COMMIT_WAIT.multipliedBy(2));
        Duration consumerClose = CONSUMER_CLOSE.plus(COMMIT_WAIT);
        return revocation.plus(stop).plus(consumerClose).plus(Duration.ofSeconds(5));
    }

    private static Set<Integer> without(Set<Integer> partitions, Collection<TopicPartition> gone) {
        Set<Integer> left = new HashSet<>(partitions);
        gone.forEach(tp -> left.remove(tp.partition()));
        return Set.copyOf(left);
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
            thread.join(joinBound());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // A wait above its bound (a bug): at least nothing of the crawl is written once the owner has closed the clients.
            leases.values().forEach(PartitionLease::revoke);
            LOG.error("event=crawl_worker_stop_overran boundMs={} activeLanes={} leasesRevoked=true", joinBound().toMillis(),
                    lanes.activeLanes());
        }
    }
}
