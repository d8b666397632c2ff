package id.pantau.ingest.fetch;

import id.pantau.ingest.config.FetchConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether and when a failed fetch is tried again: only transient failures, at most
 * {@code retries} times, after an exponential backoff ({@code backoff}, doubled per retry, capped at
 * {@code maxWait}) or the server's Retry-After when it gave one; a Retry-After above
 * {@code maxWait} ends the retries at once. Immutable.
 */
public record RetryPolicy(int retries, Duration backoff, Duration maxWait) {

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
    }

    public static RetryPolicy from(FetchConfig config) {
        return new RetryPolicy(config.retries(), config.retryBackoff(), config.retryMaxWait());
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry), or null to give up.
     */
    public @Nullable Duration delayBefore(int retry, FetchOutcome.Failed failure) {
        if (!failure.retryable() || retry > retries) {
            return null;
        }
        if (failure.retryAfter() != null) {
            return failure.retryAfter().compareTo(maxWait) > 0 ? null : failure.retryAfter();
        }
        Duration wait = backoff.multipliedBy(1L << Math.min(retry - 1, 30));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
