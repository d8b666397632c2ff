package id.pantau.index.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import id.pantau.index.config.IndexConfig;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on Javalin: {@code /api/search}, {@code /api/articles/{id}}, {@code /api/histogram},
 * {@code /api/feed} (SSE), {@code /api/alerts} and, unless {@code index.api.metrics.open}, {@code /metrics}
 * behind API keys; the monitoring page at {@code /} and {@code /health} open. Errors are
 * JSON {@code {"error": ...}} without stack traces. Closing stops the server.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final long FEED_KEEP_ALIVE_MS = 5_000;
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final String FEED_PATH = "/api/feed";
    /** Query parameter carrying the API key on {@code /api/feed} only. */
    public static final String FEED_KEY_PARAM = "key";
    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Cache-Control", "no-cache",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** Starts the server on {@code config.host():config.port()}. */
    public static ApiServer start(
            IndexConfig.Api config, ElasticsearchClient es, SearchService search, FeedHub hub, PrometheusMeterRegistry prometheus) {
        ApiKeyAuth auth = new ApiKeyAuth(config.keySha256());
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = true;
            // The monitoring page: index.html, app.js, app.css from the jar; open, it holds no data.
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = PAGE_HEADERS;
            });
        });
        // EventSource cannot send headers, so the feed alone also takes ?key= (see README, "The page").
        app.before("/api/*", ctx -> auth.check(ctx.header(ApiKeyAuth.HEADER), ctx.header("Authorization"),
                FEED_PATH.equals(ctx.path()) ? ctx.queryParam(FEED_KEY_PARAM) : null));
        if (!config.metricsOpen()) {
            // Metrics name outlets' volumes and the node's state: keyed like the API unless opened on purpose.
            app.before("/metrics", ctx -> auth.check(ctx.header(ApiKeyAuth.HEADER), ctx.header("Authorization")));
        }
        app.get("/health", ctx -> health(ctx, es, hub));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape()));
        app.get("/api/search", ctx -> {
            SearchFilters filters = SearchFilters.fromQuery(ctx::queryParams);
            int page = intParam(ctx, "page", 0, 0, Integer.MAX_VALUE / 1000);
            int size = intParam(ctx, "size", Math.min(DEFAULT_PAGE_SIZE, config.maxPageSize()), 1, config.maxPageSize());
            ctx.json(search.search(filters, page, size));
        });
        app.get("/api/articles/{id}", ctx -> {
            Map<String, Object> article = search.article(ctx.pathParam("id"));
            if (article == null) {
                throw new ApiException(404, "no article with id " + ctx.pathParam("id"));
            }
            ctx.json(article);
        });
        app.get("/api/histogram", ctx -> ctx.json(search.histogram(SearchFilters.fromQuery(ctx::queryParams))));
        app.get("/api/alerts", ctx -> ctx.json(search.alerts(ctx.queryParam("rule"), intParam(ctx, "page", 0, 0, 10_000),
                intParam(ctx, "size", Math.min(DEFAULT_PAGE_SIZE, config.maxPageSize()), 1, config.maxPageSize()))));
        app.before("/api/feed", ctx -> {
            // Javalin serves SSE only to this exact Accept header (EventSource sends it); say so instead of an empty answer.
            if (!"text/event-stream".equals(ctx.header("Accept"))) {
                throw new ApiException(406, "the feed is Server-Sent Events: send Accept: text/event-stream");
            }
            SearchFilters.fromQuery(ctx::queryParams); // 400 for bad filters before the stream starts
        });
        app.sse("/api/feed", new FeedStream(hub, search, FEED_KEEP_ALIVE_MS));
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(IOException.class, (e, ctx) -> backendError(ctx, 503, "search backend unavailable", e));
        app.exception(TransportException.class, (e, ctx) -> backendError(ctx, 503, "search backend unavailable", e));
        app.exception(ElasticsearchException.class, (e, ctx) -> backendError(ctx, 502, "search backend error", e));
        app.exception(Exception.class, (e, ctx) -> backendError(ctx, 500, "internal error", e));
        app.start(config.host(), config.port());
        LOG.info("api started host={} port={}", config.host(), app.port());
        return new ApiServer(app);
    }

    /** The bound port. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void health(Context ctx, ElasticsearchClient es, FeedHub hub) {
        String elasticsearch;
        try {
            elasticsearch = es.cluster().health().status().jsonValue();
        } catch (IOException | RuntimeException e) {
            elasticsearch = "unreachable";
        }
        boolean up = !elasticsearch.equals("unreachable") && !elasticsearch.equals("red");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DEGRADED");
        body.put("elasticsearch", elasticsearch);
        body.put("feed_subscribers", hub.subscribers());
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new ApiException(400, name + ": expected " + min + ".." + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException(400, name + ": expected an integer, got '" + raw + "'");
        }
    }

    private static void backendError(Context ctx, int status, String message, Exception e) {
        String errorId = UUID.randomUUID().toString();
        LOG.warn("request failed errorId={} method={} path={} status={} error={}", errorId, ctx.method(), ctx.path(), status, e.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("error_id", errorId);
        ctx.status(status).json(body);
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}
