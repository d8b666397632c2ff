package id.pantau.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldLoadEveryDefault() {
        EnrichConfig config = EnrichConfigLoader.defaults();

        assertThat(config.kafka()).isEqualTo(new EnrichConfig.Kafka("localhost:9092", "pantau-enrich", "./data/enrich-state", 1, 100, 1));
        assertThat(config.rules()).isEqualTo(new EnrichConfig.Rules("", ""));
        assertThat(config.officials()).isEqualTo(new EnrichConfig.Officials(true));
        assertThat(config.story()).isEqualTo(new EnrichConfig.Story(1, 16, 16, 0.2, 72));
        assertThat(config.outletProvinces()).isEqualTo(Map.of(
                "kalbaronline", "61", "tribun-pontianak", "61", "infopublik", "61", "suara-borneo", "65", "tanjungpura", "61"));
    }

    @Test
    void shouldLetFileOverrideDefaultsAndEnvironmentOverrideFile() throws IOException {
        Path file = dir.resolve("enrich.yaml");
        Files.writeString(file, "enrich.kafka.bootstrap.servers: \"broker-a:9092\"\nenrich.story.window.hours: 24\n");

        EnrichConfig config = EnrichConfigLoader.load(file, Map.of(
                "PANTAU_ENRICH_KAFKA_BOOTSTRAP_SERVERS", "broker-b:9092", "PANTAU_ENRICH_STORY_SIMILARITY_MIN", "0.5", "HOME", "/root"));

        assertThat(config.kafka().bootstrapServers()).isEqualTo("broker-b:9092");
        assertThat(config.story().windowHours()).isEqualTo(24);
        assertThat(config.story().similarityMin()).isEqualTo(0.5);
    }

    @Test
    void shouldRejectUnknownKeyNamingIt() throws IOException {
        Path file = dir.resolve("enrich.yaml");
        Files.writeString(file, "enrich.kafka.bootstrap.server: \"typo:9092\"\n");

        assertThatThrownBy(() -> EnrichConfigLoader.load(file, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("enrich.kafka.bootstrap.server: unknown key in " + file + "; known keys: [enrich.kafka.application.id,");
    }

    @Test
    void shouldRejectOutOfRangeValueNamingKeyAndRange() {
        assertThatThrownBy(() -> EnrichConfigLoader.load(null, Map.of("PANTAU_ENRICH_KAFKA_COMMIT_INTERVAL_MS", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enrich.kafka.commit.interval.ms: expected an integer in 10..60000, got 5");
    }

    @Test
    void shouldRejectBadBooleanListingAllowedValues() {
        assertThatThrownBy(() -> EnrichConfigLoader.load(null, Map.of("PANTAU_ENRICH_OFFICIALS_SEED_ENABLED", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enrich.officials.seed.enabled: expected one of [true, false], got 'yes'");
    }

    @Test
    void shouldRejectFunctionsThatAreNotAMultipleOfBands() {
        assertThatThrownBy(() -> new EnrichConfig.Story(1, 100, 64, 0.2, 72))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enrich.story.minhash.functions: expected a multiple of enrich.story.lsh.bands (64), got 100");
    }

    @Test
    void shouldRejectBadProvinceCodeOfOutlet() {
        assertThatThrownBy(() -> new EnrichConfig(EnrichConfigLoader.defaults().kafka(), new EnrichConfig.Rules("", ""),
                        new EnrichConfig.Officials(false), new EnrichConfig.Story(1, 128, 64, 0.2, 72), Map.of("x", "Kalbar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enrich.outlet.provinces.x: expected a two-digit province code, got 'Kalbar'");
    }
}
