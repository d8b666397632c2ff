package id.pantau.localstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldNeverHandOutTheSamePortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ports.add(FreePorts.pick());
        }

        assertThat(ports).hasSize(20).allSatisfy(p -> assertThat(p).isBetween(1024, 65535));
    }

    @Test
    void shouldReportPortAsFreeOnlyWhileNobodyListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = socket.getLocalPort();

            assertThat(FreePorts.isFree(port)).isFalse();
        }

        assertThat(FreePorts.isFree(port)).isTrue();
    }
}
