package id.pantau.launcher;

import id.pantau.enrich.EnrichApp;
import id.pantau.enrich.config.EnrichConfigLoader;
import id.pantau.index.IndexApp;
import id.pantau.ingest.IngestApp;
import id.pantau.ingest.RunningIngest;
import id.pantau.launcher.demo.DemoContent;
import id.pantau.launcher.demo.DemoSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services the launcher runs, in start order: enrich, index, then ingest (so nothing ingest
 * publishes waits for a consumer). Each reads its usual configuration (defaults, then
 * {@code PANTAU_*} variables); the launcher only points it at the local stack. With
 * {@link LauncherOptions#demo()}, ingest follows the in-process {@link DemoSite} instead of the
 * outlets of its registry, with loopback fetches allowed and short poll intervals. Public for the
 * end-to-end tests in sub-packages.
 */
public final class PipelineServices {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineServices.class);

    private PipelineServices() {}

    /** The services, configured from this process's environment. */
    public static List<PipelineService> all() {
        return all(System.getenv());
    }

    /** The services, configured from {@code environment} (defaults, then these {@code PANTAU_*} variables). */
    public static List<PipelineService> all(Map<String, String> environment) {
        Map<String, String> base = Map.copyOf(environment);
        return List.of(enrich(base), index(base), ingest(base));
    }

    private static PipelineService enrich(Map<String, String> base) {
        return new PipelineService("enrich", (stack, options) -> {
            Map<String, String> env = new HashMap<>(base);
            env.put("PANTAU_ENRICH_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
            env.put("PANTAU_ENRICH_KAFKA_STATE_DIR", options.dataDir().resolve("enrich-state").toAbsolutePath().toString());
            return EnrichApp.start(EnrichConfigLoader.load(null, env));
        });
    }

    private static PipelineService index(Map<String, String> base) {
        return new PipelineService("index", (stack, options) -> {
            Map<String, String> env = new HashMap<>(base);
            env.put("PANTAU_INDEX_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
            env.put("PANTAU_INDEX_ES_URI", stack.elasticsearchUri().toString());
            if (!env.containsKey("PANTAU_INDEX_API_KEY_SHA256")) {
                String key = randomKey();
                env.put("PANTAU_INDEX_API_KEY_SHA256", sha256(key));
                LOG.info("api=key-generated key={} hint=\"send it as the X-Api-Key header; set PANTAU_INDEX_API_KEY_SHA256 to choose your own\"", key);
            }
            IndexApp.Running running = IndexApp.start(id.pantau.index.config.ConfigLoader.load(new String[0], env));
            LOG.info("api=ready url=http://127.0.0.1:{}/api/search health=http://127.0.0.1:{}/health", running.apiPort(), running.apiPort());
            return running;
        });
    }

    private static PipelineService ingest(Map<String, String> base) {
        return new PipelineService("ingest", (stack, options) -> {
            Map<String, String> env = new HashMap<>(base);
            env.put("PANTAU_INGEST_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
            if (!options.demo()) {
                return IngestApp.start(id.pantau.ingest.config.ConfigLoader.load(List.of(), env));
            }
            DemoSite site = DemoSite.start(DemoContent.bundled(), options.demoInterval(), Clock.systemUTC());
            try {
                demoSettings(env);
                RunningIngest ingest = IngestApp.start(id.pantau.ingest.config.ConfigLoader.load(List.of(), env), site.outletRegistry(),
                        Clock.systemUTC());
                LOG.info("demo=on source=\"local demo site, made-up articles; the real outlets are not contacted\" feeds={}",
                        site.outletRegistry().outlets().stream().map(o -> o.urlOf(o.sources().getFirst())).toList());
                return () -> {
                    try {
                        ingest.close();
                    } finally {
                        site.close();
                    }
                };
            } catch (RuntimeException e) {
                site.close();
                throw e;
            }
        });
    }

    /** Ingest settings of a demo run: the demo site is on loopback and changes every few seconds. */
    public static void demoSettings(Map<String, String> env) {
        env.put("PANTAU_INGEST_HTTP_ALLOW_PRIVATE_ADDRESSES", "true");
        env.putIfAbsent("PANTAU_INGEST_DISCOVERY_POLL_MIN_MS", "1000");
        env.putIfAbsent("PANTAU_INGEST_DISCOVERY_POLL_MAX_MS", "3000");
        env.putIfAbsent("PANTAU_INGEST_FETCH_DELAY_MS", "100");
        env.putIfAbsent("PANTAU_INGEST_FETCH_RETRY_BACKOFF_MS", "500");
    }

    private static String randomKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
