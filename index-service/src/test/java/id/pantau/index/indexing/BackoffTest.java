package id.pantau.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(200, 30_000, new SplittableRandom(42));

    @Test
    void shouldDoubleTheCeilingEachAttemptUpToTheMaximum() {
        assertThat(backoff.ceilingMs(1)).isEqualTo(200);
        assertThat(backoff.ceilingMs(2)).isEqualTo(400);
        assertThat(backoff.ceilingMs(5)).isEqualTo(3200);
        assertThat(backoff.ceilingMs(8)).isEqualTo(25_600);
        assertThat(backoff.ceilingMs(9)).isEqualTo(30_000);
        assertThat(backoff.ceilingMs(1000)).isEqualTo(30_000);
    }

    @Test
    void shouldJitterBetweenHalfAndAllOfTheCeiling() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long delay = backoff.delayMs(3);
            assertThat(delay).isBetween(400L, 800L);
            seen.add(delay);
        }
        assertThat(seen.size()).isGreaterThan(100);
    }

    @Test
    void shouldRejectAnInitialDelayAboveTheMaximum() {
        assertThatThrownBy(() -> new Backoff(500, 100, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoff needs 1 <= initialMs <= maxMs, got 500 and 100");
    }

    @Test
    void shouldRejectAttemptZero() {
        assertThatThrownBy(() -> backoff.delayMs(0)).hasMessage("attempt must be at least 1, got 0");
    }
}
