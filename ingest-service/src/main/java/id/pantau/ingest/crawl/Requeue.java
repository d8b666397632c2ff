package id.pantau.ingest.crawl;

import id.pantau.ingest.config.FetchConfig;
import id.pantau.ingest.publish.CrawlRequestSink;
import id.pantau.schemas.avro.CrawlRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Second chances for URLs whose fetch failed for a passing reason (5xx, 429, timeout) after the
 * fetcher's own retries, the article's first page or a further one: the request goes back to the crawl-request topic, keyed by its host, with
 * {@code attempt + 1} and {@code discoveredAt} set to the time it was queued again (the schema has no
 * due time, so that field carries it). Such a request is not fetched before {@link #dueAt}, {@code
 * discoveredAt + delay}: {@link CrawlWorker} holds it in memory until then without holding up
 * anything else. After {@code attempts} such rounds the failure is dead-lettered. Thread-safe.
 */
public final class Requeue {

    private static final Logger LOG = LoggerFactory.getLogger(Requeue.class);

    private final @Nullable CrawlRequestSink sink;
    private final int attempts;
    private final Duration delay;
    private final Clock clock;

    private Requeue(@Nullable CrawlRequestSink sink, int attempts, Duration delay, Clock clock) {
        this.sink = sink;
        this.attempts = attempts;
        this.delay = Objects.requireNonNull(delay, "delay");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Requeues through {@code sink} as {@code fetch} says ({@code ingest.fetch.requeue.*}). */
    public static Requeue of(CrawlRequestSink sink, FetchConfig fetch, Clock clock) {
        return new Requeue(Objects.requireNonNull(sink, "sink"), fetch.requeueAttempts(), fetch.requeueDelay(), clock);
    }

    /** Never requeues: every failure is dead-lettered at once. */
    public static Requeue none(Clock clock) {
        return new Requeue(null, 0, Duration.ZERO, clock);
    }

    /**
     * Queues {@code request} again if it has attempts left.
     *
     * @param lease the hold on the request's partition: the request is queued again only while it is held
     * @return true when it was queued again (no dead letter is due), false when it has none left
     * @throws id.pantau.ingest.publish.PublishException when the topic cannot be written
     * @throws PartitionRevokedException when the lease is no longer held (nothing queued)
     */
    boolean offer(CrawlRequest request, String host, String cause, PartitionLease lease) {
        if (sink == null || request.getAttempt() >= attempts) {
            return false;
        }
        CrawlRequest again = CrawlRequest.newBuilder(request).setAttempt(request.getAttempt() + 1).setDiscoveredAt(clock.instant()).build();
        lease.write(() -> sink.request(host, again));
        LOG.info("event=crawl_requeued url={} attempt={} cause={} delayMs={}", request.getUrl(), again.getAttempt(), cause, delay.toMillis());
        return true;
    }

    /**
     * The earliest time {@code request} may be fetched: {@code discoveredAt + delay} for a requeued
     * request ({@code attempt > 0}), {@link Instant#MIN} (always due) for a first one.
     */
    Instant dueAt(CrawlRequest request) {
        return request.getAttempt() <= 0 ? Instant.MIN : request.getDiscoveredAt().plus(delay);
    }
}
