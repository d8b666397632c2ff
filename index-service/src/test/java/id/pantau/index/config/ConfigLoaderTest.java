package id.pantau.index.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String HASH = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final Map<String, String> ENV = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH);

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheDefaults() {
        IndexConfig config = ConfigLoader.load(new String[0], ENV);

        assertThat(config.kafka()).isEqualTo(new IndexConfig.Kafka("127.0.0.1:9092", "pantau-index", 500, (short) 1));
        assertThat(config.elasticsearch()).isEqualTo(new IndexConfig.Elasticsearch(URI.create("http://127.0.0.1:9200"), 30_000,
                "articles", "articles-v1", "alerts", "alerts-v1", "alert-deliveries", "alert-deliveries-v1"));
        assertThat(config.bulk()).isEqualTo(new IndexConfig.Bulk(1000, 5_242_880, 200, 2, 5000, 200, 30_000));
        assertThat(config.api()).isEqualTo(new IndexConfig.Api(true, "127.0.0.1", 8083, List.of(HASH), 100, 1000));
        assertThat(config.alerts().webhooks()).isEmpty();
        assertThat(config.api().metricsOpen()).isFalse();
    }

    @Test
    void shouldOpenMetricsOnlyWhenAsked() {
        Map<String, String> env = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH, "PANTAU_INDEX_API_METRICS_OPEN", "true");

        assertThat(ConfigLoader.load(new String[0], env).api().metricsOpen()).isTrue();
    }

    @Test
    void shouldLetTheConfigFileOverrideDefaultsAndTheEnvironmentOverrideBoth() throws IOException {
        Path file = Files.writeString(dir.resolve("index.yaml"), "index.bulk.max.operations: 50\nindex.kafka.group.id: from-file\n");
        Map<String, String> env = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH, "PANTAU_INDEX_KAFKA_GROUP_ID", "from-env");

        IndexConfig config = ConfigLoader.load(new String[] {"--config", file.toString()}, env);

        assertThat(config.bulk().maxOperations()).isEqualTo(50);
        assertThat(config.kafka().groupId()).isEqualTo("from-env");
    }

    @Test
    void shouldReadWebhooksWithSecretsFromTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("index.yaml"), """
                index.alerts.webhooks: "ops"
                index.alerts.webhook.ops.rule: "asn-neutrality-new-story"
                index.alerts.webhook.ops.url: "http://127.0.0.1:9999/hook"
                index.alerts.webhook.ops.secret.env: "OPS_HOOK_SECRET"
                """);
        Map<String, String> env = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH, "OPS_HOOK_SECRET", "s3cret");

        IndexConfig config = ConfigLoader.load(new String[] {"--config=" + file}, env);

        assertThat(config.alerts().webhooks()).containsExactly(
                new IndexConfig.Webhook("ops", "asn-neutrality-new-story", URI.create("http://127.0.0.1:9999/hook"), "s3cret"));
        assertThat(config.alerts().webhooks().get(0).toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldRejectAWebhookWhoseSecretVariableIsUnset() throws IOException {
        Path file = Files.writeString(dir.resolve("index.yaml"), """
                index.alerts.webhooks: "ops"
                index.alerts.webhook.ops.rule: "*"
                index.alerts.webhook.ops.url: "http://127.0.0.1:9999/hook"
                index.alerts.webhook.ops.secret.env: "MISSING_SECRET"
                """);

        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--config", file.toString()}, ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index.alerts.webhook.ops.secret.env: the variable it names is empty or unset");
    }

    @Test
    void shouldRejectAnOutOfRangeValueNamingTheKey() {
        Map<String, String> env = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH, "PANTAU_INDEX_BULK_MAX_OPERATIONS", "0");

        assertThatThrownBy(() -> ConfigLoader.load(new String[0], env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index.bulk.max.operations: expected 1..100000, got 0");
    }

    @Test
    void shouldRejectANonNumber() {
        Map<String, String> env = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH, "PANTAU_INDEX_BULK_FLUSH_INTERVAL_MS", "soon");

        assertThatThrownBy(() -> ConfigLoader.load(new String[0], env))
                .hasMessage("index.bulk.flush.interval.ms: expected an integer, got 'soon'");
    }

    @Test
    void shouldRejectABadBoolean() {
        Map<String, String> env = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH, "PANTAU_INDEX_API_ENABLED", "yes");

        assertThatThrownBy(() -> ConfigLoader.load(new String[0], env))
                .hasMessage("index.api.enabled: expected one of [true, false], got 'yes'");
    }

    @Test
    void shouldRejectUnknownKeys() {
        Map<String, String> env = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH, "PANTAU_INDEX_BULK_MAX_OPS", "5");

        assertThatThrownBy(() -> ConfigLoader.load(new String[0], env))
                .hasMessage("environment: unknown key 'index.bulk.max.ops'; see index-defaults.yaml for the keys");
    }

    @Test
    void shouldRequireAnApiKeyHashWhenTheApiIsOn() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[0], Map.of()))
                .hasMessage("index.api.key.sha256: required when index.api.enabled=true; set PANTAU_INDEX_API_KEY_SHA256 to the hex SHA-256 of a key");
    }

    @Test
    void shouldRejectAKeyThatIsNotAHash() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[0], Map.of("PANTAU_INDEX_API_KEY_SHA256", "plain-key")))
                .hasMessage("index.api.key.sha256: expected 64 hex digits (SHA-256 of a key) per entry, got 'plain-key'");
    }

    @Test
    void shouldRejectARetryMaximumBelowTheInitialDelay() {
        Map<String, String> env = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH, "PANTAU_INDEX_BULK_RETRY_MAX_MS", "100");

        assertThatThrownBy(() -> ConfigLoader.load(new String[0], env))
                .hasMessage("index.bulk.retry.max.ms: expected >= 200, got 100");
    }

    @Test
    void shouldRejectAnUpperCaseIndexName() {
        Map<String, String> env = Map.of("PANTAU_INDEX_API_KEY_SHA256", HASH, "PANTAU_INDEX_ES_ARTICLES_INDEX", "Articles");

        assertThatThrownBy(() -> ConfigLoader.load(new String[0], env))
                .hasMessage("index.es.articles.index: expected a lower-case index name of [a-z0-9._-], got 'Articles'");
    }
}
