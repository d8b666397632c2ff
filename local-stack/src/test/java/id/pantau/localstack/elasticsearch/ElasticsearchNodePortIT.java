package id.pantau.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.localstack.internal.FreePorts;
import id.pantau.localstack.internal.MoreFiles;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ElasticsearchNodePortIT {

    @Test
    void shouldMoveToOtherPortsWhenPickedHttpPortIsTakenBeforeFirstStart() throws Exception {
        Path dir = MoreFiles.createReadableTempDirectory("pantau-es-port-it-");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = squatter.getLocalPort();
            ElasticsearchNode node = new ElasticsearchNode(dir.resolve("node"));
            node.presetPorts(taken, FreePorts.pick());
            try {
                node.start();

                assertThat(node.isRunning()).isTrue();
                assertThat(node.uri().getPort()).isNotEqualTo(taken);
                assertThat(Files.readString(node.consoleLog(), StandardCharsets.UTF_8))
                        .contains("BindHttpException");
            } finally {
                node.close();
            }
        } finally {
            MoreFiles.deleteRecursively(dir);
        }
    }
}
