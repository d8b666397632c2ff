package id.pantau.ingest;

import id.pantau.ingest.config.ConfigLoader;
import id.pantau.ingest.config.IngestConfig;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.crawl.CrawlProcessor;
import id.pantau.ingest.crawl.CrawlWorker;
import id.pantau.ingest.crawl.Requeue;
import id.pantau.ingest.discovery.CandidateGate;
import id.pantau.ingest.discovery.DiscoveryScheduler;
import id.pantau.ingest.discovery.RevisitSchedule;
import id.pantau.ingest.discovery.SourcePoller;
import id.pantau.ingest.extract.ArticleExtractor;
import id.pantau.ingest.fetch.HostPacer;
import id.pantau.ingest.fetch.HttpFetcher;
import id.pantau.ingest.fetch.PoliteFetcher;
import id.pantau.ingest.fetch.Sleeper;
import id.pantau.ingest.publish.KafkaPublisher;
import id.pantau.ingest.seen.KafkaSeenStore;
import id.pantau.schemas.TopicProvisioner;
import id.pantau.schemas.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ingest-service entry point: loads the config and the outlet registry, creates missing topics,
 * wires seen-store, fetcher, extractor, crawl worker and discovery, and starts them.
 */
public final class IngestApp {

    private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);
    private static final long PROGRESS_EVERY_MS = 30_000;

    private IngestApp() {}

    /** Runs until the JVM is stopped. Arguments: {@code [--config FILE]}. */
    public static void main(String[] args) {
        IngestConfig config = ConfigLoader.load(List.of(args), System.getenv());
        RunningIngest running = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "ingest-shutdown"));
    }

    /** Starts an instance with the outlets named by the config; for the launcher. */
    public static RunningIngest start(IngestConfig config) {
        return start(config, OutletRegistry.forConfig(config), Clock.systemUTC());
    }

    /**
     * Starts an instance with the given outlets.
     *
     * @throws IllegalStateException when the broker cannot be reached or the seen-store not loaded
     */
    public static RunningIngest start(IngestConfig config, OutletRegistry outlets, Clock clock) {
        String id = config.instanceId();
        LOG.info("event=ingest_starting instance={} outlets={} bootstrap={} userAgent=\"{}\"", id, outlets.outlets().size(),
                config.kafka().bootstrapServers(), config.http().userAgentHeader());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, List.of(Topics.CRAWL_REQUESTS, Topics.SEEN_ARTICLES, Topics.RAW_ARTICLES, Topics.DEAD_LETTERS),
                    config.kafka().replicationFactor());
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            KafkaSeenStore seen = keep(started, KafkaSeenStore.start(config.kafka().bootstrapServers(), id, config.kafka().seenLoadTimeout()));
            KafkaPublisher publisher = keep(started, new KafkaPublisher(config.kafka().bootstrapServers(), id));
            HttpFetcher http = keep(started, new HttpFetcher(config.http(), clock));
            PoliteFetcher fetcher = new PoliteFetcher(http, new HostPacer(clock, Sleeper.SYSTEM), config.fetch(), config.http().userAgent(), clock);
            CrawlProcessor processor = new CrawlProcessor(outlets, fetcher, new ArticleExtractor(clock), seen, publisher, clock,
                    Requeue.of(publisher, config.fetch(), clock));
            CrawlWorker worker = keep(started, new CrawlWorker(config.kafka(), id, processor, publisher, clock));
            DiscoveryScheduler discovery = keep(started, new DiscoveryScheduler(outlets,
                    new SourcePoller(fetcher, config.discovery().maxChildSitemaps()),
                    new CandidateGate(config.discovery().recentWindow(),
                            new RevisitSchedule(config.discovery().revisit(), config.discovery().revisitMaxPerPoll()), seen, clock),
                    publisher, publisher, worker::ownsHost, config.discovery(), clock));
            worker.start();
            discovery.start();
            LOG.info("event=ingest_started instance={} seenUrls={}", id, seen.size());
            return new RunningIngest(id, discovery, worker, processor, seen, List.of(discovery, worker, http, publisher, seen),
                    PROGRESS_EVERY_MS);
        } catch (RuntimeException e) {
            // Close what was started, newest first, and report the cause of the failed start.
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T keep(List<AutoCloseable> started, T part) {
        started.add(part);
        return part;
    }
}
