package id.pantau.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.testing.FakeSleeper;
import id.pantau.ingest.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // permits are held by their blocks, never read
class HostPacerTest {

    private static final Instant T0 = Instant.parse("2024-11-18T06:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final FakeSleeper sleeper = new FakeSleeper(clock);
    private final HostPacer pacer = new HostPacer(clock, sleeper);

    @Test
    void shouldNotWaitForFirstRequestToHost() throws Exception {
        try (HostPacer.Permit permit = pacer.acquire("kalbaronline.com", Duration.ofSeconds(1))) {
            assertThat(sleeper.sleeps()).isEmpty();
        }
    }

    @Test
    void shouldWaitDelayAfterEndOfPreviousRequest() throws Exception {
        try (HostPacer.Permit permit = pacer.acquire("kalbaronline.com", Duration.ofSeconds(1))) {
            clock.advance(Duration.ofMillis(300)); // the request takes 300 ms
        }
        clock.advance(Duration.ofMillis(200));

        try (HostPacer.Permit permit = pacer.acquire("kalbaronline.com", Duration.ofSeconds(1))) {
            assertThat(clock.instant()).isEqualTo(T0.plusMillis(1300));
        }

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(800));
    }

    @Test
    void shouldNotDelayOtherHosts() throws Exception {
        try (HostPacer.Permit permit = pacer.acquire("kalbaronline.com", Duration.ofSeconds(5))) {
            // held
        }

        try (HostPacer.Permit permit = pacer.acquire("suaraborneo.id", Duration.ofSeconds(5))) {
            assertThat(sleeper.sleeps()).isEmpty();
        }
    }

    // KalbarOnline links to itself with and without www.: one site, one pace
    @Test
    void shouldPaceTheWwwAndTheBareHostOfASiteAsOne() throws Exception {
        try (HostPacer.Permit permit = pacer.acquire("www.kalbaronline.com", Duration.ofSeconds(1))) {
            clock.advance(Duration.ofMillis(100));
        }

        try (HostPacer.Permit permit = pacer.acquire("KalbarOnline.com", Duration.ofSeconds(1))) {
            assertThat(clock.instant()).isEqualTo(T0.plusMillis(1100));
        }
        assertThat(SiteKeys.of("www.kalbaronline.com")).isEqualTo(SiteKeys.of("kalbaronline.com")).isEqualTo("kalbaronline.com");
        assertThat(SiteKeys.of("www2.kalbaronline.com")).isEqualTo("www2.kalbaronline.com");
    }

    @Test
    void shouldHonourDeferralLongerThanDelay() throws Exception {
        pacer.deferUntil("pontianak.tribunnews.com", T0.plusSeconds(30));

        try (HostPacer.Permit permit = pacer.acquire("pontianak.tribunnews.com", Duration.ofSeconds(1))) {
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(30));
        }
        assertThat(pacer.nextAllowed("pontianak.tribunnews.com", Duration.ofSeconds(1))).isEqualTo(T0.plusSeconds(31));
    }

    @Test
    void shouldAllowOneRequestAtATimePerHost() throws Exception {
        HostPacer realTime = new HostPacer(Clock.systemUTC(), Sleeper.SYSTEM);
        HostPacer.Permit first = realTime.acquire("infopublik.id", Duration.ZERO);
        CountDownLatch secondHasPermit = new CountDownLatch(1);
        AtomicBoolean acquiredWhileHeld = new AtomicBoolean();
        Thread second = Thread.ofVirtual().start(() -> {
            try (HostPacer.Permit permit = realTime.acquire("infopublik.id", Duration.ZERO)) {
                secondHasPermit.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        acquiredWhileHeld.set(secondHasPermit.await(200, TimeUnit.MILLISECONDS));
        first.close();

        assertThat(acquiredWhileHeld).isFalse();
        assertThat(secondHasPermit.await(2, TimeUnit.SECONDS)).isTrue();
        second.join();
    }
}
