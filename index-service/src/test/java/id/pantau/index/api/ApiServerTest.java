package id.pantau.index.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import id.pantau.index.TestArticles;
import id.pantau.index.config.IndexConfig;
import id.pantau.index.indexing.ArticleDocumentMapper;
import id.pantau.index.indexing.ElasticsearchClients;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API server without Elasticsearch: auth, error bodies, and the live part of the feed. */
class ApiServerTest {

    private static final String KEY = "kunci-unit";
    private final HttpClient http = HttpClient.newHttpClient();
    private final FeedHub hub = new FeedHub(10);
    private ElasticsearchClient es;
    private ApiServer server;

    @BeforeEach
    void start() {
        // Nothing listens on port 9: Elasticsearch is unreachable for these tests.
        es = ElasticsearchClients.create(new IndexConfig.Elasticsearch(URI.create("http://127.0.0.1:9"), 1000, "articles", "articles-v1",
                "alerts", "alerts-v1", "alert-deliveries", "alert-deliveries-v1"));
        IndexConfig.Api config = new IndexConfig.Api(true, "127.0.0.1", 0, List.of(ApiKeyAuth.hash(KEY)), 50, 10);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("scrape.probe").increment();
        server = ApiServer.start(config, es, new SearchService(es, "articles", "alerts"), hub, registry);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        es._transport().close();
    }

    @Test
    void shouldAnswerWithJsonErrorsAndNoStackTraces() throws Exception {
        HttpResponse<String> missing = get("/api/search", null);
        HttpResponse<String> wrong = get("/api/search", "salah");
        HttpResponse<String> tooBig = get("/api/search?size=51", KEY);
        HttpResponse<String> backendDown = get("/api/search?q=asn", KEY);
        HttpResponse<String> health = get("/health", null);
        HttpResponse<String> feedWithoutAccept = get("/api/feed", KEY);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"error\":\"missing API key: send it in the X-Api-Key header\"}");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"API key not accepted\"}");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).isEqualTo("{\"error\":\"size: expected 1..50, got 51\"}");
        assertThat(backendDown.statusCode()).isEqualTo(503);
        assertThat(backendDown.body()).startsWith("{\"error\":\"search backend unavailable\",\"error_id\":\"").doesNotContain("Exception");
        assertThat(feedWithoutAccept.statusCode()).isEqualTo(406);
        assertThat(feedWithoutAccept.body()).isEqualTo("{\"error\":\"the feed is Server-Sent Events: send Accept: text/event-stream\"}");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"DEGRADED\",\"elasticsearch\":\"unreachable\",\"feed_subscribers\":0}");
    }

    @Test
    void shouldStreamLiveArticlesThatPassTheFeedFilters() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/feed?region=61.04"))
                .header(ApiKeyAuth.HEADER, KEY).header("Accept", "text/event-stream").build();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                }
            } catch (Exception e) {
                lines.add("failed: " + e);
            }
        });
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo(": live");

        ArticleDocumentMapper mapper = new ArticleDocumentMapper();
        hub.publish(mapper.toDocument(TestArticles.pontianak("p1", 1, "o"), Instant.ofEpochMilli(1000)));
        hub.publish(mapper.toDocument(TestArticles.mempawah("m1", 1, "o"), Instant.ofEpochMilli(1001)));

        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("id: 1001_m1");
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("event: article");
        assertThat(lines.poll(5, TimeUnit.SECONDS)).startsWith("data: {\"article_id\":\"m1\",\"version\":1,\"outlet\":\"o\"");
        reader.interrupt();
    }

    @Test
    void shouldKeepMetricsBehindTheKeyByDefault() throws Exception {
        HttpResponse<String> missing = get("/metrics", null);
        HttpResponse<String> missingTrailingSlash = get("/metrics/", null);
        HttpResponse<String> wrong = get("/metrics", "salah");
        HttpResponse<String> keyed = get("/metrics", KEY);
        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).doesNotContain("jvm_");
        assertThat(missingTrailingSlash.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(keyed.statusCode()).isEqualTo(200);
        assertThat(keyed.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(keyed.body()).contains("# TYPE scrape_probe_total counter");
        assertThat(bearer.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeMetricsWithoutAKeyWhenOpenedButKeepTheApiKeyed() throws Exception {
        IndexConfig.Api open = new IndexConfig.Api(true, "127.0.0.1", 0, List.of(ApiKeyAuth.hash(KEY)), 50, 10, true);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("scrape.probe").increment();
        try (ApiServer openServer = ApiServer.start(open, es, new SearchService(es, "articles", "alerts"), hub, registry)) {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + openServer.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> search = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + openServer.port() + "/api/alerts")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("scrape_probe_total 1.0");
            assertThat(search.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void shouldServeThePageAndItsAssetsWithoutAKey() throws Exception {
        HttpResponse<String> page = get("/", null);
        HttpResponse<String> script = get("/app.js", null);
        HttpResponse<String> style = get("/app.css", null);
        HttpResponse<String> missing = get("/nothing.js", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(page.body()).contains("<script src=\"app.js\" defer></script>", "<link rel=\"stylesheet\" href=\"app.css\">",
                "id=\"search-form\"", "id=\"feed\"", "id=\"alerts\"", "id=\"chart\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript");
        assertThat(script.body()).contains("new EventSource('/api/feed?key=' + encodeURIComponent(key()) + query)").doesNotContain("innerHTML");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css");
        assertThat(style.body()).contains("#results > li");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAcceptTheKeyQueryParameterOnTheFeedOnly() throws Exception {
        HttpResponse<String> searchWithQueryKey = get("/api/search?key=" + KEY, null);
        HttpResponse<String> alertsWithQueryKey = get("/api/alerts?key=" + KEY, null);
        HttpResponse<String> feedWithoutKey = feed("/api/feed");
        HttpResponse<String> feedWithBlankKey = feed("/api/feed?key=");
        HttpResponse<String> feedWithWrongKey = feed("/api/feed?key=salah");
        HttpResponse<String> feedWithWrongKeyOnTrailingSlash = feed("/api/feed/?key=" + KEY);

        assertThat(searchWithQueryKey.statusCode()).isEqualTo(401);
        assertThat(alertsWithQueryKey.statusCode()).isEqualTo(401);
        assertThat(feedWithoutKey.statusCode()).isEqualTo(401);
        assertThat(feedWithBlankKey.statusCode()).isEqualTo(401);
        assertThat(feedWithWrongKey.statusCode()).isEqualTo(403);
        assertThat(feedWithWrongKey.body()).isEqualTo("{\"error\":\"API key not accepted\"}");
        assertThat(feedWithWrongKeyOnTrailingSlash.statusCode()).isEqualTo(401);

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/feed?key=" + KEY))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> live = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(live.body(), StandardCharsets.UTF_8))) {
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(in.readLine()).isEqualTo(": live");
        }
    }

    @Test
    void shouldRefuseAHistogramWithoutOfficialOrRegionOrOverTooLongARange() throws Exception {
        HttpResponse<String> noSubject = get("/api/histogram?topic=neutrality.asn", KEY);
        HttpResponse<String> tooLong = get("/api/histogram?official=off-harisson&from=2022-01-01&to=2024-01-02", KEY);
        HttpResponse<String> noKey = get("/api/histogram?official=off-harisson", null);

        assertThat(noSubject.statusCode()).isEqualTo(400);
        assertThat(noSubject.body()).isEqualTo("{\"error\":\"histogram: give official= or region=\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).isEqualTo("{\"error\":\"histogram: from..to may span at most 731 days\"}");
        assertThat(noKey.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> feed(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept", "text/event-stream").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (key != null) {
            request.header(ApiKeyAuth.HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
