package id.pantau.localstack.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestcontainersLocalStackTest {

    @TempDir
    Path home;

    @Test
    void shouldSeeDockerHintInDockerHost() {
        assertThat(TestcontainersLocalStack.hasDockerHint(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), home)).isTrue();
    }

    @Test
    void shouldSeeDockerHintInTestcontainersConfig() throws Exception {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=unix:///x.sock\n");

        assertThat(TestcontainersLocalStack.hasDockerHint(Map.of(), home)).isTrue();
    }

    @Test
    void shouldPinElasticsearchImageToTheEmbeddedNodeVersion() {
        assertThat(TestcontainersLocalStack.elasticsearchImage())
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:8.19.21");
    }
}
