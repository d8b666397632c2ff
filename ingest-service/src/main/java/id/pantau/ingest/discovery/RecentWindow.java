package id.pantau.ingest.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keeps only recent candidates: those dated within the window before now (a date slightly in the
 * future, from a clock skew, counts as recent), and those without a date. Thread-safe.
 */
public final class RecentWindow {

    private final Duration window;
    private final Clock clock;

    public RecentWindow(Duration window, Clock clock) {
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean isRecent(CandidateUrl candidate) {
        Instant date = candidate.lastModified();
        return date == null || !date.isBefore(clock.instant().minus(window));
    }

    public List<CandidateUrl> filter(List<CandidateUrl> candidates) {
        return candidates.stream().filter(this::isRecent).toList();
    }
}
