package id.pantau.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** Receives index-service's alert webhooks and notes when the first POST for each article URL arrived. Thread-safe. */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Long> firstDeliveryNanos = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/alerts", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                JsonNode alert = JSON.readTree(body);
                receiver.firstDeliveryNanos.putIfAbsent(alert.path("url").asText(), System.nanoTime());
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return receiver;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }

    /** When the first alert naming {@code articleUrl} arrived (System.nanoTime), or null. */
    Long deliveredAt(String articleUrl) {
        return firstDeliveryNanos.get(articleUrl);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
