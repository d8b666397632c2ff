package id.pantau.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import id.pantau.ingest.config.FetchConfig;
import id.pantau.ingest.config.Outlet;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a URL of an outlet the polite way: only the outlet's own hosts, robots.txt obeyed
 * (Crawl-delay honoured up to a limit), one request at a time per host with the host delay in
 * between ({@link HostPacer}), and transient failures retried ({@link RetryPolicy}), a Retry-After
 * holding back the whole host. Thread-safe.
 */
public final class PoliteFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);
    /** Longest pause a server's Retry-After imposes on its host; a hostile value must not silence an outlet for days. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final HttpFetcher http;
    private final HostPacer pacer;
    private final RetryPolicy retry;
    private final FetchConfig config;
    private final Clock clock;
    private final RobotsRules robots;

    public PoliteFetcher(HttpFetcher http, HostPacer pacer, FetchConfig config, String userAgent, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = RetryPolicy.from(config);
        this.robots = new RobotsRules(this::fetchRobots, RobotsRules.agentOf(userAgent), clock, config.robotsCacheTtl());
    }

    /** The robots.txt rules (and their Sitemap lines) in use. */
    public RobotsRules robots() {
        return robots;
    }

    /**
     * Fetches {@code url} for {@code outlet}.
     *
     * @param validators for a conditional GET (feeds and sitemaps), or null
     * @return the outcome; never throws for a site's misbehaviour
     */
    public FetchOutcome fetch(String url, Outlet outlet, @Nullable Validators validators) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new FetchOutcome.Skipped(url, FetchCause.MALFORMED_URL, "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return new FetchOutcome.Skipped(url, FetchCause.MALFORMED_URL, "not an absolute http(s) URL");
        }
        if (!outlet.isOwnHost(uri.getHost())) {
            return new FetchOutcome.Skipped(url, FetchCause.OFF_OUTLET_HOST, "host " + uri.getHost() + " is not one of " + outlet.ownHosts());
        }
        BaseRobotRules rules = robots.rulesFor(uri);
        if (rules.isDeferVisits()) {
            return new FetchOutcome.Skipped(url, FetchCause.ROBOTS_UNAVAILABLE, "robots.txt of " + uri.getHost() + " could not be fetched");
        }
        if (!rules.isAllowed(url)) {
            return new FetchOutcome.Skipped(url, FetchCause.ROBOTS_DENIED, "robots.txt of " + uri.getHost() + " disallows it");
        }
        Duration delay = config.hostDelay();
        if (outlet.delayMs() != null && outlet.delayMs() > delay.toMillis()) {
            delay = Duration.ofMillis(outlet.delayMs());
        }
        long crawlDelay = rules.getCrawlDelay();
        if (crawlDelay != BaseRobotRules.UNSET_CRAWL_DELAY && crawlDelay > 0) {
            if (crawlDelay > config.maxCrawlDelay().toMillis()) {
                return new FetchOutcome.Skipped(url, FetchCause.CRAWL_DELAY_TOO_LONG,
                        "Crawl-delay " + crawlDelay + " ms exceeds " + config.maxCrawlDelay().toMillis() + " ms");
            }
            if (crawlDelay > delay.toMillis()) {
                delay = Duration.ofMillis(crawlDelay);
            }
        }
        return fetchWithRetries(url, uri.getHost(), delay, validators, outlet);
    }

    @SuppressWarnings("try") // the permit is held for the duration of the block, never read
    private FetchOutcome fetchWithRetries(String url, String host, Duration delay, @Nullable Validators validators, Outlet outlet) {
        for (int attempt = 1; ; attempt++) {
            FetchOutcome outcome;
            try (HostPacer.Permit permit = pacer.acquire(host, delay)) {
                outcome = http.fetch(url, validators, outlet::isOwnHost);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new FetchOutcome.Failed(url, FetchCause.IO_ERROR, true, 0, "interrupted while waiting for host " + host, null);
            }
            if (!(outcome instanceof FetchOutcome.Failed failed)) {
                return outcome;
            }
            Duration wait = retry.delayBefore(attempt, failed);
            if (wait == null) {
                // no retry now, but a server that asked for a pause gets it from every URL of the host
                if (failed.retryAfter() != null && failed.retryAfter().isPositive()) {
                    Duration pause = failed.retryAfter().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : failed.retryAfter();
                    pacer.deferUntil(host, clock.instant().plus(pause));
                    LOG.info("event=host_deferred host={} url={} status={} retryAfterMs={}", host, url, failed.status(), pause.toMillis());
                }
                return failed;
            }
            LOG.info("event=fetch_retry url={} cause={} status={} attempt={} waitMs={}", url, failed.cause(), failed.status(), attempt, wait.toMillis());
            // The wait holds back the whole host, so other URLs of it do not hammer it meanwhile.
            pacer.deferUntil(host, clock.instant().plus(wait));
        }
    }

    @SuppressWarnings("try") // the permit is held for the duration of the block, never read
    private FetchOutcome fetchRobots(String robotsUrl) {
        String host = URI.create(robotsUrl).getHost();
        try (HostPacer.Permit permit = pacer.acquire(host, config.hostDelay())) {
            // robots.txt often redirects (http to https, to www); any public host may answer for it.
            return http.fetch(robotsUrl, null, h -> true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchOutcome.Failed(robotsUrl, FetchCause.IO_ERROR, true, 0, "interrupted", null);
        }
    }
}
