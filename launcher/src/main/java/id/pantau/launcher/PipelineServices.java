package id.pantau.launcher;

import id.pantau.enrich.EnrichApp;
import id.pantau.enrich.config.EnrichConfigLoader;
import id.pantau.index.IndexApp;
import id.pantau.ingest.IngestApp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services the launcher runs, in start order: enrich, index, then ingest (so nothing ingest
 * publishes waits for a consumer). Each reads its usual configuration (defaults, then
 * {@code PANTAU_*} variables of this process); the launcher only points it at the local stack.
 */
final class PipelineServices {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineServices.class);

    private PipelineServices() {}

    static List<PipelineService> all() {
        return List.of(enrich(), index(), ingest());
    }

    private static PipelineService enrich() {
        return new PipelineService("enrich", (stack, options) -> {
            Map<String, String> env = environment();
            env.put("PANTAU_ENRICH_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
            env.put("PANTAU_ENRICH_KAFKA_STATE_DIR", options.dataDir().resolve("enrich-state").toAbsolutePath().toString());
            return EnrichApp.start(EnrichConfigLoader.load(null, env));
        });
    }

    private static PipelineService index() {
        return new PipelineService("index", (stack, options) -> {
            Map<String, String> env = environment();
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

    private static PipelineService ingest() {
        return new PipelineService("ingest", (stack, options) -> {
            Map<String, String> env = environment();
            env.put("PANTAU_INGEST_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
            return IngestApp.start(id.pantau.ingest.config.ConfigLoader.load(List.of(), env));
        });
    }

    private static Map<String, String> environment() {
        return new HashMap<>(System.getenv());
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
