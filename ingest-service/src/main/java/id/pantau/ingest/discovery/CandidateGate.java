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
import org.jspecify.annotations.Nullable;

/**
 * Decides which discovered candidates become crawl requests: normalised, on the outlet's own hosts,
 * recent, and not already handled. A URL is handled when the seen-store has it published after its
 * source date, or when it was already requested with the same or a later date; so an unchanged
 * item is not fetched again, and an item whose sitemap date moves past its last publication is
 * (to detect edits). Since most feeds never move an item's date when its article is edited, an item
 * still listed is also requested again once {@code revisit} has passed since it was last requested
 * or published. Thread-safe.
 */
public final class CandidateGate {

    private final UrlNormalizer normalizer = new UrlNormalizer();
    private final RecentWindow recent;
    private final SeenStore seen;
    private final Clock clock;
    private final Duration window;
    private final Duration revisit;
    private final ConcurrentHashMap<String, Request> requested = new ConcurrentHashMap<>();

    private record Request(Instant sourceDate, Instant at) {}

    /** A gate that never revisits an unchanged item. */
    public CandidateGate(Duration recentWindow, SeenStore seen, Clock clock) {
        this(recentWindow, Duration.ZERO, seen, clock);
    }

    /** @param revisit time after which a still-listed item is requested again; zero for never */
    public CandidateGate(Duration recentWindow, Duration revisit, SeenStore seen, Clock clock) {
        this.revisit = Objects.requireNonNull(revisit, "revisit");
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
            Request before = requested.get(canonical);
            boolean newer = (known == null || date.isAfter(known.getPublishedAt())) && (before == null || date.isAfter(before.sourceDate()));
            Instant now = clock.instant();
            if (!newer && !dueForRevisit(known, before, now)) {
                continue;
            }
            requested.put(canonical, new Request(date, now));
            admitted.add(canonical);
        }
        return new ArrayList<>(admitted);
    }

    private boolean dueForRevisit(@Nullable SeenArticle known, @Nullable Request before, Instant now) {
        if (revisit.isZero()) {
            return false;
        }
        Instant last = Instant.MIN;
        if (known != null) {
            last = known.getPublishedAt();
        }
        if (before != null && before.at().isAfter(last)) {
            last = before.at();
        }
        return !now.isBefore(last.plus(revisit));
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
