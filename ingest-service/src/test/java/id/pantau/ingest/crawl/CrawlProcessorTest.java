package id.pantau.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.sun.net.httpserver.HttpExchange;
import id.pantau.ingest.config.FetchConfig;
import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.discovery.ArticleIds;
import id.pantau.ingest.extract.ArticleExtractor;
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
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.SeenArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrawlProcessorTest {

    private static final String ARTICLE = "/2024/11/18/rakor-netralitas-asn/";
    private final TestSite site = new TestSite();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-18T08:00:00Z"));
    private final HttpFetcher http = new HttpFetcher(TestConfigs.http(), clock);
    private final PoliteFetcher fetcher = new PoliteFetcher(http, new HostPacer(clock, new FakeSleeper(clock)),
            TestConfigs.fetch(Duration.ofSeconds(1)), TestConfigs.USER_AGENT, clock);
    private final Outlet outlet = TestConfigs.feedOutlet("kalbaronline", site, "/feed/");
    private final InMemorySeenStore seen = new InMemorySeenStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final CrawlProcessor processor =
            new CrawlProcessor(OutletRegistry.of(List.of(outlet)), fetcher, new ArticleExtractor(clock), seen, publisher, clock);

    @AfterEach
    void close() {
        http.close();
        site.close();
    }

    private CrawlRequest request(String path) {
        return CrawlRequest.newBuilder().setUrl(site.url(path)).setOutletId("kalbaronline").setKind(CrawlKind.ARTICLE)
                .setDiscoveredAt(clock.instant()).setAttempt(0).build();
    }

    private void serveArticle(String html) {
        site.html(ARTICLE, html);
    }

    @Test
    void shouldPublishNewArticleAsVersionOneKeyedByCanonicalUrlHash() {
        serveArticle(site.resourceText("article.html"));

        CrawlResult result = processor.process(request(ARTICLE + "?utm_source=rss"), null);

        assertThat(result).isEqualTo(CrawlResult.PUBLISHED);
        RawArticle raw = publisher.articles.getFirst();
        String canonical = site.url(ARTICLE);
        assertThat(raw.getCanonicalUrl()).isEqualTo(canonical);
        assertThat(raw.getArticleId()).isEqualTo(ArticleIds.of(canonical));
        assertThat(raw.getUrl()).isEqualTo(site.url(ARTICLE + "?utm_source=rss"));
        assertThat(raw.getVersion()).isEqualTo(1);
        assertThat(raw.getOutletId()).isEqualTo("kalbaronline");
        assertThat(raw.getFetchedAt()).isEqualTo(Instant.parse("2024-11-18T08:00:00Z"));
        assertThat(raw.getContentHash()).isEqualTo(ArticleIds.contentHash(raw.getTitle(), raw.getBodyParagraphs()));
        assertThat(raw.getBodyParagraphs()).hasSize(3);
        assertThat(raw.getBodyParagraphs().get(1)).isEqualTo(
                "Penjabat Bupati Mempawah, Ismail, yang hadir dalam pertemuan itu menyebut sikap netral ASN dan kades sebagai syarat pokok pilkada yang jujur.");
        assertThat(publisher.seen.getFirst().getVersion()).isEqualTo(1);
        assertThat(seen.get(canonical).getContentHash()).isEqualTo(raw.getContentHash());
    }

    @Test
    void shouldNotPublishUnchangedArticleAgain() {
        serveArticle(site.resourceText("article.html"));
        processor.process(request(ARTICLE), null);
        clock.advance(Duration.ofMinutes(5));

        CrawlResult result = processor.process(request(ARTICLE), null);

        assertThat(result).isEqualTo(CrawlResult.UNCHANGED);
        assertThat(publisher.articles).hasSize(1);
        assertThat(processor.counts()).containsEntry(CrawlResult.PUBLISHED, 1L).containsEntry(CrawlResult.UNCHANGED, 1L)
                .containsEntry(CrawlResult.DEAD_LETTER, 0L);
        assertThat(site.hits(ARTICLE)).isEqualTo(2);
    }

    @Test
    void shouldPublishEditedArticleAsNextVersion() {
        serveArticle(site.resourceText("article.html"));
        processor.process(request(ARTICLE), null);
        clock.advance(Duration.ofMinutes(5));
        serveArticle(site.resourceText("article.html").replace("hingga hari pemungutan suara", "sampai hari pencoblosan"));

        CrawlResult result = processor.process(request(ARTICLE), null);

        assertThat(result).isEqualTo(CrawlResult.PUBLISHED);
        assertThat(publisher.articles).extracting(RawArticle::getVersion).containsExactly(1, 2);
        assertThat(publisher.articles.get(1).getArticleId()).isEqualTo(publisher.articles.get(0).getArticleId());
        assertThat(publisher.articles.get(1).getContentHash()).isNotEqualTo(publisher.articles.get(0).getContentHash());
    }

    @Test
    void shouldNotFetchRequestMadeBeforeLastPublication() {
        serveArticle(site.resourceText("article.html"));
        CrawlRequest early = request(ARTICLE);
        clock.advance(Duration.ofSeconds(1));
        processor.process(request(ARTICLE), null);

        CrawlResult result = processor.process(early, null);

        assertThat(result).isEqualTo(CrawlResult.ALREADY_SEEN);
        assertThat(site.hits(ARTICLE)).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterNotFoundPageWithReasonAndSource() {
        CrawlResult result = processor.process(request("/2024/11/18/hilang/"), new DeadLetter.Source("ingest.crawl.requests", 2, 41));

        assertThat(result).isEqualTo(CrawlResult.DEAD_LETTER);
        assertThat(publisher.deadLetters).containsExactly(new DeadLetter(site.url("/2024/11/18/hilang/"), "127.0.0.1", "HTTP_4XX",
                "HTTP 404 for " + site.url("/2024/11/18/hilang/"), null, new DeadLetter.Source("ingest.crawl.requests", 2, 41)));
        assertThat(publisher.articles).isEmpty();
    }

    private CrawlProcessor requeueing() {
        FetchConfig fetch = TestConfigs.fetch(Duration.ofSeconds(1));
        FetchConfig oneRequeue = new FetchConfig(fetch.hostDelay(), fetch.maxCrawlDelay(), fetch.retries(), fetch.retryBackoff(),
                fetch.retryMaxWait(), fetch.robotsCacheTtl(), 1, Duration.ofSeconds(60));
        return new CrawlProcessor(OutletRegistry.of(List.of(outlet)), fetcher, new ArticleExtractor(clock), seen, publisher, clock,
                Requeue.of(publisher, oneRequeue, clock));
    }

    @Test
    void shouldRequeueServerErrorOnceWithNextAttemptThenDeadLetterIt() {
        site.serve(ARTICLE, 500, "text/html", "<h1>Galat</h1>".getBytes(StandardCharsets.UTF_8));
        CrawlProcessor processor = requeueing();

        CrawlResult first = processor.process(request(ARTICLE), null);
        Instant requeuedAt = clock.instant();

        assertThat(first).isEqualTo(CrawlResult.REQUEUED);
        assertThat(site.hits(ARTICLE)).isEqualTo(3);
        assertThat(publisher.deadLetters).isEmpty();
        assertThat(publisher.requestKeys).containsExactly("127.0.0.1");
        assertThat(publisher.requests).containsExactly(CrawlRequest.newBuilder().setUrl(site.url(ARTICLE)).setOutletId("kalbaronline")
                .setKind(CrawlKind.ARTICLE).setDiscoveredAt(requeuedAt).setAttempt(1).build());

        clock.advance(Duration.ofSeconds(60));
        CrawlResult second = processor.process(publisher.requests.getFirst(), null);

        assertThat(second).isEqualTo(CrawlResult.DEAD_LETTER);
        assertThat(site.hits(ARTICLE)).isEqualTo(6);
        assertThat(publisher.requests).hasSize(1);
        assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("HTTP_5XX");
            assertThat(letter.message()).endsWith("(retryable, gave up after retries and 1 requeue(s))");
        });
        assertThat(processor.counts()).containsEntry(CrawlResult.REQUEUED, 1L).containsEntry(CrawlResult.DEAD_LETTER, 1L);
    }

    @Test
    void shouldDateRequeuedRequestDueAfterItsDelayAndFirstRequestAtOnce() {
        site.serve(ARTICLE, 503, "text/html", "<h1>Sibuk</h1>".getBytes(StandardCharsets.UTF_8));
        CrawlProcessor processor = requeueing();
        CrawlRequest first = request(ARTICLE);

        processor.process(first, null);
        Instant requeuedAt = clock.instant();

        assertThat(processor.dueAt(first)).isEqualTo(Instant.MIN);
        assertThat(processor.dueAt(publisher.requests.getFirst())).isEqualTo(requeuedAt.plusSeconds(60));
        assertThat(this.processor.dueAt(publisher.requests.getFirst())).as("a processor that never requeues").isEqualTo(requeuedAt);
    }

    // issue #3: the processor no longer sleeps until a requeued request is due (the worker holds it); given one, it fetches at once
    @Test
    void shouldFetchRequeuedRequestAtOnceWithoutWaitingAndPublishWhenServerRecovered() {
        String page = site.resourceText("article.html");
        site.route(ARTICLE, (exchange, hit) -> {
            if (hit <= 3) {
                TestSite.send(exchange, 503, "text/html", "<h1>Sibuk</h1>".getBytes(StandardCharsets.UTF_8));
            } else {
                TestSite.send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
            }
        });
        CrawlProcessor processor = requeueing();

        assertThat(processor.process(request(ARTICLE), null)).isEqualTo(CrawlResult.REQUEUED);
        clock.advance(Duration.ofSeconds(60));
        Instant due = clock.instant();
        CrawlResult again = processor.process(publisher.requests.getFirst(), null);

        assertThat(again).isEqualTo(CrawlResult.PUBLISHED);
        assertThat(clock.instant()).as("no wait inside the processor").isEqualTo(due);
        assertThat(publisher.articles).singleElement().satisfies(raw -> {
            assertThat(raw.getVersion()).isEqualTo(1);
            assertThat(raw.getFetchedAt()).isEqualTo(due);
        });
        assertThat(publisher.deadLetters).isEmpty();
    }

    @Test
    void shouldNotRequeueNotFoundPage() {
        CrawlResult result = requeueing().process(request("/2024/11/18/hilang/"), null);

        assertThat(result).isEqualTo(CrawlResult.DEAD_LETTER);
        assertThat(publisher.requests).isEmpty();
        assertThat(publisher.deadLetters).extracting(DeadLetter::reason).containsExactly("HTTP_4XX");
    }

    @Test
    void shouldDeadLetterPageWithoutArticleBody() {
        site.html("/galeri/", site.resourceText("article-empty.html"));

        processor.process(request("/galeri/"), null);

        assertThat(publisher.deadLetters).hasSize(1);
        DeadLetter letter = publisher.deadLetters.getFirst();
        assertThat(letter.reason()).isEqualTo("EXTRACTION_EMPTY_BODY");
        assertThat(letter.exception()).isEqualTo("id.pantau.ingest.extract.ExtractionException");
    }

    // a robots.txt that fails for a while must not lose the article: it is requeued, and fetched once robots.txt answers
    @Test
    void shouldRequeueWhenRobotsTxtIsUnavailableAndPublishOnceItAnswers() {
        site.serve("/robots.txt", 503, "text/plain", "sibuk".getBytes(StandardCharsets.UTF_8));
        serveArticle(site.resourceText("article.html"));
        CrawlProcessor processor = requeueing();

        CrawlResult first = processor.process(request(ARTICLE), null);

        assertThat(first).isEqualTo(CrawlResult.REQUEUED);
        assertThat(site.hits(ARTICLE)).isZero();
        assertThat(publisher.deadLetters).isEmpty();
        assertThat(publisher.requests).singleElement().satisfies(again -> assertThat(again.getAttempt()).isEqualTo(1));

        site.serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        clock.advance(Duration.ofSeconds(61));
        CrawlResult second = processor.process(publisher.requests.getFirst(), null);

        assertThat(second).isEqualTo(CrawlResult.PUBLISHED);
        assertThat(publisher.articles).hasSize(1);
        assertThat(publisher.deadLetters).isEmpty();
    }

    @Test
    void shouldDeadLetterWhenRobotsTxtIsStillUnavailableAfterTheRequeue() {
        site.serve("/robots.txt", 503, "text/plain", "sibuk".getBytes(StandardCharsets.UTF_8));
        CrawlProcessor processor = requeueing();

        processor.process(request(ARTICLE), null);
        clock.advance(Duration.ofSeconds(61));
        CrawlResult second = processor.process(publisher.requests.getFirst(), null);

        assertThat(second).isEqualTo(CrawlResult.DEAD_LETTER);
        assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("ROBOTS_UNAVAILABLE");
            assertThat(letter.message()).endsWith("(gave up after 1 requeue(s))");
        });
    }

    @Test
    void shouldDeadLetterPageDisallowedByRobots() {
        site.serve("/robots.txt", 200, "text/plain", site.resourceText("robots.txt").getBytes(StandardCharsets.UTF_8));

        processor.process(request("/private/memo/"), null);

        assertThat(publisher.deadLetters).extracting(DeadLetter::reason).containsExactly("ROBOTS_DENIED");
        assertThat(site.hits("/private/memo/")).isZero();
    }

    @Test
    void shouldDeadLetterPageAboveSizeLimit() {
        site.serve("/besar/", 200, "text/html", new byte[2 * 1024 * 1024]);

        processor.process(request("/besar/"), null);

        assertThat(publisher.deadLetters).extracting(DeadLetter::reason).containsExactly("TOO_LARGE");
    }

    @Test
    void shouldDeadLetterRequestOfUnknownOutlet() {
        CrawlRequest stray = CrawlRequest.newBuilder(request(ARTICLE)).setOutletId("hilang").build();

        processor.process(stray, null);

        assertThat(publisher.deadLetters).extracting(DeadLetter::reason, DeadLetter::message)
                .containsExactly(tuple("UNKNOWN_OUTLET", "no outlet 'hilang' in the registry"));
    }

    private static final String TWO_PAGES = "/2024/11/18/dua-halaman";
    private static final String PAGE_ONE = """
            <html><head><meta charset="utf-8"><title>Rakor netralitas dua halaman</title></head><body><article>
            <h1>Rakor netralitas dua halaman</h1>
            <p>Halaman pertama menceritakan rapat koordinasi Bawaslu Kalbar di Pontianak pada 18 November 2024.</p>
            <p>Para kepala daerah diminta memastikan ASN dan kades tidak berpihak kepada calon mana pun.</p>
            <a href="/2024/11/18/dua-halaman?page=2">Halaman selanjutnya</a>
            </article></body></html>""";
    private static final String PAGE_TWO = "<html><head><meta charset=\"utf-8\"><title>Rakor netralitas dua halaman</title></head>"
            + "<body><article><h1>Rakor netralitas dua halaman</h1>"
            + "<p>Halaman kedua memuat pesan Pj Bupati Mempawah Ismail tentang pengawasan media sosial pegawai.</p>"
            + "<p>Pemungutan suara pilkada serentak dijadwalkan pada 27 November 2024.</p></article></body></html>";
    private static final List<String> PAGE_ONE_PARAGRAPHS = List.of(
            "Halaman pertama menceritakan rapat koordinasi Bawaslu Kalbar di Pontianak pada 18 November 2024.",
            "Para kepala daerah diminta memastikan ASN dan kades tidak berpihak kepada calon mana pun.");
    private static final List<String> BOTH_PAGES_PARAGRAPHS = List.of(PAGE_ONE_PARAGRAPHS.get(0), PAGE_ONE_PARAGRAPHS.get(1),
            "Halaman kedua memuat pesan Pj Bupati Mempawah Ismail tentang pengawasan media sosial pegawai.",
            "Pemungutan suara pilkada serentak dijadwalkan pada 27 November 2024.");

    /** Serves {@code first} at {@link #TWO_PAGES} and lets {@code further} answer its {@code ?page=...} pages. */
    private void serveTwoPages(String first, TestSite.Route further) {
        site.route(TWO_PAGES, (ex, hit) -> {
            if (ex.getRequestURI().getRawQuery() == null) {
                TestSite.send(ex, 200, "text/html; charset=utf-8", first.getBytes(StandardCharsets.UTF_8));
            } else {
                further.answer(ex, hit);
            }
        });
    }

    private static void sendPageTwo(HttpExchange ex) throws IOException {
        TestSite.send(ex, 200, "text/html; charset=utf-8", PAGE_TWO.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBusy(HttpExchange ex) throws IOException {
        TestSite.send(ex, 503, "text/html", "<h1>Sibuk</h1>".getBytes(StandardCharsets.UTF_8));
    }

    // issue #3: a request of a revoked partition wrote its outcome while the partition's new owner processed it again
    @Test
    void shouldWriteNothingForARequestWhosePartitionWasRevoked() {
        serveArticle(site.resourceText("article.html"));
        site.serve("/2024/11/18/galat/", 500, "text/html", "<h1>Galat</h1>".getBytes(StandardCharsets.UTF_8));
        PartitionLease lease = new PartitionLease(new TopicPartition("ingest.crawl.requests", 2));
        lease.revoke();
        CrawlProcessor requeueing = requeueing();

        assertThatThrownBy(() -> processor.process(request(ARTICLE), null, lease)).isInstanceOf(PartitionRevokedException.class)
                .hasMessage("crawl-request partition ingest.crawl.requests-2 is no longer owned here: write dropped");
        assertThatThrownBy(() -> processor.process(request("/2024/11/18/hilang/"), null, lease))
                .isInstanceOf(PartitionRevokedException.class);
        assertThatThrownBy(() -> requeueing.process(request("/2024/11/18/galat/"), null, lease))
                .isInstanceOf(PartitionRevokedException.class);

        assertThat(publisher.articles).isEmpty();
        assertThat(seen.get(site.url(ARTICLE))).isNull();
        assertThat(publisher.deadLetters).isEmpty();
        assertThat(publisher.requests).isEmpty();
        assertThat(processor.counts().values()).containsOnly(0L);
    }

    @Test
    void shouldStitchSecondPageFetchedThroughThePoliteFetcher() {
        serveTwoPages(PAGE_ONE, (ex, hit) -> sendPageTwo(ex));

        CrawlResult result = processor.process(request(TWO_PAGES), null);

        assertThat(result).isEqualTo(CrawlResult.PUBLISHED);
        RawArticle raw = publisher.articles.getFirst();
        assertThat(raw.getPageCount()).isEqualTo(2);
        assertThat(raw.getBodyParagraphs()).containsExactlyElementsOf(BOTH_PAGES_PARAGRAPHS);
        assertThat(site.received()).extracting(TestSite.Received::query).containsExactly("", "", "page=2"); // robots, page 1, page 2
    }

    // issue #3 (once per version): a second page failing for a passing reason once published page 1 alone as v1, and the
    // whole article later as a false "edit" v2; the article is now requeued as its first page would be, then dead-lettered
    @Test
    void shouldRequeueWholeArticleAndPublishNothingWhenItsSecondPageKeepsFailing() {
        serveTwoPages(PAGE_ONE, (ex, hit) -> sendBusy(ex));
        CrawlProcessor processor = requeueing();

        CrawlResult first = processor.process(request(TWO_PAGES), null);
        Instant requeuedAt = clock.instant();

        assertThat(first).isEqualTo(CrawlResult.REQUEUED);
        assertThat(publisher.articles).isEmpty();
        assertThat(publisher.deadLetters).isEmpty();
        assertThat(publisher.requestKeys).containsExactly("127.0.0.1");
        assertThat(publisher.requests).containsExactly(CrawlRequest.newBuilder().setUrl(site.url(TWO_PAGES)).setOutletId("kalbaronline")
                .setKind(CrawlKind.ARTICLE).setDiscoveredAt(requeuedAt).setAttempt(1).build());
        assertThat(site.received()).extracting(TestSite.Received::query)
                .containsExactly("", "", "page=2", "page=2", "page=2"); // robots, page 1, page 2 and its two retries

        clock.advance(Duration.ofSeconds(60));
        CrawlResult second = processor.process(publisher.requests.getFirst(), null);

        assertThat(second).isEqualTo(CrawlResult.DEAD_LETTER);
        assertThat(publisher.articles).isEmpty();
        assertThat(publisher.requests).hasSize(1);
        assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.url()).isEqualTo(site.url(TWO_PAGES));
            assertThat(letter.reason()).isEqualTo("LATER_PAGE_HTTP_5XX");
            assertThat(letter.message()).isEqualTo("HTTP_5XX for page " + site.url(TWO_PAGES + "?page=2") + ": HTTP 503 for "
                    + site.url(TWO_PAGES + "?page=2") + " (gave up after 1 requeue(s); the article is not published without this page)");
        });
        assertThat(processor.counts()).containsEntry(CrawlResult.REQUEUED, 1L).containsEntry(CrawlResult.DEAD_LETTER, 1L)
                .containsEntry(CrawlResult.PUBLISHED, 0L);
    }

    /** Publishes {@link #TWO_PAGES} whole as version 1, then serves its page 2 as 503 only; returns the published record. */
    private SeenArticle publishTwoPagesThenBreakPageTwo(CrawlProcessor processor) {
        AtomicBoolean pageTwoUp = new AtomicBoolean(true);
        serveTwoPages(PAGE_ONE, (ex, hit) -> {
            if (pageTwoUp.get()) {
                sendPageTwo(ex);
            } else {
                sendBusy(ex);
            }
        });
        assertThat(processor.process(request(TWO_PAGES), null)).isEqualTo(CrawlResult.PUBLISHED);
        pageTwoUp.set(false);
        clock.advance(Duration.ofHours(1));
        return seen.get(site.url(TWO_PAGES));
    }

    private CrawlRequest revisit(String path) {
        return CrawlRequest.newBuilder(request(path)).setRevisit(true).build();
    }

    // review of issue #3: a revisit of a published article whose page 2 kept failing was dead-lettered as LATER_PAGE_HTTP_5XX,
    // "the article is not published without this page", while its earlier version was published and stood
    @Test
    void shouldKeepPublishedVersionWithoutDeadLetterWhenARevisitsSecondPageKeepsFailing() {
        CrawlProcessor processor = requeueing();
        SeenArticle published = publishTwoPagesThenBreakPageTwo(processor);

        assertThat(processor.process(revisit(TWO_PAGES), null)).isEqualTo(CrawlResult.REQUEUED);
        clock.advance(Duration.ofSeconds(60));
        CrawlResult again = processor.process(publisher.requests.getFirst(), null);

        assertThat(again).isEqualTo(CrawlResult.REVISIT_INCOMPLETE);
        assertThat(publisher.deadLetters).isEmpty();
        assertThat(publisher.articles).singleElement().satisfies(raw -> {
            assertThat(raw.getVersion()).isEqualTo(1);
            assertThat(raw.getBodyParagraphs()).containsExactlyElementsOf(BOTH_PAGES_PARAGRAPHS);
        });
        assertThat(seen.get(site.url(TWO_PAGES))).isEqualTo(published);
        assertThat(processor.counts()).containsEntry(CrawlResult.PUBLISHED, 1L).containsEntry(CrawlResult.REQUEUED, 1L)
                .containsEntry(CrawlResult.REVISIT_INCOMPLETE, 1L).containsEntry(CrawlResult.DEAD_LETTER, 0L);
    }

    @Test
    void shouldKeepPublishedVersionWithoutDeadLetterWhenItsSecondPageFailsAndNothingIsRequeued() {
        SeenArticle published = publishTwoPagesThenBreakPageTwo(processor);

        CrawlResult result = processor.process(request(TWO_PAGES), null);

        assertThat(result).isEqualTo(CrawlResult.REVISIT_INCOMPLETE);
        assertThat(publisher.deadLetters).isEmpty();
        assertThat(publisher.articles).hasSize(1);
        assertThat(seen.get(site.url(TWO_PAGES))).isEqualTo(published);
    }

    // discovery flags as a revisit a URL it asked for before, even one that was never published (its page 2 kept failing):
    // the first request dead-lettered it; the revisits do not report it again every hour
    @Test
    void shouldDeadLetterANeverPublishedArticleOnceAndNotAgainOnItsRevisits() {
        serveTwoPages(PAGE_ONE, (ex, hit) -> sendBusy(ex));

        CrawlResult first = processor.process(request(TWO_PAGES), null);
        clock.advance(Duration.ofHours(1));
        CrawlResult revisited = processor.process(revisit(TWO_PAGES), null);

        assertThat(first).isEqualTo(CrawlResult.DEAD_LETTER);
        assertThat(revisited).isEqualTo(CrawlResult.REVISIT_FAILED);
        assertThat(publisher.deadLetters).extracting(DeadLetter::reason).containsExactly("LATER_PAGE_HTTP_5XX");
        assertThat(publisher.articles).isEmpty();
    }

    // review of issue #3: a listed page that cannot be extracted (or is gone) was dead-lettered again at every revisit
    @Test
    void shouldNotDeadLetterAgainWhenARevisitFindsThePageGoneOrUnextractable() {
        site.serve("/2024/11/18/hilang/", 404, "text/html", "<h1>Tidak ada</h1>".getBytes(StandardCharsets.UTF_8));
        site.serve("/2024/11/18/galeri/", 200, "text/html; charset=utf-8",
                "<html><head><title>Galeri</title></head><body><h1>Galeri</h1></body></html>".getBytes(StandardCharsets.UTF_8));

        processor.process(request("/2024/11/18/hilang/"), null);
        processor.process(request("/2024/11/18/galeri/"), null);
        clock.advance(Duration.ofHours(1));
        CrawlResult gone = processor.process(revisit("/2024/11/18/hilang/"), null);
        CrawlResult unextractable = processor.process(revisit("/2024/11/18/galeri/"), null);

        assertThat(gone).isEqualTo(CrawlResult.REVISIT_FAILED);
        assertThat(unextractable).isEqualTo(CrawlResult.REVISIT_FAILED);
        assertThat(publisher.deadLetters).extracting(DeadLetter::reason).containsExactly("HTTP_4XX", "EXTRACTION_EMPTY_BODY");
        assertThat(processor.counts()).containsEntry(CrawlResult.DEAD_LETTER, 2L).containsEntry(CrawlResult.REVISIT_FAILED, 2L);
    }

    // review of issue #3: an unchanged revisit publishes nothing, an edited one a new version
    @Test
    void shouldPublishNothingOnAnUnchangedRevisitAndANewVersionOnAnEditedOne() {
        serveArticle(site.resourceText("article.html"));
        processor.process(request(ARTICLE), null);
        clock.advance(Duration.ofHours(1));

        CrawlResult unchanged = processor.process(revisit(ARTICLE), null);
        serveArticle(site.resourceText("article.html").replace("syarat pokok pilkada", "syarat utama pilkada"));
        clock.advance(Duration.ofHours(1));
        CrawlResult edited = processor.process(revisit(ARTICLE), null);

        assertThat(unchanged).isEqualTo(CrawlResult.UNCHANGED);
        assertThat(edited).isEqualTo(CrawlResult.PUBLISHED);
        assertThat(publisher.articles).extracting(RawArticle::getVersion).containsExactly(1, 2);
    }

    // review of issue #3: a never-published URL flagged revisit by discovery waited behind its host's new articles
    @Test
    void shouldTreatOnlyRevisitOfPublishedArticleAsRevisit() {
        SeenArticle published = publishTwoPagesThenBreakPageTwo(processor);

        assertThat(published).isNotNull();
        assertThat(processor.revisitsPublished(revisit(TWO_PAGES + "?utm_source=rss"))).isTrue();
        assertThat(processor.revisitsPublished(request(TWO_PAGES))).isFalse();
        assertThat(processor.revisitsPublished(revisit("/2024/11/18/belum-terbit/"))).isFalse();
    }

    @Test
    void shouldDeadLetterArticleAtOnceWhenItsSecondPageFailsAndNothingIsRequeued() {
        serveTwoPages(PAGE_ONE, (ex, hit) -> sendBusy(ex));

        CrawlResult result = processor.process(request(TWO_PAGES), null);

        assertThat(result).isEqualTo(CrawlResult.DEAD_LETTER);
        assertThat(publisher.articles).isEmpty();
        assertThat(publisher.requests).isEmpty();
        assertThat(publisher.deadLetters).extracting(DeadLetter::reason).containsExactly("LATER_PAGE_HTTP_5XX");
    }

    @Test
    void shouldPublishWholeArticleOnTheRequeueWhenItsSecondPageFailedOnlyOnce() {
        serveTwoPages(PAGE_ONE, (ex, hit) -> {
            if (hit <= 4) { // page 1, then page 2 and its two retries
                sendBusy(ex);
            } else {
                sendPageTwo(ex);
            }
        });
        CrawlProcessor processor = requeueing();

        assertThat(processor.process(request(TWO_PAGES), null)).isEqualTo(CrawlResult.REQUEUED);
        assertThat(publisher.articles).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        CrawlResult again = processor.process(publisher.requests.getFirst(), null);

        assertThat(again).isEqualTo(CrawlResult.PUBLISHED);
        assertThat(publisher.articles).singleElement().satisfies(raw -> {
            assertThat(raw.getVersion()).isEqualTo(1);
            assertThat(raw.getPageCount()).isEqualTo(2);
            assertThat(raw.getBodyParagraphs()).containsExactlyElementsOf(BOTH_PAGES_PARAGRAPHS);
        });
        assertThat(publisher.deadLetters).isEmpty();
    }

    @Test
    void shouldPublishFirstPageAloneWhenItsSecondPageIsNotFound() {
        serveTwoPages(PAGE_ONE, (ex, hit) -> TestSite.send(ex, 404, "text/html", "<h1>Tidak ada</h1>".getBytes(StandardCharsets.UTF_8)));

        CrawlResult result = requeueing().process(request(TWO_PAGES), null);

        assertThat(result).isEqualTo(CrawlResult.PUBLISHED);
        assertThat(publisher.requests).isEmpty();
        assertThat(publisher.articles).singleElement().satisfies(raw -> {
            assertThat(raw.getPageCount()).isEqualTo(1);
            assertThat(raw.getBodyParagraphs()).containsExactlyElementsOf(PAGE_ONE_PARAGRAPHS);
        });
    }

    @Test
    void shouldFollowPageLinksWhenShowAllPageIsNotFound() {
        String withShowAll = PAGE_ONE.replace("</article>", "<a href=\"/2024/11/18/dua-halaman?page=all\">Tampilkan semua</a></article>");
        serveTwoPages(withShowAll, (ex, hit) -> {
            if ("page=all".equals(ex.getRequestURI().getRawQuery())) {
                TestSite.send(ex, 404, "text/html", "<h1>Tidak ada</h1>".getBytes(StandardCharsets.UTF_8));
            } else {
                sendPageTwo(ex);
            }
        });

        CrawlResult result = processor.process(request(TWO_PAGES), null);

        assertThat(result).isEqualTo(CrawlResult.PUBLISHED);
        assertThat(publisher.articles).singleElement().satisfies(raw -> {
            assertThat(raw.getPageCount()).isEqualTo(2);
            assertThat(raw.getBodyParagraphs()).containsExactlyElementsOf(BOTH_PAGES_PARAGRAPHS);
        });
        assertThat(site.received()).extracting(TestSite.Received::query).containsExactly("", "", "page=all", "page=2");
    }

    @Test
    void shouldRequeueWholeArticleWhenShowAllPageFailsForAPassingReason() {
        String withShowAll = PAGE_ONE.replace("</article>", "<a href=\"/2024/11/18/dua-halaman?page=all\">Tampilkan semua</a></article>");
        serveTwoPages(withShowAll, (ex, hit) -> sendBusy(ex));

        CrawlResult result = requeueing().process(request(TWO_PAGES), null);

        assertThat(result).isEqualTo(CrawlResult.REQUEUED);
        assertThat(publisher.articles).isEmpty();
        assertThat(site.received()).extracting(TestSite.Received::query).containsExactly("", "", "page=all", "page=all", "page=all");
    }

    @Test
    void shouldDeadLetterUnexpectedErrorInsteadOfStoppingTheHost() {
        serveArticle(site.resourceText("article.html"));
        id.pantau.ingest.seen.SeenStore broken = new id.pantau.ingest.seen.SeenStore() {
            @Override
            public id.pantau.schemas.avro.SeenArticle get(String canonicalUrl) {
                throw new IllegalStateException("store bug");
            }

            @Override
            public void put(id.pantau.schemas.avro.SeenArticle seenArticle) {}

            @Override
            public int size() {
                return 0;
            }
        };
        CrawlProcessor withBrokenStore =
                new CrawlProcessor(OutletRegistry.of(List.of(outlet)), fetcher, new ArticleExtractor(clock), broken, publisher, clock);

        CrawlResult result = withBrokenStore.process(request(ARTICLE), null);

        assertThat(result).isEqualTo(CrawlResult.DEAD_LETTER);
        assertThat(publisher.deadLetters).extracting(DeadLetter::reason, DeadLetter::message, DeadLetter::exception)
                .containsExactly(tuple("INTERNAL_ERROR", "store bug", "java.lang.IllegalStateException"));
    }

    @Test
    void shouldLetPublishFailureThroughSoTheBatchIsReadAgain() {
        serveArticle(site.resourceText("article.html"));
        id.pantau.ingest.publish.ArticlePublisher down = new RecordingPublisher() {
            @Override
            public void publish(RawArticle article, id.pantau.schemas.avro.SeenArticle seenArticle) {
                throw new id.pantau.ingest.publish.PublishException("news.articles.raw", article.getArticleId(), new IOException("broker down"));
            }
        };
        CrawlProcessor withBrokerDown = new CrawlProcessor(OutletRegistry.of(List.of(outlet)), fetcher, new ArticleExtractor(clock), seen, down, clock);

        assertThatThrownBy(() -> withBrokerDown.process(request(ARTICLE), null))
                .isInstanceOf(id.pantau.ingest.publish.PublishException.class)
                .hasMessageStartingWith("cannot publish to news.articles.raw key ");
        assertThat(seen.size()).isZero();
    }

    @Test
    void shouldPublishWindows1252PageLabelledUtf8WithItsOwnCharacters() {
        site.serve("/cafe/", 200, "text/html; charset=utf-8", TestSite.resourceBytes("article-cp1252.html"));

        CrawlResult result = processor.process(request("/cafe/"), null);

        assertThat(result).isEqualTo(CrawlResult.PUBLISHED);
        assertThat(publisher.articles.getFirst().getBodyParagraphs()).contains("Peserta sepakat bahwa kepala desa tidak boleh ikut berkampanye.");
        assertThat(String.join(" ", publisher.articles.getFirst().getBodyParagraphs())).contains("caf\u00e9").doesNotContain("\uFFFD");
    }
}
