package id.pantau.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.config.SourceConfig;
import id.pantau.ingest.config.SourceType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process stand-ins for the outlets, for the launcher's {@code --demo}: one HTTP server per
 * outlet, each on its own loopback address ({@code 127.0.0.1}, {@code 127.0.0.2}, ...; Linux routes
 * all of 127/8 to loopback) and a free port, so each outlet has a host of its own as on the web.
 * Each serves {@code /robots.txt}, an RSS feed at {@code /feed/}, a home page and article pages at
 * {@code /yyyy/mm/dd/<slug>/}. Articles of {@link DemoContent} are published one at a time: the
 * first at start, then one every {@code interval}, starting over (with a {@code -2}, {@code -3}...
 * slug suffix) after the last. Thread-safe; {@link #close()} stops the servers.
 */
public final class DemoSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);
    private static final int FEED_ITEMS = 20;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final DemoContent content;
    private final Clock clock;
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final List<Publication> published = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService publisher;
    private int next;

    /**
     * One published article.
     *
     * @param outletId outlet that published it
     * @param url absolute URL of its page
     * @param article its content (the latest, after {@link #edit})
     * @param publishedAt publication time (whole seconds)
     * @param modifiedAt time of the last edit, or {@code publishedAt} when never edited (whole seconds)
     */
    public record Publication(String outletId, String url, DemoContent.DemoArticle article, Instant publishedAt, Instant modifiedAt) {}

    private DemoSite(DemoContent content, Clock clock) {
        this.content = content;
        this.clock = clock;
        this.publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pantau-demo-publisher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the servers and publishes the first article; with a positive {@code interval}, a further
     * one every interval; with {@link Duration#ZERO}, only when {@link #publishNext()} is called.
     *
     * @throws UncheckedIOException when a loopback address cannot be bound (the message names it)
     */
    public static DemoSite start(DemoContent content, Duration interval, Clock clock) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("demo interval: expected zero or more, got " + interval);
        }
        DemoSite site = new DemoSite(content, clock);
        try {
            site.bind();
            site.publishNext();
            if (!interval.isZero()) {
                site.publisher.scheduleAtFixedRate(site::publishSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            site.close();
            throw e;
        }
        LOG.info("demo=site-up outlets={} intervalMs={}", site.servers.keySet().stream().map(id -> id + "@" + site.baseUrl(id)).toList(),
                interval.toMillis());
        return site;
    }

    private void bind() {
        int octet = 1;
        for (DemoContent.DemoOutlet outlet : content.outlets()) {
            String address = "127.0.0." + octet++;
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
                server.createContext("/", exchange -> handle(outlet, exchange));
                server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                server.start();
                servers.put(outlet.id(), server);
            } catch (IOException e) {
                throw new UncheckedIOException("demo site: cannot listen on " + address + " for outlet " + outlet.id()
                        + " (the demo needs the loopback addresses 127.0.0.1-127.0.0." + content.outlets().size() + "): " + e.getMessage(), e);
            }
        }
    }

    /** Base URL of an outlet's server, e.g. {@code http://127.0.0.2:40123}, without trailing slash. */
    public String baseUrl(String outletId) {
        HttpServer server = servers.get(outletId);
        if (server == null) {
            throw new IllegalArgumentException("demo site: no outlet '" + outletId + "'");
        }
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** Ingest's outlet registry for the demo: each outlet's home and RSS feed on this site, with the demo pages' selectors. */
    public OutletRegistry outletRegistry() {
        List<Outlet> outlets = new ArrayList<>();
        for (DemoContent.DemoOutlet outlet : content.outlets()) {
            String base = baseUrl(outlet.id());
            outlets.add(new Outlet(outlet.id(), outlet.name(), base + "/", outlet.regions(), List.of(),
                    List.of(new SourceConfig(SourceType.FEED, base + "/feed/", null)), DemoPages.PROFILE, null));
        }
        return OutletRegistry.of(outlets);
    }

    /** Publishes the next article of the cycle and returns it. */
    public synchronized Publication publishNext() {
        List<DemoContent.DemoArticle> articles = content.articles();
        DemoContent.DemoArticle article = articles.get(next % articles.size());
        int round = next / articles.size() + 1;
        next++;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String slug = round == 1 ? article.slug() : article.slug() + "-" + round;
        String url = baseUrl(article.outlet()) + "/" + DATE_PATH.format(now) + "/" + slug + "/";
        Publication publication = new Publication(article.outlet(), url, article, now, now);
        published.add(publication);
        LOG.info("demo=published outlet={} url={} title=\"{}\"", article.outlet(), url, article.title());
        return publication;
    }

    /**
     * Replaces the content of the article published at {@code url} (same URL, same publication
     * time) and moves its feed date to now, as outlets do when they update a story; returns the
     * edited publication. Ingest sees the later feed date, fetches the page again and publishes a
     * new version.
     *
     * @throws IllegalArgumentException when nothing was published at {@code url} or {@code edited} is of another outlet
     */
    public synchronized Publication edit(String url, DemoContent.DemoArticle edited) {
        Objects.requireNonNull(edited, "edited");
        for (int i = 0; i < published.size(); i++) {
            Publication before = published.get(i);
            if (before.url().equals(url)) {
                if (!before.outletId().equals(edited.outlet())) {
                    throw new IllegalArgumentException("demo site: " + url + " belongs to outlet '" + before.outletId()
                            + "', not '" + edited.outlet() + "'");
                }
                Publication after = new Publication(before.outletId(), url, edited, before.publishedAt(),
                        clock.instant().truncatedTo(ChronoUnit.SECONDS));
                published.set(i, after);
                LOG.info("demo=edited outlet={} url={} title=\"{}\"", after.outletId(), url, edited.title());
                return after;
            }
        }
        throw new IllegalArgumentException("demo site: nothing published at " + url);
    }

    /**
     * Writes {@link #outletRegistry()} as an outlets file ({@code ingest.outlets.file}), for an
     * ingest-service running in another process; returns {@code file}.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path writeOutletsFile(Path file) {
        List<Map<String, Object>> outlets = new ArrayList<>();
        for (Outlet outlet : outletRegistry().outlets()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", outlet.id());
            entry.put("name", outlet.name());
            entry.put("home", outlet.home());
            entry.put("regions", outlet.regions());
            entry.put("sources", outlet.sources().stream().map(source -> Map.of("type", source.type().name().toLowerCase(Locale.ROOT),
                    "url", Objects.requireNonNull(source.url(), "url"))).toList());
            entry.put("profile", DemoPages.profileMap());
            outlets.add(entry);
        }
        try {
            Files.writeString(file, "# pantau demo site outlets, written by DemoSite for an ingest-service in another process\n"
                    + YAML.writeValueAsString(Map.of("outlets", outlets)), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("demo site: cannot write outlets file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Everything published so far, oldest first. */
    public List<Publication> published() {
        return List.copyOf(published);
    }

    private void publishSafely() {
        try {
            publishNext();
        } catch (RuntimeException e) {
            LOG.warn("demo=publish-failed error={}", e.toString(), e);
        }
    }

    private void handle(DemoContent.DemoOutlet outlet, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String base = baseUrl(outlet.id());
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "method not allowed");
            } else if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain; charset=utf-8", DemoPages.robots(base));
            } else if (path.equals("/feed/") || path.equals("/feed")) {
                send(exchange, 200, "application/rss+xml; charset=utf-8", DemoPages.feed(outlet.name(), base, newestOf(outlet.id())));
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", DemoPages.home(outlet.name(), newestOf(outlet.id())));
            } else {
                String url = base + path;
                Publication page = published.stream().filter(p -> p.url().equals(url)).findFirst().orElse(null);
                if (page == null) {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path);
                } else {
                    send(exchange, 200, "text/html; charset=utf-8", DemoPages.article(outlet.name(), page));
                }
            }
        }
    }

    private List<Publication> newestOf(String outletId) {
        List<Publication> mine = new ArrayList<>(published.stream().filter(p -> p.outletId().equals(outletId)).toList());
        Collections.reverse(mine);
        return mine.subList(0, Math.min(FEED_ITEMS, mine.size()));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        publisher.shutdownNow();
        servers.values().forEach(server -> server.stop(0));
        LOG.info("demo=site-stopped published={}", published.size());
    }
}
