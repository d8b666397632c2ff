package id.pantau.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * robots.txt rules per scheme, host and port, parsed with crawler-commons'
 * {@link SimpleRobotRulesParser} and cached for a time. A missing robots.txt (4xx) allows all; a
 * server error or network failure disallows all for a minute (as crawler-commons and Google do),
 * then it is fetched again. Thread-safe; concurrent first calls for a host may fetch twice.
 */
public final class RobotsRules {

    /** How long a failed robots.txt fetch blocks a host before it is tried again. */
    static final Duration FAILED_FETCH_RETRY = Duration.ofMinutes(1);

    private final Function<String, FetchOutcome> fetch;
    private final String agent;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(BaseRobotRules rules, Instant expires) {}

    /**
     * @param fetch fetches a robots.txt URL (politely)
     * @param agent our robot name as matched against {@code User-agent:} lines, e.g. {@code pantau-ingest}
     * @param ttl how long parsed rules are reused
     */
    public RobotsRules(Function<String, FetchOutcome> fetch, String agent, Clock clock, Duration ttl) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.agent = Objects.requireNonNull(agent, "agent").toLowerCase(Locale.ROOT);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** The robot name of a User-Agent product token: {@code pantau-ingest/0.1} gives {@code pantau-ingest}. */
    public static String agentOf(String userAgent) {
        int slash = userAgent.indexOf('/');
        return (slash < 0 ? userAgent : userAgent.substring(0, slash)).trim();
    }

    /** The rules that apply to {@code url}, fetching robots.txt when not cached. */
    public BaseRobotRules rulesFor(URI url) {
        String robotsUrl = robotsUrlOf(url);
        Instant now = clock.instant();
        Cached cached = cache.get(robotsUrl);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.rules();
        }
        Cached fresh = load(robotsUrl, now);
        cache.put(robotsUrl, fresh);
        return fresh.rules();
    }

    /** The Sitemap lines of the robots.txt that applies to {@code url}. */
    public List<String> sitemapsFor(URI url) {
        return rulesFor(url).getSitemaps();
    }

    static String robotsUrlOf(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + port + "/robots.txt";
    }

    private Cached load(String robotsUrl, Instant now) {
        // Crawl-delay limits are enforced by PoliteFetcher, so that a long delay is told apart from a denial.
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
        FetchOutcome outcome = fetch.apply(robotsUrl);
        return switch (outcome) {
            case FetchOutcome.Fetched fetched -> new Cached(
                    parser.parseContent(robotsUrl, fetched.body(), fetched.contentType() == null ? "text/plain" : fetched.contentType(), List.of(agent)),
                    now.plus(ttl));
            case FetchOutcome.Failed failed when failed.status() >= 400 && failed.status() < 500 && failed.status() != 429 ->
                    new Cached(parser.failedFetch(failed.status()), now.plus(ttl));
            case FetchOutcome.Failed failed -> new Cached(parser.failedFetch(failed.status() == 0 ? 503 : failed.status()), now.plus(FAILED_FETCH_RETRY));
            case FetchOutcome.Skipped skipped -> new Cached(parser.failedFetch(503), now.plus(FAILED_FETCH_RETRY));
        };
    }
}
