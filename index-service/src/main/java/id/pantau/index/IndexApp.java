package id.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import id.pantau.index.alerts.WebhookDispatcher;
import id.pantau.index.api.ApiServer;
import id.pantau.index.api.FeedHub;
import id.pantau.index.api.SearchService;
import id.pantau.index.config.ConfigLoader;
import id.pantau.index.config.IndexConfig;
import id.pantau.index.indexing.ElasticsearchClients;
import id.pantau.index.indexing.IndexAdmin;
import id.pantau.index.indexing.IndexMetrics;
import id.pantau.index.indexing.IndexingPipeline;
import id.pantau.schemas.TopicProvisioner;
import id.pantau.schemas.Topics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** index-service entry point: loads config, wires the parts, starts them and stops them on shutdown. */
public final class IndexApp {

    private static final Logger LOG = LoggerFactory.getLogger(IndexApp.class);
    private static final long ELASTICSEARCH_WAIT_MS = 180_000;

    private IndexApp() {}

    public static void main(String[] args) throws InterruptedException {
        IndexConfig config = ConfigLoader.load(args, System.getenv());
        Running running = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "index-shutdown"));
        stopped.await();
    }

    /**
     * Starts index-service on {@code config}: index templates and aliases, topics, the indexing
     * pipeline, webhook delivery and the API. Waits up to 3 minutes for Elasticsearch to answer.
     *
     * @return the running service; closing it stops everything in reverse order
     */
    public static Running start(IndexConfig config) {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        try {
            ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch());
            parts.push(() -> es._transport().close());
            awaitElasticsearch(es, config);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers()))) {
                TopicProvisioner.ensureTopics(admin, List.of(Topics.ENRICHED_ARTICLES, Topics.ALERTS, Topics.DEAD_LETTERS), config.kafka().replicationFactor());
            }
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(prometheus);
            parts.push(prometheus::close);
            IndexMetrics metrics = new IndexMetrics(prometheus);
            FeedHub hub = new FeedHub(config.api().feedBufferEvents());
            IndexingPipeline pipeline = IndexingPipeline.create(config, es, metrics, hub::publish, Clock.systemUTC());
            parts.push(pipeline);
            pipeline.start();
            if (config.alerts().deliveryEnabled()) {
                WebhookDispatcher dispatcher = new WebhookDispatcher(es, config.elasticsearch().deliveriesAlias(), config.alerts(), prometheus, Clock.systemUTC());
                parts.push(dispatcher);
                dispatcher.start();
            }
            ApiServer api = null;
            if (config.api().enabled()) {
                SearchService search = new SearchService(es, config.elasticsearch().articlesAlias(), config.elasticsearch().alertsAlias());
                api = ApiServer.start(config.api(), es, search, hub, prometheus);
                parts.push(api);
            }
            LOG.info("index-service started es={} kafka={} api={}", config.elasticsearch().uri(), config.kafka().bootstrapServers(),
                    api == null ? "off" : config.api().host() + ":" + api.port());
            return new Running(parts, api, metrics, pipeline);
        } catch (RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    private static void awaitElasticsearch(ElasticsearchClient es, IndexConfig config) {
        IndexAdmin admin = new IndexAdmin(es);
        long deadline = System.currentTimeMillis() + ELASTICSEARCH_WAIT_MS;
        while (true) {
            try {
                admin.ensure(config.elasticsearch());
                return;
            } catch (RuntimeException e) {
                // Unreachable or still starting (503, cluster blocks): wait, up to a deadline.
                if (e instanceof IllegalArgumentException || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("cannot set up Elasticsearch indices at " + config.elasticsearch().uri() + ": " + e.getMessage(), e);
                }
                LOG.info("waiting for Elasticsearch uri={} error={}", config.elasticsearch().uri(), e.toString());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Elasticsearch", ie);
                }
            }
        }
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                LOG.warn("error while stopping a part error={}", e.toString());
            }
        }
    }

    /** A running index-service. Thread-safe; {@link #close()} is idempotent. */
    public static final class Running implements AutoCloseable {
        private final Deque<AutoCloseable> parts;
        private final @Nullable ApiServer api;
        private final IndexMetrics metrics;
        private final IndexingPipeline pipeline;

        private Running(Deque<AutoCloseable> parts, @Nullable ApiServer api, IndexMetrics metrics, IndexingPipeline pipeline) {
            this.parts = parts;
            this.api = api;
            this.metrics = metrics;
            this.pipeline = pipeline;
        }

        /** Port of the HTTP API, or -1 when it is off. */
        public int apiPort() {
            return api == null ? -1 : api.port();
        }

        public IndexMetrics metrics() {
            return metrics;
        }

        /** Records read and not yet acknowledged. */
        public int inFlight() {
            return pipeline.inFlight();
        }

        @Override
        public synchronized void close() {
            closeAll(parts);
            LOG.info("index-service stopped");
        }
    }
}
