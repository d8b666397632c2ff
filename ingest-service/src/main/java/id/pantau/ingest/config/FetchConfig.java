package id.pantau.ingest.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Politeness and retry settings. Immutable.
 *
 * @param hostDelay {@code ingest.fetch.delay.ms}: least time between requests to a host, default 1 s
 * @param maxCrawlDelay {@code ingest.fetch.max.crawl.delay.ms}: largest Crawl-delay honoured, default 60 s
 * @param retries {@code ingest.fetch.retries}: retries after 5xx/429/timeout, default 3
 * @param retryBackoff {@code ingest.fetch.retry.backoff.ms}: first retry wait, doubling, default 2 s
 * @param retryMaxWait {@code ingest.fetch.retry.max.wait.ms}: cap of one wait incl. Retry-After, default 60 s
 * @param robotsCacheTtl {@code ingest.fetch.robots.cache.ms}: robots.txt reuse time, default 1 h
 * @param requeueAttempts {@code ingest.fetch.requeue.attempts}: how often a URL whose fetch failed for a
 *     passing reason (5xx, 429, timeout after the retries) is queued again before it is dead-lettered, default 1
 * @param requeueDelay {@code ingest.fetch.requeue.delay.ms}: least time between queueing a URL again and
 *     fetching it, default 60 s
 */
public record FetchConfig(
        Duration hostDelay, Duration maxCrawlDelay, int retries, Duration retryBackoff, Duration retryMaxWait, Duration robotsCacheTtl,
        int requeueAttempts, Duration requeueDelay) {

    public FetchConfig {
        Objects.requireNonNull(hostDelay, "hostDelay");
        Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(retryMaxWait, "retryMaxWait");
        Objects.requireNonNull(robotsCacheTtl, "robotsCacheTtl");
        Objects.requireNonNull(requeueDelay, "requeueDelay");
        if (hostDelay.isNegative()) {
            throw new IllegalArgumentException("ingest.fetch.delay.ms: expected an integer in 0..600000, got " + hostDelay.toMillis());
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("ingest.fetch.retries: expected an integer in 0..10, got " + retries);
        }
        if (requeueAttempts < 0 || requeueAttempts > 5) {
            throw new IllegalArgumentException("ingest.fetch.requeue.attempts: expected an integer in 0..5, got " + requeueAttempts);
        }
        if (requeueDelay.isNegative() || requeueDelay.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("ingest.fetch.requeue.delay.ms: expected an integer in 0..600000, got " + requeueDelay.toMillis());
        }
    }

    static FetchConfig from(ConfigValues v) {
        return new FetchConfig(
                v.millisIn("ingest.fetch.delay.ms", 0, 600_000),
                v.millisIn("ingest.fetch.max.crawl.delay.ms", 0, 3_600_000),
                v.intIn("ingest.fetch.retries", 0, 10),
                v.millisIn("ingest.fetch.retry.backoff.ms", 0, 600_000),
                v.millisIn("ingest.fetch.retry.max.wait.ms", 0, 3_600_000),
                v.millisIn("ingest.fetch.robots.cache.ms", 1000, 604_800_000),
                v.intIn("ingest.fetch.requeue.attempts", 0, 5),
                v.millisIn("ingest.fetch.requeue.delay.ms", 0, 600_000));
    }
}
