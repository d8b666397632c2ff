package id.pantau.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchNodeOptionsTest {

    @Test
    void shouldUseDefaultsWhenEnvironmentIsEmpty() {
        ElasticsearchNodeOptions options = ElasticsearchNodeOptions.fromEnvironment(Path.of("/n"), Map.of(), null,
                null, Path.of("/home/u"));

        assertThat(options.version()).isEqualTo("8.19.21");
        assertThat(options.zipOverride()).isNull();
        assertThat(options.mavenRepositories()).containsExactly(Path.of("/home/u/.m2/repository"));
        assertThat(options.cacheDir()).isEqualTo(Path.of("/home/u/.cache/pantau"));
        assertThat(options.runtimeDir()).isEqualTo(Path.of("/var/tmp/pantau"));
        assertThat(options.heap()).isEqualTo("512m");
        assertThat(options.startTimeout()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void shouldTakeOverridesFromEnvironment() {
        ElasticsearchNodeOptions options = ElasticsearchNodeOptions.fromEnvironment(Path.of("/n"), Map.of(
                "PANTAU_CACHE_DIR", "/c", "PANTAU_ES_ZIP", "/z.zip", "PANTAU_ES_RUNTIME_DIR", "/r",
                "PANTAU_ES_HEAP", "1g"), "/repo", Path.of("/cp-repo"), Path.of("/home/u"));

        assertThat(options.cacheDir()).isEqualTo(Path.of("/c"));
        assertThat(options.zipOverride()).isEqualTo("/z.zip");
        assertThat(options.mavenRepositories())
                .containsExactly(Path.of("/repo"), Path.of("/cp-repo"), Path.of("/home/u/.m2/repository"));
        assertThat(options.runtimeDir()).isEqualTo(Path.of("/r"));
        assertThat(options.heap()).isEqualTo("1g");
    }

    @Test
    void shouldRejectMalformedHeapNamingTheVariable() {
        assertThatThrownBy(() -> ElasticsearchNodeOptions.fromEnvironment(Path.of("/n"),
                Map.of("PANTAU_ES_HEAP", "512"), null, null, Path.of("/home/u")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PANTAU_ES_HEAP: expected a size like 512m or 1g, got '512'");
    }
}
