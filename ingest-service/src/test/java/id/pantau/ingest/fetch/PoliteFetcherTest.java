package id.pantau.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.testing.FakeSleeper;
import id.pantau.ingest.testing.MutableClock;
import id.pantau.ingest.testing.TestConfigs;
import id.pantau.ingest.testing.TestSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {

    private final TestSite site = new TestSite();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-18T06:00:00Z"));
    private final FakeSleeper sleeper = new FakeSleeper(clock);
    private final HttpFetcher http = new HttpFetcher(TestConfigs.http(), clock);
    private final PoliteFetcher fetcher =
            new PoliteFetcher(http, new HostPacer(clock, sleeper), TestConfigs.fetch(Duration.ofSeconds(1)), TestConfigs.USER_AGENT, clock);
    private final Outlet outlet = TestConfigs.feedOutlet("kalbaronline", site, "/feed/");

    @AfterEach
    void close() {
        http.close();
        site.close();
    }

    @Test
    void shouldSkipUrlDisallowedByRobots() {
        site.serve("/robots.txt", 200, "text/plain", site.resourceText("robots.txt").getBytes(StandardCharsets.UTF_8));
        site.html("/private/memo.html", "<p>rahasia</p>");

        FetchOutcome outcome = fetcher.fetch(site.url("/private/memo.html"), outlet, null);

        assertThat(outcome).isEqualTo(new FetchOutcome.Skipped(site.url("/private/memo.html"), FetchCause.ROBOTS_DENIED,
                "robots.txt of 127.0.0.1 disallows it"));
        assertThat(site.hits("/private/memo.html")).isZero();
    }

    @Test
    void shouldFetchRobotsOnceAndCacheIt() {
        site.serve("/robots.txt", 200, "text/plain", site.resourceText("robots.txt").getBytes(StandardCharsets.UTF_8));
        site.html("/a.html", "<p>a</p>");
        site.html("/b.html", "<p>b</p>");

        fetcher.fetch(site.url("/a.html"), outlet, null);
        fetcher.fetch(site.url("/b.html"), outlet, null);

        assertThat(site.hits("/robots.txt")).isEqualTo(1);
        assertThat(fetcher.robots().sitemapsFor(URI.create(site.url("/")))).containsExactly(site.url("/sitemap-index.xml"));
    }

    @Test
    void shouldWaitCrawlDelayBetweenRequests() {
        site.serve("/robots.txt", 200, "text/plain", TestSite.resourceBytes("robots-crawl-delay.txt"));
        site.html("/a.html", "<p>a</p>");
        site.html("/b.html", "<p>b</p>");

        fetcher.fetch(site.url("/a.html"), outlet, null);
        fetcher.fetch(site.url("/b.html"), outlet, null);

        // robots.txt first; a.html 2 s after it and b.html 2 s after a.html (Crawl-delay: 2 beats the 1 s host delay)
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void shouldSkipHostAskingForTooLongCrawlDelay() {
        site.serve("/robots.txt", 200, "text/plain", TestSite.resourceBytes("robots-slow.txt"));

        FetchOutcome outcome = fetcher.fetch(site.url("/a.html"), outlet, null);

        assertThat(outcome).isEqualTo(new FetchOutcome.Skipped(site.url("/a.html"), FetchCause.CRAWL_DELAY_TOO_LONG,
                "Crawl-delay 120000 ms exceeds 30000 ms"));
    }

    @Test
    void shouldAllowAllWhenRobotsIsMissing() {
        site.html("/a.html", "<p>a</p>");

        assertThat(fetcher.fetch(site.url("/a.html"), outlet, null)).isInstanceOf(FetchOutcome.Fetched.class);
    }

    @Test
    void shouldDenyAllWhileRobotsAnswersServerError() {
        site.serve("/robots.txt", 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
        site.html("/a.html", "<p>a</p>");

        FetchOutcome outcome = fetcher.fetch(site.url("/a.html"), outlet, null);

        assertThat(outcome).isEqualTo(new FetchOutcome.Skipped(site.url("/a.html"), FetchCause.ROBOTS_UNAVAILABLE,
                "robots.txt of 127.0.0.1 could not be fetched"));
        assertThat(site.hits("/a.html")).isZero();
    }

    @Test
    void shouldFetchRobotsAgainAfterFailureRetryTime() {
        site.route("/robots.txt", (ex, hit) -> TestSite.send(ex, hit == 1 ? 503 : 404, "text/plain", new byte[0]));
        site.html("/a.html", "<p>a</p>");
        fetcher.fetch(site.url("/a.html"), outlet, null);
        clock.advance(RobotsRules.FAILED_FETCH_RETRY.plusSeconds(1));

        FetchOutcome outcome = fetcher.fetch(site.url("/a.html"), outlet, null);

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(site.hits("/robots.txt")).isEqualTo(2);
    }

    @Test
    void shouldRetryServerErrorThenSucceed() {
        site.route("/flaky.html", (ex, hit) -> {
            if (hit == 1) {
                TestSite.send(ex, 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8));
            } else {
                TestSite.send(ex, 200, "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
            }
        });

        FetchOutcome outcome = fetcher.fetch(site.url("/flaky.html"), outlet, null);

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(site.hits("/flaky.html")).isEqualTo(2);
    }

    @Test
    void shouldGiveUpAfterRetriesOnPersistentServerError() {
        site.serve("/down.html", 502, "text/plain", "bad gateway".getBytes(StandardCharsets.UTF_8));

        FetchOutcome outcome = fetcher.fetch(site.url("/down.html"), outlet, null);

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(FetchCause.HTTP_5XX);
            assertThat(failed.status()).isEqualTo(502);
        });
        assertThat(site.hits("/down.html")).isEqualTo(3); // first try and 2 retries
    }

    @Test
    void shouldWaitRetryAfterOf429BeforeTryingAgain() {
        site.route("/busy.html", (ex, hit) -> {
            if (hit == 1) {
                ex.getResponseHeaders().set("Retry-After", "3");
                TestSite.send(ex, 429, "text/plain", new byte[0]);
            } else {
                TestSite.send(ex, 200, "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
            }
        });

        FetchOutcome outcome = fetcher.fetch(site.url("/busy.html"), outlet, null);

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(sleeper.sleeps()).contains(Duration.ofSeconds(3));
    }

    // a Retry-After longer than the fetcher waits ends the retries, but the host still gets its pause from every URL
    @Test
    void shouldHoldTheHostBackForALongRetryAfterEvenWhenNotRetrying() {
        site.route("/busy.html", (ex, hit) -> {
            ex.getResponseHeaders().set("Retry-After", "600");
            TestSite.send(ex, 503, "text/plain", new byte[0]);
        });
        site.html("/other.html", "<p>lain</p>");

        FetchOutcome first = fetcher.fetch(site.url("/busy.html"), outlet, null);
        Instant failedAt = clock.instant();
        FetchOutcome other = fetcher.fetch(site.url("/other.html"), outlet, null);

        assertThat(first).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> assertThat(failed.status()).isEqualTo(503));
        assertThat(site.hits("/busy.html")).isEqualTo(1);
        assertThat(other).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(clock.instant()).as("the other URL waited for the server's pause").isAfterOrEqualTo(failedAt.plusSeconds(600));
    }

    @Test
    void shouldSkipUrlOffTheOutletsHosts() {
        FetchOutcome outcome = fetcher.fetch("https://other.example/2024/11/18/x/", outlet, null);

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Skipped.class,
                skipped -> assertThat(skipped.cause()).isEqualTo(FetchCause.OFF_OUTLET_HOST));
    }
}
