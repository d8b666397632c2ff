package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.fetch.HostPacer;
import id.pantau.ingest.fetch.HttpFetcher;
import id.pantau.ingest.fetch.PoliteFetcher;
import id.pantau.ingest.publish.DeadLetter;
import id.pantau.ingest.seen.InMemorySeenStore;
import id.pantau.ingest.testing.FakeSleeper;
import id.pantau.ingest.testing.MutableClock;
import id.pantau.ingest.testing.RecordingPublisher;
import id.pantau.ingest.testing.TestConfigs;
import id.pantau.ingest.testing.TestSite;
import id.pantau.schemas.avro.CrawlKind;
import id.pantau.schemas.avro.CrawlRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoverySchedulerTest {

    private static final Instant NOW = Instant.parse("2024-11-19T12:00:00Z");
    private final TestSite site = new TestSite();
    private final MutableClock clock = new MutableClock(NOW);
    private final HttpFetcher http = new HttpFetcher(TestConfigs.http(), clock);
    private final PoliteFetcher fetcher = new PoliteFetcher(http, new HostPacer(clock, new FakeSleeper(clock)),
            TestConfigs.fetch(Duration.ofSeconds(1)), TestConfigs.USER_AGENT, clock);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final AtomicBoolean owned = new AtomicBoolean(true);

    @AfterEach
    void close() {
        http.close();
        site.close();
    }

    private DiscoveryScheduler scheduler(Outlet outlet) {
        return new DiscoveryScheduler(OutletRegistry.of(List.of(outlet)), new SourcePoller(fetcher, 20),
                new CandidateGate(Duration.ofHours(48), new InMemorySeenStore(), clock), publisher, publisher, host -> owned.get(),
                TestConfigs.discovery(Duration.ofSeconds(15), Duration.ofSeconds(60)), clock);
    }

    @Test
    void shouldRequestRecentFeedItemsKeyedByHost() {
        site.serve("/feed/", 200, "application/rss+xml", site.resourceText("feed.xml").getBytes(StandardCharsets.UTF_8));
        DiscoveryScheduler scheduler = scheduler(TestConfigs.feedOutlet("kalbaronline", site, "/feed/"));

        assertThat(scheduler.pollDueNow()).isEqualTo(1);

        Instant afterRobotsAndHostDelay = NOW.plusSeconds(1);
        assertThat(publisher.requests).containsExactly(
                CrawlRequest.newBuilder().setUrl(site.url("/2024/11/18/rakor-netralitas-asn/")).setOutletId("kalbaronline")
                        .setKind(CrawlKind.ARTICLE).setDiscoveredAt(afterRobotsAndHostDelay).setAttempt(0).build(),
                CrawlRequest.newBuilder().setUrl(site.url("/2024/11/18/kades-mempawah-netral/")).setOutletId("kalbaronline")
                        .setKind(CrawlKind.ARTICLE).setDiscoveredAt(afterRobotsAndHostDelay).setAttempt(0).build());
        assertThat(publisher.requestKeys).containsExactly("127.0.0.1", "127.0.0.1");
        assertThat(scheduler.requestedCount()).isEqualTo(2);
    }

    @Test
    void shouldPollAgainOnlyWhenDueAndRequestOnlyNewItems() {
        site.serve("/feed/", 200, "application/rss+xml", site.resourceText("feed.xml").getBytes(StandardCharsets.UTF_8));
        DiscoveryScheduler scheduler = scheduler(TestConfigs.feedOutlet("kalbaronline", site, "/feed/"));
        scheduler.pollDueNow();

        assertThat(scheduler.pollDueNow()).isZero(); // next poll is 15 s away
        clock.advance(Duration.ofSeconds(15));
        String withNewItem = site.resourceText("feed.xml").replaceFirst("<item>",
                "<item><title>Baru</title><link>" + site.url("/2024/11/19/berita-baru/")
                        + "</link><pubDate>Tue, 19 Nov 2024 11:59:00 +0000</pubDate></item>\n<item>");
        site.serve("/feed/", 200, "application/rss+xml", withNewItem.getBytes(StandardCharsets.UTF_8));

        assertThat(scheduler.pollDueNow()).isEqualTo(1);
        assertThat(publisher.requests).extracting(CrawlRequest::getUrl).last().isEqualTo(site.url("/2024/11/19/berita-baru/"));
        assertThat(publisher.requests).hasSize(3);
    }

    @Test
    void shouldRequestAgainWhatCouldNotBeSentEvenWhenTheFeedDidNotChange() {
        site.serve("/feed/", 200, "application/rss+xml", site.resourceText("feed.xml").getBytes(StandardCharsets.UTF_8));
        AtomicBoolean brokerDown = new AtomicBoolean(true);
        id.pantau.ingest.publish.CrawlRequestSink flaky = (host, request) -> {
            if (brokerDown.get()) {
                throw new id.pantau.ingest.publish.PublishException("ingest.crawl.requests", host, new java.io.IOException("broker down"));
            }
            publisher.request(host, request);
        };
        DiscoveryScheduler scheduler = new DiscoveryScheduler(OutletRegistry.of(List.of(TestConfigs.feedOutlet("kalbaronline", site, "/feed/"))),
                new SourcePoller(fetcher, 20), new CandidateGate(Duration.ofHours(48), new InMemorySeenStore(), clock), flaky, publisher,
                host -> true, TestConfigs.discovery(Duration.ofSeconds(15), Duration.ofSeconds(60)), clock);
        scheduler.pollDueNow();
        brokerDown.set(false);
        clock.advance(Duration.ofSeconds(15));

        scheduler.pollDueNow();

        assertThat(publisher.requests).extracting(CrawlRequest::getUrl)
                .containsExactly(site.url("/2024/11/18/rakor-netralitas-asn/"), site.url("/2024/11/18/kades-mempawah-netral/"));
    }

    @Test
    void shouldNotPollSourcesOfHostsOwnedByAnotherInstance() {
        site.serve("/feed/", 200, "application/rss+xml", site.resourceText("feed.xml").getBytes(StandardCharsets.UTF_8));
        owned.set(false);

        assertThat(scheduler(TestConfigs.feedOutlet("kalbaronline", site, "/feed/")).pollDueNow()).isZero();
        assertThat(site.hits("/feed/")).isZero();
    }

    @Test
    void shouldDeadLetterBrokenFeedOncePerDistinctError() {
        site.serve("/broken.xml", 200, "application/rss+xml", site.resourceText("broken-feed.xml").getBytes(StandardCharsets.UTF_8));
        DiscoveryScheduler scheduler = scheduler(TestConfigs.feedOutlet("kalbaronline", site, "/broken.xml"));

        scheduler.pollDueNow();
        clock.advance(Duration.ofMinutes(5));
        scheduler.pollDueNow();

        assertThat(site.hits("/broken.xml")).isEqualTo(2);
        assertThat(publisher.deadLetters).hasSize(1);
        DeadLetter letter = publisher.deadLetters.getFirst();
        assertThat(letter.reason()).isEqualTo("SOURCE_UNPARSEABLE");
        assertThat(letter.url()).isEqualTo(site.url("/broken.xml"));
        assertThat(publisher.requests).isEmpty();
    }

    // an outlet whose feed goes away must not go quiet unnoticed: one dead letter per outage, not one per poll
    @Test
    void shouldDeadLetterAnUnavailableFeedOncePerOutage() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        byte[] feed = site.resourceText("feed.xml").getBytes(StandardCharsets.UTF_8);
        site.route("/feed/", (ex, hit) -> {
            if (down.get()) {
                TestSite.send(ex, 404, "text/html", "<h1>tidak ada</h1>".getBytes(StandardCharsets.UTF_8));
            } else {
                TestSite.send(ex, 200, "application/rss+xml", feed);
            }
        });
        DiscoveryScheduler scheduler = scheduler(TestConfigs.feedOutlet("kalbaronline", site, "/feed/"));

        scheduler.pollDueNow();
        clock.advance(Duration.ofMinutes(5));
        scheduler.pollDueNow();
        assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("SOURCE_UNAVAILABLE");
            assertThat(letter.message()).isEqualTo("cannot fetch source " + site.url("/feed/") + ": HTTP_4XX 404");
        });

        down.set(false);
        clock.advance(Duration.ofMinutes(5));
        scheduler.pollDueNow();
        down.set(true);
        clock.advance(Duration.ofMinutes(5));
        scheduler.pollDueNow();

        assertThat(publisher.deadLetters).as("the second outage is news again").hasSize(2);
        assertThat(site.hits("/feed/")).isEqualTo(4);
    }
}
