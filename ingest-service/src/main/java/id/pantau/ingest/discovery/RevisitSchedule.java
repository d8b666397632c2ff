package id.pantau.ingest.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a still-listed, unchanged item is fetched again, and how many such revisits one source poll
 * may send. Each URL has its own slots, one revisit time apart, at an offset within the revisit
 * time taken from the hash of the URL; an item is due at the first of its slots at least half the
 * revisit time after it was last requested or published. So items requested together (a restart, a
 * sitemap read for the first time) come due spread over a whole revisit time instead of at one
 * moment, and stay spread; once revisited, an item comes due again exactly one revisit time later
 * (later and later for an item requested again and again but never published, see {@link
 * #dueAtUnpublished}).
 * The cap trickles out what is overdue all at once (after a restart, or when this instance takes
 * over a host), so that revisits never pile up in front of a host's new articles. Immutable.
 */
public final class RevisitSchedule {

    /** Never revisits: an unchanged item is fetched once. */
    public static final RevisitSchedule NEVER = new RevisitSchedule(Duration.ZERO, 1);

    /** Most revisit times an item that was never published waits between two requests (see {@link #dueAtUnpublished}). */
    public static final int MAX_UNPUBLISHED_WAIT = 24;

    private final Duration every;
    private final int maxPerPoll;

    /**
     * @param every the revisit time, zero for never
     * @param maxPerPoll most revisits one source poll may request; the others stay due for the next polls
     * @throws IllegalArgumentException when {@code every} is negative or {@code maxPerPoll} is below 1
     */
    public RevisitSchedule(Duration every, int maxPerPoll) {
        this.every = Objects.requireNonNull(every, "every");
        if (every.isNegative()) {
            throw new IllegalArgumentException("every: expected zero or positive, got " + every);
        }
        if (maxPerPoll < 1) {
            throw new IllegalArgumentException("maxPerPoll: expected at least 1, got " + maxPerPoll);
        }
        this.maxPerPoll = maxPerPoll;
    }

    /** Whether items are ever revisited. */
    public boolean isEnabled() {
        return !every.isZero();
    }

    /** Most revisits one source poll may request. */
    public int maxPerPoll() {
        return maxPerPoll;
    }

    /**
     * When the item at {@code canonicalUrl}, last requested or published at {@code last}, is due again.
     *
     * @throws IllegalStateException when revisits are disabled
     */
    public Instant dueAt(String canonicalUrl, Instant last) {
        if (!isEnabled()) {
            throw new IllegalStateException("revisits are disabled");
        }
        long period = every.toMillis();
        Instant earliest = last.plus(every.dividedBy(2));
        long slot = earliest.toEpochMilli() - Math.floorMod(earliest.toEpochMilli() - offset(canonicalUrl, period), period);
        Instant due = Instant.ofEpochMilli(slot);
        return due.isBefore(earliest) ? due.plusMillis(period) : due;
    }

    /**
     * When the item at {@code canonicalUrl}, requested {@code requests} times in a row without being
     * published (its page could not be extracted, or its fetch failed), last at {@code lastRequest}, is
     * due again: the wait doubles with each such request, from one revisit time up to {@value
     * #MAX_UNPUBLISHED_WAIT} of them, so a listed URL that never gives an article is not fetched every
     * revisit time for as long as it is listed.
     *
     * @throws IllegalStateException when revisits are disabled
     */
    public Instant dueAtUnpublished(String canonicalUrl, Instant lastRequest, int requests) {
        long waits = Math.min(1L << Math.min(Math.max(requests, 1) - 1, 30), MAX_UNPUBLISHED_WAIT);
        return dueAt(canonicalUrl, lastRequest.plus(every.multipliedBy(waits - 1)));
    }

    /** The URL's slot offset within the period: stable across restarts and instances, spread evenly over URLs. */
    private static long offset(String canonicalUrl, long period) {
        return Long.parseLong(ArticleIds.of(canonicalUrl), 0, 15, 16) % period; // 60 bits of its SHA-256
    }
}
