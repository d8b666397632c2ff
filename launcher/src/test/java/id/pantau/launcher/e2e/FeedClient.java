package id.pantau.launcher.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of index-service's live feed ({@code /api/feed}, Server-Sent Events) that stays connected
 * like a browser's {@code EventSource}: when the connection drops (index-service killed) it
 * reconnects every half second with the last {@code Last-Event-ID} it got. Records each article event
 * (article id and version). Runs on a virtual thread; {@link #close()} stops it.
 */
final class FeedClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One article event: the article's id and version as the event's data had them. */
    record Event(String id, String articleId, int version) {}

    private final URI uri;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread;
    private volatile @Nullable String lastEventId;
    private volatile boolean closed;

    FeedClient(URI uri, String apiKey) {
        this.uri = uri;
        this.apiKey = apiKey;
        this.thread = Thread.ofVirtual().name("e2e-feed-client").start(this::run);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** Connections that got a 200 answer so far. */
    int connections() {
        return connections.get();
    }

    private void run() {
        while (!closed) {
            try {
                readOnce();
            } catch (Exception e) {
                if (!closed) {
                    LOG.debug("e2e=feed-disconnected error={}", e.toString());
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readOnce() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").header("X-Api-Key", apiKey);
        String resumeFrom = lastEventId;
        if (resumeFrom != null) {
            request.header("Last-Event-ID", resumeFrom);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            return;
        }
        LOG.info("e2e=feed-connected connection={} lastEventId={}", connections.incrementAndGet(), resumeFrom);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (!closed && (line = lines.readLine()) != null) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    JsonNode json = JSON.readTree(data.toString());
                    events.add(new Event(id, json.path("article_id").asText(), json.path("version").asInt()));
                    if (id != null) {
                        lastEventId = id;
                    }
                    id = null;
                    data.setLength(0);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
