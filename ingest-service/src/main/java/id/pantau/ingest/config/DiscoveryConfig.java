package id.pantau.ingest.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Feed, sitemap and section-page polling. Immutable.
 *
 * @param recentWindow {@code ingest.discovery.recent.window.hours}: items older than this are ignored, default 48 h
 * @param pollMin {@code ingest.discovery.poll.min.ms}: fastest re-poll of a changing source, default 15 s
 * @param pollMax {@code ingest.discovery.poll.max.ms}: slowest re-poll of a quiet source, default 30 s
 * @param maxChildSitemaps {@code ingest.discovery.max.child.sitemaps}: children of an index followed (newest first), default 20
 * @param revisit {@code ingest.discovery.revisit.ms}: an article still listed by its source is fetched again
 *     about this long after it was last fetched, at a time of its own within that interval, to catch edits its
 *     source does not date; default 1 h, zero for never
 * @param revisitMaxPerPoll {@code ingest.discovery.revisit.max.per.poll}: most revisits one source poll requests;
 *     the other due ones wait for the next polls; default 2
 */
public record DiscoveryConfig(Duration recentWindow, Duration pollMin, Duration pollMax, int maxChildSitemaps, Duration revisit,
        int revisitMaxPerPoll) {

    public DiscoveryConfig {
        Objects.requireNonNull(recentWindow, "recentWindow");
        Objects.requireNonNull(pollMin, "pollMin");
        Objects.requireNonNull(pollMax, "pollMax");
        Objects.requireNonNull(revisit, "revisit");
        if (!revisit.isZero() && revisit.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("ingest.discovery.revisit.ms: expected 0 (never) or 60000..604800000, got " + revisit.toMillis());
        }
        if (pollMax.compareTo(pollMin) < 0) {
            throw new IllegalArgumentException("ingest.discovery.poll.max.ms: expected at least ingest.discovery.poll.min.ms ("
                    + pollMin.toMillis() + "), got " + pollMax.toMillis());
        }
        if (maxChildSitemaps < 1) {
            throw new IllegalArgumentException("ingest.discovery.max.child.sitemaps: expected an integer in 1..1000, got " + maxChildSitemaps);
        }
        if (revisitMaxPerPoll < 1) {
            throw new IllegalArgumentException("ingest.discovery.revisit.max.per.poll: expected an integer in 1..1000, got " + revisitMaxPerPoll);
        }
    }

    static DiscoveryConfig from(ConfigValues v) {
        return new DiscoveryConfig(
                Duration.ofHours(v.longIn("ingest.discovery.recent.window.hours", 1, 8760)),
                v.millisIn("ingest.discovery.poll.min.ms", 100, 86_400_000),
                v.millisIn("ingest.discovery.poll.max.ms", 100, 86_400_000),
                v.intIn("ingest.discovery.max.child.sitemaps", 1, 1000),
                v.millisIn("ingest.discovery.revisit.ms", 0, 604_800_000),
                v.intIn("ingest.discovery.revisit.max.per.poll", 1, 1000));
    }
}
