package id.pantau.ingest.discovery;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.seen.SeenStore;
import id.pantau.schemas.avro.SeenArticle;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
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
 * still listed is also requested again, as a revisit, when its {@link RevisitSchedule} says it is
 * due; each call requests at most the schedule's cap of revisits. Thread-safe.
 */
public final class CandidateGate {

    private final UrlNormalizer normalizer = new UrlNormalizer();
    private final RecentWindow recent;
    private final SeenStore seen;
    private final Clock clock;
    private final Duration window;
    private final RevisitSchedule revisits;
    private final ConcurrentHashMap<String, Request> requested = new ConcurrentHashMap<>();

    private record Request(Instant sourceDate, Instant at) {}

    /** A canonical URL to request, and whether it is a revisit (handled before, asked again only to catch an edit). */
    public record Admitted(String url, boolean isRevisit) {}

    /** A gate that never revisits an unchanged item. */
    public CandidateGate(Duration recentWindow, SeenStore seen, Clock clock) {
        this(recentWindow, RevisitSchedule.NEVER, seen, clock);
    }

    /** @param revisits when a still-listed item is requested again, and how many such per call */
    public CandidateGate(Duration recentWindow, RevisitSchedule revisits, SeenStore seen, Clock clock) {
        this.revisits = Objects.requireNonNull(revisits, "revisits");
        this.window = Objects.requireNonNull(recentWindow, "recentWindow");
        this.recent = new RecentWindow(recentWindow, clock);
        this.seen = Objects.requireNonNull(seen, "seen");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The canonical URLs to request now, in discovery order, each recorded as requested. */
    public List<Admitted> admit(Outlet outlet, List<CandidateUrl> candidates) {
        Set<String> admitted = new LinkedHashSet<>();
        Set<String> revisiting = new HashSet<>();
        int revisitsLeft = revisits.maxPerPoll();
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
            if (!newer && (revisitsLeft == 0 || !dueForRevisit(canonical, known, before, now))) {
                continue; // an overdue item over the cap stays due for the next call
            }
            if (!newer) {
                revisitsLeft--;
                revisiting.add(canonical);
            }
            requested.put(canonical, new Request(date, now));
            admitted.add(canonical);
        }
        return admitted.stream().map(url -> new Admitted(url, revisiting.contains(url))).toList();
    }

    /** Only called for an item that is not newer, so it was published or requested before. */
    private boolean dueForRevisit(String canonical, @Nullable SeenArticle known, @Nullable Request before, Instant now) {
        if (!revisits.isEnabled()) {
            return false;
        }
        Instant last = Instant.EPOCH;
        if (known != null) {
            last = known.getPublishedAt();
        }
        if (before != null && before.at().isAfter(last)) {
            last = before.at();
        }
        return !now.isBefore(revisits.dueAt(canonical, last));
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
