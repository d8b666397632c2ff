package id.pantau.ingest.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * Adaptive re-poll interval of one source: back to the shortest interval as soon as the source
 * changes, doubled (up to the longest) each time it does not. An active feed is polled every
 * {@code min}; a quiet one settles at {@code max}. Not thread-safe: one per source, used by the
 * single poll of that source in flight.
 */
public final class PollSchedule {

    private final Duration min;
    private final Duration max;
    private Duration interval;

    public PollSchedule(Duration min, Duration max) {
        this.min = Objects.requireNonNull(min, "min");
        this.max = Objects.requireNonNull(max, "max");
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
        this.interval = min;
    }

    /** Records a poll's result and returns the wait until the next poll. */
    public Duration next(boolean changed) {
        if (changed) {
            interval = min;
        } else {
            Duration doubled = interval.multipliedBy(2);
            interval = doubled.compareTo(max) > 0 ? max : doubled;
        }
        return interval;
    }

    /** The current interval. */
    public Duration interval() {
        return interval;
    }
}
