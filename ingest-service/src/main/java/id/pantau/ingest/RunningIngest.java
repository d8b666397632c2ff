package id.pantau.ingest;

import id.pantau.ingest.crawl.CrawlProcessor;
import id.pantau.ingest.crawl.CrawlResult;
import id.pantau.ingest.crawl.CrawlWorker;
import id.pantau.ingest.discovery.DiscoveryScheduler;
import id.pantau.ingest.seen.KafkaSeenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started ingest instance: its parts, a periodic progress log line, and {@link #close()}, which
 * stops discovery first, then the crawl worker, then the clients. Thread-safe; closed by whoever
 * started it (the shutdown hook of {@link IngestApp#main}, the launcher or a test).
 */
public final class RunningIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningIngest.class);

    private final String instanceId;
    private final DiscoveryScheduler discovery;
    private final CrawlWorker worker;
    private final CrawlProcessor processor;
    private final KafkaSeenStore seen;
    private final List<AutoCloseable> closeInOrder;
    private final ScheduledExecutorService progress =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ingest-progress").factory());

    RunningIngest(String instanceId, DiscoveryScheduler discovery, CrawlWorker worker, CrawlProcessor processor, KafkaSeenStore seen,
            List<AutoCloseable> closeInOrder, long progressEveryMs) {
        this.instanceId = instanceId;
        this.discovery = discovery;
        this.worker = worker;
        this.processor = processor;
        this.seen = seen;
        this.closeInOrder = new ArrayList<>(closeInOrder);
        progress.scheduleAtFixedRate(this::logProgress, progressEveryMs, progressEveryMs, TimeUnit.MILLISECONDS);
    }

    /** Sources polled by this instance so far. */
    public long sourcesPolled() {
        return discovery.polledCount();
    }

    /** Crawl requests this instance's discovery sent. */
    public long requestsSent() {
        return discovery.requestedCount();
    }

    /** Crawl requests this instance processed. */
    public long requestsProcessed() {
        return worker.processedCount();
    }

    /** Crawl-request partitions (and so hosts) this instance owns now; empty until the group has settled. */
    public Set<Integer> ownedPartitions() {
        return worker.ownedPartitions();
    }

    /** How many crawl requests ended in each result so far (published, unchanged, dead letter...). */
    public Map<CrawlResult, Long> results() {
        return processor.counts();
    }

    /**
     * Polls of the seen-store's topic that failed since the last one that succeeded; while above zero
     * this instance does not learn of versions other instances publish.
     */
    public int seenStoreFailedPolls() {
        return seen.failedPollsInARow();
    }

    private void logProgress() {
        Map<CrawlResult, Long> results = results();
        LOG.info("event=ingest_progress instance={} sourcesPolled={} requestsSent={} requestsProcessed={} published={} unchanged={} "
                + "alreadySeen={} notModified={} requeued={} deadLetters={} seenStoreFailedPolls={}", instanceId, sourcesPolled(),
                requestsSent(), requestsProcessed(),
                results.get(CrawlResult.PUBLISHED), results.get(CrawlResult.UNCHANGED), results.get(CrawlResult.ALREADY_SEEN),
                results.get(CrawlResult.NOT_MODIFIED), results.get(CrawlResult.REQUEUED), results.get(CrawlResult.DEAD_LETTER),
                seenStoreFailedPolls());
    }

    @Override
    public void close() {
        progress.shutdownNow();
        for (AutoCloseable part : closeInOrder) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("event=close_failed part={} message={}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        LOG.info("event=ingest_stopped instance={}", instanceId);
    }
}
