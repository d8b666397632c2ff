package id.pantau.localstack.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks free TCP ports on 127.0.0.1. A port is free when the operating system hands it out for an
 * ephemeral bind; ports already handed out by this JVM are never returned twice, so a broker port
 * and a controller port picked one after the other always differ. Thread-safe.
 */
public final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final int MAX_ATTEMPTS = 50;

    private FreePorts() {}

    /**
     * Returns a port that was free on 127.0.0.1 a moment ago and that this JVM has not handed out before.
     *
     * @throws UncheckedIOException when no port can be bound
     * @throws IllegalStateException when the OS keeps returning ports already handed out
     */
    public static synchronized int pick() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int port = bindEphemeral();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no new free port on 127.0.0.1 after " + MAX_ATTEMPTS + " attempts");
    }

    /** True when nothing listens on {@code port} of 127.0.0.1 and it can be bound now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int bindEphemeral() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind an ephemeral port on 127.0.0.1", e);
        }
    }
}
