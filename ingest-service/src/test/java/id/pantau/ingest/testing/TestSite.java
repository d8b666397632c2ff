package id.pantau.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A local HTTP server on 127.0.0.1 with named routes that tests add and change while it runs, and
 * a log of the requests it received. Thread-safe; close it after the test.
 */
public final class TestSite implements AutoCloseable {

    /** One received request. */
    public record Received(String path, String query, Instant at, Map<String, List<String>> headers) {
        public @Nullable String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().getFirst();
                }
            }
            return null;
        }
    }

    /** A route's answer to one exchange. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange, int hit) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final String host;

    /** A site on 127.0.0.1. */
    public TestSite() {
        this("127.0.0.1");
    }

    /** A site on one loopback address, e.g. {@code 127.0.0.5}: each address is a host of its own to the crawler. */
    public TestSite(String loopbackAddress) {
        this.host = loopbackAddress;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", new Dispatcher());
        server.start();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String base() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    /** The host (loopback address) of the site. */
    public String host() {
        return host;
    }

    /** Absolute URL of a path. */
    public String url(String path) {
        return base() + path;
    }

    /** Sets the route of an exact path (without query). */
    public TestSite route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Serves fixed content with a status and content type. */
    public TestSite serve(String path, int status, String contentType, byte[] body) {
        return route(path, (exchange, hit) -> send(exchange, status, contentType, body));
    }

    /** Serves UTF-8 HTML. */
    public TestSite html(String path, String html) {
        return serve(path, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves a classpath resource under /site/. */
    public TestSite resource(String path, String resource, String contentType) {
        return serve(path, 200, contentType, resourceBytes(resource));
    }

    /** Bytes of a test resource under {@code /site/}. */
    public static byte[] resourceBytes(String name) {
        try (InputStream in = TestSite.class.getResourceAsStream("/site/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /site/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text of a test resource under {@code /site/}, with {@code {{base}}} replaced by this site's base URL. */
    public String resourceText(String name) {
        return new String(resourceBytes(name), StandardCharsets.UTF_8).replace("{{base}}", base());
    }

    /** How often a path was requested. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** Requests received so far, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private final class Dispatcher implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            received.add(new Received(path, query, Instant.now(), Map.copyOf(exchange.getRequestHeaders())));
            int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Route route = routes.get(path);
            try {
                if (route == null) {
                    send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                } else {
                    route.answer(exchange, hit);
                }
            } catch (IOException e) {
                // the client went away (timeouts, size limits): expected in these tests
            } finally {
                exchange.close();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
