package id.pantau.ingest.discovery;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.seen.SeenStore;
import id.pantau.schemas.avro.SeenArticle;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which discovered candidates become crawl requests: normalised, on the outlet's own hosts,
 * recent, and not already handled. A URL is handled when the seen-store has it published after its
 * source date, or when it was already requested with the same or a later date; so an unchanged
 * item is not fetched again, and an item whose sitemap date moves past its last publication is
 * (to detect edits). Thread-safe.
 */
public final class CandidateGate {

    private final UrlNormalizer normalizer = new UrlNormalizer();
    private final RecentWindow recent;
    private final SeenStore seen;
    private final Clock clock;
    private final Duration window;
    private final ConcurrentHashMap<String, Request> requested = new ConcurrentHashMap<>();

    private record Request(Instant sourceDate, Instant at) {}

    public CandidateGate(Duration recentWindow, SeenStore seen, Clock clock) {
        this.window = Objects.requireNonNull(recentWindow, "recentWindow");
        this.recent = new RecentWindow(recentWindow, clock);
        this.seen = Objects.requireNonNull(seen, "seen");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The canonical URLs to request now, in discovery order, each recorded as requested. */
    public List<String> admit(Outlet outlet, List<CandidateUrl> candidates) {
        Set<String> admitted = new LinkedHashSet<>();
        for (CandidateUrl candidate : candidates) {
            if (!recent.isRecent(candidate)) {
                continue;
            }
            String canonical = normalizer.normalize(candidate.url());
            if (canonical == null || !outlet.isOwnHost(URI.create(canonical).getHost()) || admitted.contains(canonical)) {
                continue;
            }
            Instant date = candidate.lastModified() == null ? Instant.EPOCH : candidate.lastModified();
            SeenArticle known = seen.get(canonical);
            if (known != null && !date.isAfter(known.getPublishedAt())) {
                continue;
            }
            Request before = requested.get(canonical);
            if (before != null && !date.isAfter(before.sourceDate())) {
                continue;
            }
            requested.put(canonical, new Request(date, clock.instant()));
            admitted.add(canonical);
        }
        return new ArrayList<>(admitted);
    }

    /** Forgets that {@code canonicalUrl} was requested (its request could not be sent). */
    public void forget(String canonicalUrl) {
        requested.remove(canonicalUrl);
    }

    /**
     * Forgets requests made more than twice the recent window ago, so memory stays bounded (their
     * items have left the window by then); returns how many.
     */
    public int evictOld() {
        Instant limit = clock.instant().minus(window.multipliedBy(2));
        int before = requested.size();
        requested.values().removeIf(request -> request.at().isBefore(limit));
        return before - requested.size();
    }
}
