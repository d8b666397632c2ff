package id.pantau.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void shouldLoadBundledDefaults() {
        IngestConfig config = ConfigLoader.load(List.of(), Map.of());

        assertThat(config.instanceId()).isEqualTo("ingest-1");
        assertThat(config.outletsFile()).isEmpty();
        assertThat(config.http()).isEqualTo(new HttpConfig("pantau-ingest/0.1",
                URI.create("https://pantau.invalid/crawler"), Duration.ofSeconds(5), Duration.ofSeconds(20),
                5_242_880, 5, false));
        assertThat(config.fetch()).isEqualTo(new FetchConfig(Duration.ofSeconds(1), Duration.ofSeconds(60), 3, Duration.ofSeconds(2),
                Duration.ofSeconds(60), Duration.ofHours(1), 1, Duration.ofSeconds(60)));
        assertThat(config.discovery()).isEqualTo(new DiscoveryConfig(Duration.ofHours(48), Duration.ofSeconds(15), Duration.ofSeconds(30), 20, Duration.ofHours(1), 2));
        assertThat(config.kafka()).isEqualTo(new KafkaConfig("127.0.0.1:9092", "pantau-ingest", (short) 1, 50, Duration.ofSeconds(60)));
        assertThat(config.http().userAgentHeader())
                .isEqualTo("pantau-ingest/0.1 (+https://pantau.invalid/crawler)");
    }

    @Test
    void shouldLetConfigFileOverrideDefaultsAndEnvironmentOverrideBoth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest.yaml");
        Files.writeString(file, """
                ingest.fetch.delay.ms: 2500
                ingest:
                  kafka:
                    bootstrap.servers: broker:9092
                """);

        IngestConfig config = ConfigLoader.load(List.of("--config", file.toString()),
                Map.of("PANTAU_INGEST_FETCH_DELAY_MS", "4000", "PANTAU_INDEX_BULK_MAX_BYTES", "1", "HOME", "/root"));

        assertThat(config.fetch().hostDelay()).isEqualTo(Duration.ofMillis(4000));
        assertThat(config.kafka().bootstrapServers()).isEqualTo("broker:9092");
    }

    @Test
    void shouldRejectUnknownKeyFromEnvironment() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("PANTAU_INGEST_FETCH_DELAY", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown config keys [ingest.fetch.delay]; known keys are listed in ingest-defaults.yaml");
    }

    @Test
    void shouldNameKeyAndRangeOfBadNumber() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("PANTAU_INGEST_HTTP_MAX_REDIRECTS", "99")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ingest.http.max.redirects: expected an integer in 0..20, got 99");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("PANTAU_INGEST_FETCH_RETRIES", "tiga")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ingest.fetch.retries: expected an integer in 0..10, got 'tiga'");
    }

    @Test
    void shouldNameAllowedValuesOfBadBoolean() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("PANTAU_INGEST_HTTP_ALLOW_PRIVATE_ADDRESSES", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ingest.http.allow.private.addresses: expected one of [true, false], got 'yes'");
    }

    @Test
    void shouldRejectPollMaxBelowPollMin() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("PANTAU_INGEST_DISCOVERY_POLL_MAX_MS", "1000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ingest.discovery.poll.max.ms: expected at least ingest.discovery.poll.min.ms (15000), got 1000");
    }

    @Test
    void shouldNameTheRangesOfTheRevisitKeys() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("PANTAU_INGEST_DISCOVERY_REVISIT_MS", "1000")))
                .hasMessage("ingest.discovery.revisit.ms: expected 0 (never) or 60000..604800000, got 1000");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("PANTAU_INGEST_DISCOVERY_REVISIT_MAX_PER_POLL", "0")))
                .hasMessage("ingest.discovery.revisit.max.per.poll: expected an integer in 1..1000, got 0");
    }

    @Test
    void shouldRejectBadContactUrl() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of("PANTAU_INGEST_HTTP_CONTACT_URL", "mailto:ops@pantau.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ingest.http.contact.url: expected an absolute http(s) URL, got 'mailto:ops@pantau.example'");
    }

    @Test
    void shouldRejectUnknownArgument() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--verbose"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown argument '--verbose'; allowed: --config FILE");
    }

    @Test
    void shouldRequireEveryKey() {
        Map<String, String> values = new HashMap<>(ConfigLoader.defaults());
        values.remove("ingest.kafka.group.id");

        assertThatThrownBy(() -> IngestConfig.from(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ingest.kafka.group.id: required, but not set");
    }
}
