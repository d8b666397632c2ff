package id.pantau.launcher.bench;

import id.pantau.enrich.EnrichApp;
import id.pantau.enrich.config.EnrichConfigLoader;
import id.pantau.index.IndexApp;
import id.pantau.ingest.IngestApp;
import id.pantau.launcher.PipelineServices;
import id.pantau.launcher.demo.DemoContent;
import id.pantau.launcher.demo.DemoSite;
import id.pantau.launcher.e2e.WebhookReceiver;
import id.pantau.localstack.EmbeddedLocalStack;
import id.pantau.schemas.TopicProvisioner;
import id.pantau.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole pipeline on the local stack, as {@code pantau.jar} runs it (broker, services and demo
 * site in one JVM, Elasticsearch a child process), fed by a demo site publishing made-up articles at
 * a fixed rate per stage. For each stage it prints the offered rate, how many articles became
 * searchable and how many neutrality alerts reached a webhook, the drain rate, and p50/p90/p99
 * latency from "published on the demo site" (the article appears in its outlet's feed) to
 * "searchable" (first seen by a search on the {@code articles} alias) and to "alert delivered" (the
 * signed POST reached the webhook receiver).
 *
 * <p>Not part of any test run. From the repository root:
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -pl launcher -Pbench verify -DskipTests -DskipITs
 * </pre>
 *
 * <p>System properties: {@code bench.rates} (articles/s per stage, default {@code 2,5,10,20}),
 * {@code bench.stage.seconds} (default 30), {@code bench.outlets} (stand-in outlets, each on its own
 * loopback host, default 16), {@code bench.alert.every} (every n-th article is a neutrality appeal,
 * default 5).
 */
public final class PipelineBench {

    private static final String API_KEY_SHA256 = "0".repeat(64);
    private static final String WEBHOOK_SECRET_ENV = "PANTAU_BENCH_WEBHOOK_SECRET";
    private static final String WEBHOOK_SECRET = "bench-secret";

    private PipelineBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", System.getProperty("bench.logback", "bench-logback.xml"));
        BenchSettings settings = BenchSettings.fromSystemProperties();
        System.out.printf(Locale.ROOT, "pipeline bench: rates=%s stageSeconds=%d outlets=%d alertEvery=%d cores=%d%n",
                Arrays.toString(settings.rates()), settings.stageSeconds(), settings.outlets(), settings.alertEvery(),
                Runtime.getRuntime().availableProcessors());
        Deque<AutoCloseable> running = new ArrayDeque<>();
        List<StageResult> results = new ArrayList<>();
        try {
            long begin = System.nanoTime();
            EmbeddedLocalStack stack = EmbeddedLocalStack.temporary();
            running.push(stack);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                TopicProvisioner.ensureTopics(admin, Topics.ALL, (short) 1);
            }
            System.out.printf(Locale.ROOT, "stack up in %.1f s (kafka %s, elasticsearch %s)%n", seconds(begin), stack.kafkaBootstrapServers(),
                    stack.elasticsearchUri());

            WebhookReceiver webhook = WebhookReceiver.start(WEBHOOK_SECRET);
            running.push(webhook);
            SearchableProbe probe = SearchableProbe.start(stack.elasticsearchUri(), Duration.ofMillis(200));
            running.push(probe);

            DemoContent content = BenchContent.generate(settings.outlets(), settings.totalArticles() + 1, settings.alertEvery(), 20241127L);
            DemoSite site = DemoSite.start(content, Duration.ZERO, Clock.systemUTC());
            running.push(site);

            Map<String, String> env = new HashMap<>(System.getenv());
            env.put(WEBHOOK_SECRET_ENV, WEBHOOK_SECRET);
            running.push(EnrichApp.start(EnrichConfigLoader.load(null, enrichEnv(env, stack))));
            running.push(IndexApp.start(id.pantau.index.config.ConfigLoader.load(new String[0], indexEnv(env, stack, webhook))));
            running.push(IngestApp.start(id.pantau.ingest.config.ConfigLoader.load(List.of(), ingestEnv(env, stack)), site.outletRegistry(),
                    Clock.systemUTC()));
            System.out.printf(Locale.ROOT, "pipeline up in %.1f s%n", seconds(begin));

            LoadStage.Tracker tracker = new LoadStage.Tracker(probe, webhook);
            // The article the site published at start, as a warm-up: the first one through pays class loading and JIT.
            String first = site.published().getFirst().url();
            tracker.published(first, System.nanoTime(), true);
            tracker.awaitAll(List.of(first), Duration.ofSeconds(180));
            System.out.println(StageResult.HEADER);
            int articleIndex = 1;
            for (int rate : settings.rates()) {
                LoadStage stage = new LoadStage(rate, settings.stageSeconds(), settings.alertEvery(), articleIndex);
                StageResult result = stage.run(site, tracker);
                articleIndex += stage.articles();
                results.add(result);
                System.out.println(result.line());
            }
        } finally {
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (Exception e) {
                    System.err.println("stop failed: " + e);
                }
            }
        }
        System.out.println();
        System.out.println(StageResult.HEADER);
        results.forEach(r -> System.out.println(r.line()));
        System.out.println(StageResult.sustained(results));
    }

    private static Map<String, String> enrichEnv(Map<String, String> base, EmbeddedLocalStack stack) {
        Map<String, String> env = new HashMap<>(base);
        env.put("PANTAU_ENRICH_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.put("PANTAU_ENRICH_KAFKA_STATE_DIR", stack.baseDir().resolve("enrich-state").toString());
        return env;
    }

    private static Map<String, String> indexEnv(Map<String, String> base, EmbeddedLocalStack stack, WebhookReceiver webhook) {
        Map<String, String> env = new HashMap<>(base);
        env.put("PANTAU_INDEX_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.put("PANTAU_INDEX_ES_URI", stack.elasticsearchUri().toString());
        env.put("PANTAU_INDEX_API_PORT", "0");
        env.put("PANTAU_INDEX_API_KEY_SHA256", API_KEY_SHA256);
        env.put("PANTAU_INDEX_ALERTS_WEBHOOKS", "bench");
        env.put("PANTAU_INDEX_ALERTS_WEBHOOK_BENCH_RULE", BenchContent.ALERT_RULE);
        env.put("PANTAU_INDEX_ALERTS_WEBHOOK_BENCH_URL", webhook.uri().toString());
        env.put("PANTAU_INDEX_ALERTS_WEBHOOK_BENCH_SECRET_ENV", WEBHOOK_SECRET_ENV);
        return env;
    }

    /** Ingest as in {@code --demo}: {@link PipelineServices#demoSettings}. */
    private static Map<String, String> ingestEnv(Map<String, String> base, EmbeddedLocalStack stack) {
        Map<String, String> env = new HashMap<>(base);
        env.put("PANTAU_INGEST_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        PipelineServices.demoSettings(env);
        return env;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
