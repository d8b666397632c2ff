package id.pantau.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ElasticsearchSettingsTest {

    @Test
    void shouldRenderSingleNodeLoopbackSettingsWithSecurityOff() {
        ElasticsearchSettings settings = new ElasticsearchSettings("pantau-local", 9300, 9400,
                Path.of("/n/data"), Path.of("/n/my \"logs\""));

        assertThat(settings.render()).isEqualTo("""
                # Written by pantau local-stack at each start; edits are overwritten.
                cluster.name: pantau-local
                node.name: pantau-local-node
                path.data: "/n/data"
                path.logs: "/n/my \\"logs\\""
                network.host: 127.0.0.1
                http.port: 9300
                transport.port: 9400
                discovery.type: single-node
                xpack.security.enabled: false
                cluster.routing.allocation.disk.threshold_enabled: false
                action.destructive_requires_name: false
                """);
    }

    @Test
    void shouldRejectPortOutOfRange() {
        assertThatThrownBy(() -> new ElasticsearchSettings("c", 0, 9400, Path.of("/d"), Path.of("/l")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("httpPort: expected 1..65535, got 0");
    }

    @Test
    void shouldRejectSamePortForHttpAndTransport() {
        assertThatThrownBy(() -> new ElasticsearchSettings("c", 9400, 9400, Path.of("/d"), Path.of("/l")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("httpPort and transportPort must differ, both are 9400");
    }

    @Test
    void shouldRejectClusterNameElasticsearchWouldRefuse() {
        assertThatThrownBy(() -> new ElasticsearchSettings("Pantau Local", 9300, 9400, Path.of("/d"), Path.of("/l")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clusterName: expected lowercase letters, digits, '-' or '_', got 'Pantau Local'");
    }
}
