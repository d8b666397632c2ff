package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.config.SourceType;
import id.pantau.ingest.fetch.HostPacer;
import id.pantau.ingest.fetch.HttpFetcher;
import id.pantau.ingest.fetch.PoliteFetcher;
import id.pantau.ingest.publish.DeadLetter;
import id.pantau.ingest.publish.PublishException;
import id.pantau.ingest.seen.InMemorySeenStore;
import id.pantau.ingest.testing.FakeSleeper;
import id.pantau.ingest.testing.MutableClock;
import id.pantau.ingest.testing.RecordingPublisher;
import id.pantau.ingest.testing.TestConfigs;
import id.pantau.ingest.testing.TestSite;
import id.pantau.schemas.avro.CrawlKind;
import id.pantau.schemas.avro.CrawlRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
        return scheduler(outlet, new CandidateGate(Duration.ofHours(48), new InMemorySeenStore(), clock));
    }

    private DiscoveryScheduler scheduler(Outlet outlet, CandidateGate gate) {
        return new DiscoveryScheduler(OutletRegistry.of(List.of(outlet)), new SourcePoller(fetcher, 20), gate, publisher, publisher,
                host -> owned.get(), TestConfigs.discovery(Duration.ofSeconds(15), Duration.ofSeconds(60)), clock);
    }

    private CandidateGate hourlyRevisits() {
        return new CandidateGate(Duration.ofHours(48), new RevisitSchedule(Duration.ofHours(1), 2), new InMemorySeenStore(), clock);
    }

    /** A feed listing {@code paths}, newest first, all dated an hour before the start of the test. */
    private byte[] feed(List<String> paths) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n");
        for (String path : paths) {
            rss.append("<item><title>Berita</title><link>").append(site.url(path))
                    .append("</link><pubDate>Tue, 19 Nov 2024 11:00:00 +0000</pubDate></item>\n");
        }
        return rss.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sitemapIndex(String lastmodOfA) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + "<sitemap><loc>" + site.url("/sitemap-a.xml") + "</loc><lastmod>" + lastmodOfA + "</lastmod></sitemap>\n"
                + "<sitemap><loc>" + site.url("/sitemap-b.xml") + "</loc><lastmod>2024-11-19T11:00:00Z</lastmod></sitemap>\n"
                + "</sitemapindex>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A sitemap listing {@code paths}, all modified an hour before the start of the test. */
    private byte[] urlset(String... paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : paths) {
            xml.append("<url><loc>").append(site.url(path)).append("</loc><lastmod>2024-11-19T11:00:00Z</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    // issue #3: a feed that did not change offered no candidates, so its items were never revisited
    @Test
    void shouldRevisitTheItemsOfASourceThatDidNotChange() {
        site.serve("/feed/", 200, "application/rss+xml", site.resourceText("feed.xml").getBytes(StandardCharsets.UTF_8));
        DiscoveryScheduler scheduler = scheduler(TestConfigs.feedOutlet("kalbaronline", site, "/feed/"), hourlyRevisits());
        scheduler.pollDueNow();

        clock.advance(Duration.ofHours(2));
        scheduler.pollDueNow();

        assertThat(publisher.requests).extracting(CrawlRequest::getUrl, CrawlRequest::getRevisit).containsExactly(
                tuple(site.url("/2024/11/18/rakor-netralitas-asn/"), false), tuple(site.url("/2024/11/18/kades-mempawah-netral/"), false),
                tuple(site.url("/2024/11/18/rakor-netralitas-asn/"), true), tuple(site.url("/2024/11/18/kades-mempawah-netral/"), true));
    }

    @Test
    void shouldNotRevisitWhatAnUnreadableSourceListedBefore() {
        AtomicBoolean down = new AtomicBoolean(false);
        byte[] feed = site.resourceText("feed.xml").getBytes(StandardCharsets.UTF_8);
        site.route("/feed/", (ex, hit) -> {
            if (down.get()) {
                TestSite.send(ex, 404, "text/html", "<h1>tidak ada</h1>".getBytes(StandardCharsets.UTF_8));
            } else {
                TestSite.send(ex, 200, "application/rss+xml", feed);
            }
        });
        DiscoveryScheduler scheduler = scheduler(TestConfigs.feedOutlet("kalbaronline", site, "/feed/"), hourlyRevisits());
        scheduler.pollDueNow();
        down.set(true);
        clock.advance(Duration.ofHours(2));

        scheduler.pollDueNow();
        assertThat(publisher.requests).as("the first round only").hasSize(2);

        down.set(false);
        clock.advance(Duration.ofMinutes(1));
        scheduler.pollDueNow();
        assertThat(publisher.requests).extracting(CrawlRequest::getRevisit).containsExactly(false, false, true, true);
    }

    // issue #3: an hour after a host's items were requested together, all of them were requested again at
    // once, and a new article of the host waited in its lane behind every one of them
    @Test
    void shouldRequestANewArticleBehindNoMoreThanTheCapOfRevisitsPerPoll() {
        List<String> listed = IntStream.rangeClosed(1, 300).mapToObj(i -> "/2024/11/19/berita-" + i + "/").toList();
        site.serve("/feed/", 200, "application/rss+xml", feed(listed));
        DiscoveryScheduler scheduler = scheduler(TestConfigs.feedOutlet("tribun-pontianak", site, "/feed/"), hourlyRevisits());
        scheduler.pollDueNow();
        int firstRound = publisher.requests.size();

        clock.advance(Duration.ofMinutes(61));
        site.serve("/feed/", 200, "application/rss+xml", feed(Stream.concat(Stream.of("/2024/11/19/baru-1/"), listed.stream()).toList()));
        scheduler.pollDueNow();
        clock.advance(Duration.ofMinutes(1));
        site.serve("/feed/", 200, "application/rss+xml",
                feed(Stream.concat(Stream.of("/2024/11/19/baru-2/", "/2024/11/19/baru-1/"), listed.stream()).toList()));
        scheduler.pollDueNow();

        List<CrawlRequest> sinceRevisitTime = publisher.requests.subList(firstRound, publisher.requests.size());
        List<String> urls = sinceRevisitTime.stream().map(CrawlRequest::getUrl).toList();
        int revisitsBefore = (int) urls.subList(0, urls.indexOf(site.url("/2024/11/19/baru-2/"))).stream()
                .filter(url -> url.contains("/berita-")).count();
        assertThat(firstRound).isEqualTo(300);
        assertThat(revisitsBefore).as("revisits requested before the second new article: the previous poll's cap").isEqualTo(2);
        assertThat(sinceRevisitTime).filteredOn(request -> request.getUrl().contains("/berita-")).hasSize(4).allMatch(CrawlRequest::getRevisit);
        assertThat(sinceRevisitTime).filteredOn(request -> request.getUrl().contains("/baru-")).extracting(CrawlRequest::getRevisit)
                .containsExactly(false, false);
    }

    // issue #3: a poll kept only the items of the documents it read anew, so when one child of a sitemap index
    // changed, the items of the other child (answering 304) dropped out of the saved listing and were not revisited
    @Test
    void shouldStillRevisitTheItemsOfAnUnchangedChildSitemapWhenAnotherChildChanges() {
        site.serve("/sitemap_index.xml", 200, "application/xml", sitemapIndex("2024-11-19T11:00:00Z"));
        site.serve("/sitemap-a.xml", 200, "application/xml", urlset("/2024/11/19/berita-a1/"));
        byte[] childB = urlset("/2024/11/19/berita-b1/");
        site.route("/sitemap-b.xml", (ex, hit) -> {
            if ("\"b-1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestSite.send(ex, 304, "application/xml", new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"b-1\"");
                TestSite.send(ex, 200, "application/xml", childB);
            }
        });
        DiscoveryScheduler scheduler = scheduler(TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null),
                hourlyRevisits());
        scheduler.pollDueNow();

        clock.advance(Duration.ofHours(2));
        site.serve("/sitemap_index.xml", 200, "application/xml", sitemapIndex("2024-11-19T13:59:00Z"));
        site.serve("/sitemap-a.xml", 200, "application/xml", urlset("/2024/11/19/berita-a2/", "/2024/11/19/berita-a1/"));
        scheduler.pollDueNow();

        assertThat(site.hits("/sitemap-b.xml")).isEqualTo(2);
        assertThat(publisher.requests).extracting(CrawlRequest::getUrl, CrawlRequest::getRevisit).containsExactlyInAnyOrder(
                tuple(site.url("/2024/11/19/berita-a1/"), false), tuple(site.url("/2024/11/19/berita-b1/"), false),
                tuple(site.url("/2024/11/19/berita-a2/"), false),
                tuple(site.url("/2024/11/19/berita-a1/"), true), tuple(site.url("/2024/11/19/berita-b1/"), true));
    }

    @Test
    void shouldLogHowManyCandidatesTheArticlePatternExcluded() {
        site.serve("/feed/", 200, "application/rss+xml", feed(List.of("/2024/11/19/berita-1/", "/tag/pilkada/", "/2024/11/19/berita-2/")));
        Outlet plain = TestConfigs.feedOutlet("kalbaronline", site, "/feed/");
        Outlet outlet = new Outlet(plain.id(), plain.name(), plain.home(), plain.regions(), plain.hosts(), plain.sources(),
                Pattern.quote(site.base()) + "/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/", null, null);
        Logger logger = (Logger) LoggerFactory.getLogger(DiscoveryScheduler.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            scheduler(outlet).pollDueNow();
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).filteredOn(line -> line.startsWith("event=source_polled"))
                .singleElement().asString().contains(" candidates=2 excluded=1 requested=2 ");
    }

    // moved from SourcePollerTest: the gate applies the pattern to what every kind of source lists, section links too
    @Test
    void shouldRequestOnlySectionLinksThatMatchTheOutletsArticlePatternToo() {
        site.html("/category/pontianak/", site.resourceText("section.html"));
        String anyDated = Pattern.quote(site.base()) + "/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/";
        Outlet plain = TestConfigs.outlet("kalbaronline", site, SourceType.SECTION, "/category/pontianak/", anyDated);
        Outlet outlet = new Outlet(plain.id(), plain.name(), plain.home(), plain.regions(), plain.hosts(), plain.sources(),
                ".*/kades-[a-z-]+/", null, null);

        scheduler(outlet).pollDueNow();

        assertThat(publisher.requests).extracting(CrawlRequest::getUrl).containsExactly(site.url("/2024/11/18/kades-mempawah-netral/"));
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
                throw new PublishException("ingest.crawl.requests", host, new IOException("broker down"));
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
        AtomicBoolean down = new AtomicBoolean(true);
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
