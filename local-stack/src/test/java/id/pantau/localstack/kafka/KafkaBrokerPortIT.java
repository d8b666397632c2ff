package id.pantau.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.localstack.internal.FreePorts;
import id.pantau.localstack.internal.MoreFiles;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaBrokerPortIT {

    @Test
    void shouldMoveToOtherPortsWhenPickedPortIsTakenBeforeFirstStart() throws Exception {
        Path dir = MoreFiles.createReadableTempDirectory("pantau-kafka-port-it-");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = squatter.getLocalPort();
            KafkaBroker broker = new KafkaBroker(dir, taken, FreePorts.pick());
            try {
                broker.start();

                assertThat(broker.isRunning()).isTrue();
                assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:" + taken);
            } finally {
                broker.close();
            }
        } finally {
            MoreFiles.deleteRecursively(dir);
        }
    }
}
