package id.pantau.launcher.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook endpoint for index-service's alert deliveries: records every POST (idempotency key,
 * signature, whether the signature is the HMAC-SHA256 of the body under {@code secret}, body, arrival
 * time) and answers 200. Used by the fault suite and by the pipeline bench. Thread-safe;
 * {@link #close()} stops it.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    /**
     * One POST received.
     *
     * @param idempotencyKey the {@code Idempotency-Key} header, or null
     * @param signature the {@code X-Pantau-Signature} header, or null
     * @param signatureValid whether the signature is {@code sha256=<hex HMAC-SHA256 of the body>}
     * @param body the exact body
     * @param receivedNanos when it arrived ({@link System#nanoTime()})
     */
    public record Delivery(@Nullable String idempotencyKey, @Nullable String signature, boolean signatureValid, String body,
            long receivedNanos) {}

    private final HttpServer server;
    private final byte[] secret;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server, String secret) {
        this.server = server;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static WebhookReceiver start(String secret) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            WebhookReceiver receiver = new WebhookReceiver(server, secret);
            server.createContext("/alerts", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("webhook receiver: cannot listen on loopback: " + e.getMessage(), e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }

    /** Every POST so far, in arrival order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            long received = System.nanoTime();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String signature = exchange.getRequestHeaders().getFirst("X-Pantau-Signature");
            boolean valid = ("sha256=" + hmac(body)).equals(signature);
            deliveries.add(new Delivery(key, signature, valid, new String(body, StandardCharsets.UTF_8), received));
            LOG.info("e2e=webhook-received key={} signatureValid={} attempt={}", key, valid,
                    exchange.getRequestHeaders().getFirst("X-Pantau-Attempt"));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
