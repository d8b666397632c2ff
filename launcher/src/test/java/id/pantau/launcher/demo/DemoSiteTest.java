package id.pantau.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.ingest.config.ConfigLoader;
import id.pantau.ingest.config.IngestConfig;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.extract.ArticleExtractor;
import id.pantau.ingest.extract.ExtractedArticle;
import id.pantau.ingest.extract.PageLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSiteTest {

    private static final Instant NOW = Instant.parse("2024-11-18T13:15:30Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private final DemoContent content = DemoContent.bundled();
    private final MutableClock clock = new MutableClock(NOW);
    private DemoSite site;

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void startSite() {
        site = DemoSite.start(content, Duration.ZERO, clock);
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void shouldBundleFiveOutletsAndOneArticleOfEach() {
        assertThat(content.outlets()).extracting(DemoContent.DemoOutlet::id)
                .containsExactly("kalbaronline", "tribun-pontianak", "infopublik", "suara-borneo", "tanjungpura");
        assertThat(content.articles()).extracting(DemoContent.DemoArticle::outlet)
                .containsExactlyInAnyOrder("kalbaronline", "tribun-pontianak", "infopublik", "suara-borneo", "tanjungpura");
    }

    @Test
    void shouldPublishTheFirstArticleAtStart() {
        assertThat(site.published()).hasSize(1);
        DemoSite.Publication first = site.published().getFirst();
        assertThat(first.outletId()).isEqualTo("tribun-pontianak");
        assertThat(first.url()).isEqualTo(site.baseUrl("tribun-pontianak") + "/2024/11/18/ismail-ingatkan-asn-dan-kades-mempawah-tetap-netral/");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-11-18T13:15:30Z"));
    }

    @Test
    void shouldGiveEachOutletItsOwnLoopbackHost() {
        OutletRegistry registry = site.outletRegistry();

        assertThat(registry.outlets()).extracting(o -> URI.create(o.home()).getHost())
                .containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
        assertThat(registry.forHost("127.0.0.4").id()).isEqualTo("suara-borneo");
        assertThat(registry.get("infopublik").urlOf(registry.get("infopublik").sources().getFirst()))
                .isEqualTo(site.baseUrl("infopublik") + "/feed/");
    }

    @Test
    void shouldServeRobotsAllowingEverything() throws Exception {
        HttpResponse<String> robots = get(site.baseUrl("kalbaronline") + "/robots.txt");

        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body()).startsWith("User-agent: *\nAllow: /\n");
    }

    @Test
    void shouldListPublishedArticlesInTheOutletsFeedOnly() throws Exception {
        String url = site.published().getFirst().url();

        HttpResponse<String> tribun = get(site.baseUrl("tribun-pontianak") + "/feed/");
        HttpResponse<String> kalbar = get(site.baseUrl("kalbaronline") + "/feed/");

        assertThat(tribun.statusCode()).isEqualTo(200);
        assertThat(tribun.headers().firstValue("Content-Type")).contains("application/rss+xml; charset=utf-8");
        assertThat(tribun.body()).contains("<link>" + url + "</link>", "<pubDate>Mon, 18 Nov 2024 13:15:30 GMT</pubDate>");
        assertThat(kalbar.body()).doesNotContain("<item>");
    }

    @Test
    void shouldServeArticlePagesThatIngestExtractsWithTheDemoProfile() throws Exception {
        DemoSite.Publication first = site.published().getFirst();
        HttpResponse<String> page = get(first.url());

        ExtractedArticle article = new ArticleExtractor(Clock.fixed(NOW, ZoneOffset.UTC))
                .extract(page.body(), first.url(), site.outletRegistry().get("tribun-pontianak").profile(), PageLoader.NONE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(article.title()).isEqualTo("Ismail Ingatkan ASN dan Kades Mempawah Tetap Netral Jelang Pilkada");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-11-18T13:15:30Z"));
        assertThat(article.section()).isEqualTo("Mempawah");
        assertThat(article.tags()).containsExactly("Mempawah", "netralitas ASN", "Pilkada 2024");
        assertThat(article.bodyParagraphs()).hasSize(3);
        assertThat(article.bodyParagraphs().get(2)).startsWith("Menurut dia, netralitas ASN dan kepala desa menjadi kunci");
        assertThat(article.bodyParagraphs()).noneMatch(p -> p.contains("Bagikan"));
    }

    @Test
    void shouldAnswerUnknownPathsWith404() throws Exception {
        assertThat(get(site.baseUrl("tribun-pontianak") + "/2024/11/18/not-published/").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldCycleThroughTheArticlesWithANewUrlEachRound() {
        int count = content.articles().size();
        for (int i = 1; i < count; i++) {
            site.publishNext();
        }
        DemoSite.Publication again = site.publishNext();

        assertThat(site.published()).hasSize(count + 1);
        assertThat(site.published()).extracting(DemoSite.Publication::url).doesNotHaveDuplicates();
        assertThat(again.article()).isEqualTo(content.articles().getFirst());
        assertThat(again.url()).endsWith("/ismail-ingatkan-asn-dan-kades-mempawah-tetap-netral-2/");
    }

    @Test
    void shouldPublishOnItsOwnAtTheInterval() throws Exception {
        try (DemoSite timed = DemoSite.start(content, Duration.ofMillis(100), Clock.systemUTC())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (timed.published().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(timed.published()).extracting(DemoSite.Publication::outletId)
                    .startsWith("tribun-pontianak", "kalbaronline", "infopublik");
        }
    }

    @Test
    void shouldWriteAnOutletsFileThatIngestLoadsAsTheSameRegistry(@TempDir Path dir) {
        Path file = site.writeOutletsFile(dir.resolve("outlets.yaml"));

        OutletRegistry loaded = OutletRegistry.forConfig(configWithOutletsFile(file));

        assertThat(loaded.outlets()).isEqualTo(site.outletRegistry().outlets());
    }

    @Test
    void shouldServeTheEditedArticleUnderTheSameUrlWithALaterFeedDate() throws Exception {
        DemoSite.Publication first = site.published().getFirst();
        DemoContent.DemoArticle article = first.article();
        List<String> paragraphs = new ArrayList<>(article.paragraphs());
        paragraphs.add("Pembaruan: rapat itu juga dihadiri camat se-Kabupaten Mempawah.");
        DemoContent.DemoArticle edited = new DemoContent.DemoArticle(article.outlet(), article.slug(), article.title(), article.author(),
                article.section(), article.tags(), paragraphs);
        clock.advance(Duration.ofMinutes(5));

        DemoSite.Publication after = site.edit(first.url(), edited);

        assertThat(after.url()).isEqualTo(first.url());
        assertThat(after.publishedAt()).isEqualTo(NOW);
        assertThat(after.modifiedAt()).isEqualTo(Instant.parse("2024-11-18T13:20:30Z"));
        assertThat(site.published()).containsExactly(after);
        assertThat(get(first.url()).body()).contains("Pembaruan: rapat itu juga dihadiri camat se-Kabupaten Mempawah.");
        assertThat(get(site.baseUrl("tribun-pontianak") + "/feed/").body()).contains("<pubDate>Mon, 18 Nov 2024 13:20:30 GMT</pubDate>");
    }

    @Test
    void shouldRefuseToEditWhatWasNotPublished() {
        DemoContent.DemoArticle article = site.published().getFirst().article();

        assertThatThrownBy(() -> site.edit(site.baseUrl("tribun-pontianak") + "/2024/11/18/not-published/", article))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo site: nothing published at " + site.baseUrl("tribun-pontianak") + "/2024/11/18/not-published/");
    }

    private static IngestConfig configWithOutletsFile(Path file) {
        return ConfigLoader.load(List.of(), Map.of("PANTAU_INGEST_OUTLETS_FILE", file.toString()));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
