package id.pantau.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Searches the {@code articles} alias every {@code interval} for documents indexed in the last
 * minute and notes when each article URL was first found: the moment it became searchable, give or
 * take one interval. Thread-safe.
 */
final class SearchableProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECENT = """
            {"size": 10000, "_source": ["url", "canonical_url"], "query": {"range": {"indexed_at": {"gte": "now-60s"}}}}""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI search;
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-searchable-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastError = "";

    private SearchableProbe(URI elasticsearch) {
        this.search = elasticsearch.resolve("/articles/_search");
    }

    static SearchableProbe start(URI elasticsearch, Duration interval) {
        SearchableProbe probe = new SearchableProbe(elasticsearch);
        probe.poller.scheduleWithFixedDelay(probe::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    /** When a search first found {@code articleUrl} (System.nanoTime), or null. */
    Long searchableAt(String articleUrl) {
        return firstSeenNanos.get(articleUrl);
    }

    String lastError() {
        return lastError;
    }

    private void poll() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(search).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(RECENT)).build(), HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (response.statusCode() != 200) {
                lastError = response.statusCode() + " " + response.body();
                return;
            }
            for (JsonNode hit : JSON.readTree(response.body()).path("hits").path("hits")) {
                firstSeenNanos.putIfAbsent(hit.path("_source").path("url").asText(), now);
                firstSeenNanos.putIfAbsent(hit.path("_source").path("canonical_url").asText(), now);
            }
        } catch (IOException e) {
            lastError = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
