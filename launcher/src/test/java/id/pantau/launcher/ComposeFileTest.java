package id.pantau.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docker-compose.yml sets only variables the services read, and agrees with them on ports and classes. */
class ComposeFileTest {

    private static JsonNode compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        Path file = Path.of("..", "docker-compose.yml");
        compose = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ingest, /ingest-defaults.yaml, id.pantau.ingest.IngestApp",
        "enrich, /enrich-defaults.yaml, id.pantau.enrich.EnrichApp",
        "index, /index-defaults.yaml, id.pantau.index.IndexApp"
    })
    void shouldSetOnlyConfigurationKeysTheServiceReads(String service, String defaultsResource, String mainClass) throws Exception {
        JsonNode definition = compose.path("services").path(service);
        Set<String> keys = configurationKeys(defaultsResource);

        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> variable : definition.path("environment").properties()) {
            String key = variable.getKey().toLowerCase(Locale.ROOT).replace('_', '.').substring("pantau.".length());
            if (!keys.contains(key)) {
                unknown.add(variable.getKey() + " -> " + key);
            }
        }

        assertThat(definition.isMissingNode()).as("service %s in docker-compose.yml", service).isFalse();
        assertThat(definition.path("environment").properties()).as("environment of %s", service).isNotEmpty();
        assertThat(unknown).as("variables of %s that are no key of %s", service, defaultsResource).isEmpty();
        assertThat(definition.path("build").path("args").path("MAIN_CLASS").asText()).isEqualTo(mainClass);
        assertThat(Class.forName(mainClass).getMethod("main", String[].class)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ingest", "enrich", "index"})
    void shouldPointEveryServiceAtTheComposeBroker(String service) {
        JsonNode environment = compose.path("services").path(service).path("environment");
        String variable = "PANTAU_" + service.toUpperCase(Locale.ROOT) + "_KAFKA_BOOTSTRAP_SERVERS";

        assertThat(environment.path(variable).asText()).isEqualTo("kafka:9092");
        assertThat(compose.path("services").path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
                .isEqualTo("PLAINTEXT://kafka:9092");
    }

    @ParameterizedTest(name = "port {0}")
    @CsvSource({"8083"})
    void shouldPublishTheApiPortTheIndexServiceListensOn(String port) {
        JsonNode index = compose.path("services").path("index");

        assertThat(index.path("environment").path("PANTAU_INDEX_API_PORT").asText()).isEqualTo(port);
        assertThat(index.path("ports").get(0).asText()).isEqualTo("127.0.0.1:" + port + ":" + port);
    }

    private static Set<String> configurationKeys(String resource) throws IOException {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            JsonNode defaults = new ObjectMapper(new YAMLFactory()).readTree(in);
            Set<String> keys = new TreeSet<>();
            defaults.fieldNames().forEachRemaining(keys::add);
            return keys;
        }
    }
}
