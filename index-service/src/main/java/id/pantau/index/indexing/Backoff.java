package id.pantau.index.indexing;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of
 * {@code min(max, initial * 2^(n-1))}, so retrying clients spread out instead of hitting a
 * recovering node together. Thread-safe when the random generator is.
 *
 * @param initialMs delay ceiling of the first attempt, ms
 * @param maxMs largest delay ceiling, ms
 */
public record Backoff(long initialMs, long maxMs, RandomGenerator random) {

    public Backoff {
        if (initialMs < 1 || maxMs < initialMs) {
            throw new IllegalArgumentException("backoff needs 1 <= initialMs <= maxMs, got " + initialMs + " and " + maxMs);
        }
    }

    /** Delay before retry number {@code attempt} (1 for the first retry), in ms. */
    public long delayMs(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
        long ceiling = ceilingMs(attempt);
        long floor = ceiling / 2;
        return floor + random.nextLong(ceiling - floor + 1);
    }

    /** The largest delay of retry {@code attempt}, ms. */
    public long ceilingMs(int attempt) {
        int shift = Math.min(attempt - 1, 40);
        long ceiling = initialMs << shift;
        return ceiling <= 0 || ceiling > maxMs ? maxMs : ceiling;
    }
}
