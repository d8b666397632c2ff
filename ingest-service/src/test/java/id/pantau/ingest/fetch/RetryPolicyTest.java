package id.pantau.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(10));

    private static FetchOutcome.Failed failure(boolean retryable, Duration retryAfter) {
        return new FetchOutcome.Failed("https://infopublik.id/x", FetchCause.HTTP_5XX, retryable, 503, "HTTP 503", retryAfter);
    }

    @Test
    void shouldBackOffExponentiallyUpToMaxWait() {
        FetchOutcome.Failed failed = failure(true, null);

        assertThat(policy.delayBefore(1, failed)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(2, failed)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayBefore(3, failed)).isEqualTo(Duration.ofSeconds(8));
        assertThat(new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(10)).delayBefore(4, failed)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldGiveUpAfterRetries() {
        assertThat(policy.delayBefore(4, failure(true, null))).isNull();
    }

    @Test
    void shouldNotRetryPermanentFailure() {
        assertThat(policy.delayBefore(1, failure(false, null))).isNull();
    }

    @Test
    void shouldUseRetryAfterWhenWithinMaxWait() {
        assertThat(policy.delayBefore(1, failure(true, Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldGiveUpWhenRetryAfterExceedsMaxWait() {
        assertThat(policy.delayBefore(1, failure(true, Duration.ofSeconds(3600)))).isNull();
    }

    @Test
    void shouldRejectNegativeRetries() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retries must not be negative, got -1");
    }

    @Test
    void shouldParseRetryAfterSecondsAndDate() {
        Instant now = Instant.parse("2024-11-18T06:00:00Z");

        assertThat(RetryAfter.parse("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Mon, 18 Nov 2024 06:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("besok", now)).isNull();
        assertThat(RetryAfter.parse(null, now)).isNull();
    }
}
