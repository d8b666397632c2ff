package id.pantau.ingest.discovery;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.seen.SeenStore;
import id.pantau.schemas.avro.SeenArticle;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Decides which discovered candidates become crawl requests: normalised, taken for an article by the
 * outlet's {@code articleUrlPattern} (those it refuses are counted), on the outlet's own hosts, recent,
 * and not already handled. A URL is handled when the seen-store has it published after its
 * source date, or when it was already requested with the same or a later date; so an unchanged
 * item is not fetched again, and an item whose sitemap date moves past its last publication is
 * (to detect edits). Since most feeds never move an item's date when its article is edited, an item
 * still listed is also requested again, as a revisit, when its {@link RevisitSchedule} says it is
 * due (later and later for an item requested again and again but never published); each call
 * requests at most the schedule's cap of revisits, the most overdue first. Thread-safe, and safe for
 * concurrent polls of one outlet's sources (its feed and its sitemap listing the same article): of
 * calls that overlap, only one admits a URL.
 */
public final class CandidateGate {

    private final UrlNormalizer normalizer = new UrlNormalizer();
    private final RecentWindow recent;
    private final SeenStore seen;
    private final Clock clock;
    private final Duration window;
    private final RevisitSchedule revisits;
    private final ConcurrentHashMap<String, Request> requested = new ConcurrentHashMap<>();
    /**
     * The canonical form of each requested URL, by outlet and URL as listed: a source's whole listing
     * is offered on every poll, and normalising it and checking its host each time was most of the
     * gate's work. Holds only URLs still requested.
     */
    private final ConcurrentHashMap<String, String> canonicalByListedUrl = new ConcurrentHashMap<>();

    /**
     * A request made: the item's source date, when, and how many requests in a row (this one included)
     * were made while the seen-store had no publication of it; and the request it replaced, for when
     * this one cannot be sent (kept without its own previous, so each URL holds at most two).
     */
    private record Request(Instant sourceDate, Instant at, int unpublished, @Nullable Request previous) {

        Request withoutPrevious() {
            return previous == null ? this : new Request(sourceDate, at, unpublished, null);
        }
    }

    /** A canonical URL to request, and whether it is a revisit (handled before, asked again only to catch an edit). */
    public record Admitted(String url, boolean isRevisit) {}

    /**
     * What one call admitted.
     *
     * @param admitted the canonical URLs to request, in discovery order
     * @param excluded candidates left out because the outlet's {@code articleUrlPattern} does not take their
     *     canonical URL (or they have none), recent or not; 0 when the outlet has no pattern
     */
    public record Admission(List<Admitted> admitted, int excluded) {
        public Admission {
            admitted = List.copyOf(admitted);
        }
    }

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

    /**
     * The canonical URLs to request now, in discovery order, each recorded as requested, and how many
     * candidates the outlet's {@code articleUrlPattern} refused. Admitted are: every newer
     * item, and of the items due for a revisit the most overdue ones (earliest due time first) up to
     * the schedule's cap, so that an item over the cap is among the first of the next calls and no
     * item of a long listing waits for ever behind the ones listed before it. An item that another
     * call records as requested while this one runs is that call's to request, and left out here.
     */
    public Admission admit(Outlet outlet, List<CandidateUrl> candidates) {
        Instant now = clock.instant();
        @Nullable Predicate<String> isArticle = outlet.articleUrlPattern() == null ? null : outlet.articleUrls();
        int excluded = 0;
        Map<String, CandidateUrl> admitted = new LinkedHashMap<>(); // by canonical URL, in discovery order
        Map<String, @Nullable Request> read = new HashMap<>(); // of the admitted: the request recorded when this call looked
        Map<String, Integer> unpublished = new HashMap<>(); // of the admitted: requests in a row without a publication
        List<DueRevisit> due = new ArrayList<>();
        Set<String> considered = new HashSet<>();
        for (CandidateUrl candidate : candidates) {
            boolean isRecent = recent.isRecent(candidate);
            if (!isRecent && isArticle == null) {
                continue; // no pattern, nothing to count: an old candidate need not be normalised
            }
            String canonical = canonicalByListedUrl.get(listedKey(outlet, candidate));
            boolean isCached = canonical != null;
            if (!isCached) {
                canonical = normalizer.normalize(candidate.url());
            }
            if (isArticle != null && (canonical == null || !isArticle.test(canonical))) {
                excluded++; // counted whether recent or not: the pattern's share of all the source lists
                continue;
            }
            if (!isRecent || canonical == null || !isCached && !outlet.isOwnHost(URI.create(canonical).getHost())) {
                continue;
            }
            if (!considered.add(canonical)) {
                continue;
            }
            Instant date = candidate.lastModified() == null ? Instant.EPOCH : candidate.lastModified();
            SeenArticle known = seen.get(canonical);
            Request before = requested.get(canonical);
            boolean newer = (known == null || date.isAfter(known.getPublishedAt())) && (before == null || date.isAfter(before.sourceDate()));
            if (newer) {
                admitted.put(canonical, candidate);
            } else if (revisits.isEnabled()) {
                // an item requested but never published waits longer each time (see RevisitSchedule)
                Instant dueAt = known == null && before != null
                        ? unpublishedDueAt(canonical, before)
                        : revisits.dueAt(canonical, lastRequestOrPublication(known, before));
                if (!now.isBefore(dueAt)) {
                    admitted.put(canonical, candidate); // held in discovery order; dropped below when over the cap
                    due.add(new DueRevisit(canonical, dueAt));
                }
            }
            if (admitted.containsKey(canonical)) {
                read.put(canonical, before);
                unpublished.put(canonical, known != null ? 0 : before == null ? 1 : before.unpublished() + 1);
            }
        }
        due.sort(Comparator.comparing(DueRevisit::dueAt)); // stable: listing order among equally due items
        Set<String> revisiting = new HashSet<>();
        for (int i = 0; i < due.size(); i++) {
            if (i < revisits.maxPerPoll()) {
                revisiting.add(due.get(i).canonical());
            } else {
                admitted.remove(due.get(i).canonical()); // stays due, and more overdue, for the next call
            }
        }
        List<Admitted> recorded = new ArrayList<>();
        admitted.forEach((canonical, candidate) -> {
            @Nullable Request before = read.get(canonical);
            Request request = new Request(candidate.lastModified() == null ? Instant.EPOCH : candidate.lastModified(), now,
                    unpublished.get(canonical), before == null ? null : before.withoutPrevious());
            if (record(canonical, before, request)) {
                canonicalByListedUrl.put(listedKey(outlet, candidate), canonical);
                recorded.add(new Admitted(canonical, revisiting.contains(canonical)));
            }
        });
        return new Admission(recorded, excluded);
    }

    /**
     * Records {@code request} for {@code canonical} if the request recorded for it is still {@code before}
     * (the very one, not an equal one); otherwise another call has changed it since this one looked
     * (admitted the URL, mostly, which must not be requested twice; or forgot or evicted its request),
     * and the next call decides on what is recorded now.
     */
    private boolean record(String canonical, @Nullable Request before, Request request) {
        return requested.compute(canonical, (url, current) -> current == before ? request : current) == request;
    }

    private record DueRevisit(String canonical, Instant dueAt) {}

    private static String listedKey(Outlet outlet, CandidateUrl candidate) {
        return outlet.id() + " " + candidate.url();
    }

    /**
     * When an item requested but never published is due again: later with each such request (see
     * {@link RevisitSchedule#dueAtUnpublished}), but within one recent window of the last request, so
     * the request is not forgotten first ({@link #evictOld}) and the item asked for again as new.
     */
    private Instant unpublishedDueAt(String canonical, Request before) {
        Instant dueAt = revisits.dueAtUnpublished(canonical, before.at(), before.unpublished());
        Instant latest = before.at().plus(window);
        return dueAt.isAfter(latest) ? latest : dueAt;
    }

    /** Only called for an item that is not newer, so it was published or requested before. */
    private static Instant lastRequestOrPublication(@Nullable SeenArticle known, @Nullable Request before) {
        Instant last = known == null ? Instant.EPOCH : known.getPublishedAt();
        return before != null && before.at().isAfter(last) ? before.at() : last;
    }

    /**
     * Forgets the last request of {@code canonicalUrl} (it could not be sent): the one before it, if any,
     * is the last again, so the item is due again at once, and one never published keeps its count of
     * requests (and its wait) instead of starting over.
     */
    public void forget(String canonicalUrl) {
        requested.computeIfPresent(canonicalUrl, (url, request) -> request.previous());
    }

    /**
     * Forgets requests made more than twice the recent window ago, so memory stays bounded (their
     * items have left the window by then); returns how many.
     */
    public int evictOld() {
        Instant limit = clock.instant().minus(window.multipliedBy(2));
        int before = requested.size();
        requested.values().removeIf(request -> request.at().isBefore(limit));
        canonicalByListedUrl.values().removeIf(canonical -> !requested.containsKey(canonical));
        return before - requested.size();
    }
}
