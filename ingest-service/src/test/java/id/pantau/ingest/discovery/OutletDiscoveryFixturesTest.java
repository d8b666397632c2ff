package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.config.SourceConfig;
import id.pantau.ingest.config.SourceType;
import id.pantau.ingest.extract.Fixtures;
import id.pantau.ingest.fetch.HostPacer;
import id.pantau.ingest.fetch.HttpFetcher;
import id.pantau.ingest.fetch.PoliteFetcher;
import id.pantau.ingest.seen.InMemorySeenStore;
import id.pantau.ingest.testing.FakeSleeper;
import id.pantau.ingest.testing.MutableClock;
import id.pantau.ingest.testing.TestConfigs;
import id.pantau.ingest.testing.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Discovery on each outlet's own fixture documents ({@code fixtures/<outlet>/discovery/}): a feed,
 * a news sitemap or robots.txt Sitemap lines, and a section page, served from a local site at the
 * paths of the outlet's shipped sources and read with the shipped link patterns, then passed through
 * the {@link CandidateGate} with the shipped article pattern. Every source must yield exactly the
 * outlet's fixture articles once normalised (tracking parameters and fragments dropped), and nothing
 * else (navigation, tags, paging, other sites).
 */
class OutletDiscoveryFixturesTest {

    private static final String RSS = "application/rss+xml; charset=UTF-8";
    private static final String XML = "application/xml; charset=UTF-8";
    private static final String HTML = "text/html; charset=UTF-8";
    /** The gate's recent window here: the fixtures are months old, and which candidates are articles is the question. */
    private static final Duration ANY_AGE = Duration.ofDays(36_500);

    /** A fixture document served at the path of one of the outlet's shipped sources. */
    record Served(String path, String file, String contentType) {}

    private final TestSite site = new TestSite();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-20T00:00:00Z"));
    private final HttpFetcher http = new HttpFetcher(TestConfigs.http(), clock);
    private final SourcePoller poller = new SourcePoller(new PoliteFetcher(http, new HostPacer(clock, new FakeSleeper(clock)),
            TestConfigs.fetch(Duration.ofSeconds(1)), TestConfigs.USER_AGENT, clock), 20);
    private final UrlNormalizer normalizer = new UrlNormalizer();

    @AfterEach
    void close() {
        http.close();
        site.close();
    }

    static Stream<Arguments> outlets() {
        return Stream.of(
                Arguments.of("kalbaronline", List.of(
                        new Served("/feed/", "feed.xml", RSS),
                        new Served("/sitemap_index.xml", "sitemap_index.xml", XML),
                        new Served("/post-sitemap.xml", "post-sitemap.xml", XML),
                        new Served("/category-sitemap.xml", "category-sitemap.xml", XML),
                        new Served("/category/pontianak/", "section.html", HTML))),
                Arguments.of("tribun-pontianak", List.of(
                        new Served("/sitemap_news_web.xml", "sitemap_news_web.xml", XML),
                        new Served("/pontianak", "section.html", HTML))),
                Arguments.of("infopublik", List.of(
                        new Served("/robots.txt", "robots.txt", "text/plain; charset=UTF-8"),
                        new Served("/sitemap-news.xml", "sitemap-news.xml", XML),
                        new Served("/kategori/nusantara", "section.html", HTML))),
                Arguments.of("suara-borneo", List.of(
                        new Served("/feed/", "feed.xml", RSS),
                        new Served("/sitemap.xml", "sitemap.xml", XML),
                        new Served("/sitemap-1.xml", "sitemap-1.xml", XML),
                        new Served("/category/kaltara/", "section.html", HTML))),
                Arguments.of("tanjungpura", List.of(
                        new Served("/news-sitemap.xml", "news-sitemap.xml", XML),
                        new Served("/category/pontianak/", "section.html", HTML))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outlets")
    void shouldDiscoverExactlyTheFixtureArticlesFromEachServedSourceOfTheShippedConfig(String outletId, List<Served> served) {
        Outlet local = serve(outletId, served);
        Set<String> expected = Fixtures.all().stream().filter(f -> f.outletId().equals(outletId)).map(Fixtures::url)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> servedPaths = served.stream().map(Served::path).collect(Collectors.toSet());
        assertThat(expected).isNotEmpty();

        int sourcesRead = 0;
        for (SourceConfig source : local.sources()) {
            String path = URI.create(local.urlOf(source)).getPath();
            SourcePoller.Poll poll = poller.poll(local, source);

            if (servedPaths.contains(path)) {
                assertThat(poll.unreadable()).as("%s %s", source.type(), path).isNull();
                assertThat(new TreeSet<>(requested(local, poll))).as("%s %s", source.type(), path).isEqualTo(expected);
                sourcesRead++;
            } else {
                assertThat(poll.candidates()).as("%s %s (not served)", source.type(), path).isEmpty();
                if (source.type() != SourceType.ROBOTS) { // robots.txt without Sitemap lines has nothing to fetch
                    assertThat(poll.unreadable()).as("%s %s (not served: 404)", source.type(), path)
                            .satisfies(e -> assertThat(e.reason()).isEqualTo("SOURCE_UNAVAILABLE"));
                }
            }
        }
        assertThat(sourcesRead).isGreaterThanOrEqualTo(2);
        assertThat(local.sources()).anyMatch(s -> s.type() == SourceType.SECTION && servedPaths.contains(URI.create(s.url()).getPath()));
    }

    @Test
    void shouldFollowTheSitemapLineOfInfoPublikRobotsTxt() {
        Outlet local = serve("infopublik", List.of(
                new Served("/robots.txt", "robots.txt", "text/plain; charset=UTF-8"),
                new Served("/sitemap-news.xml", "sitemap-news.xml", XML)));
        SourceConfig robots = local.sources().getFirst();

        SourcePoller.Poll poll = poller.poll(local, robots);

        assertThat(robots.type()).isEqualTo(SourceType.ROBOTS);
        assertThat(site.hits("/sitemap-news.xml")).isEqualTo(1);
        assertThat(poll.changed()).isTrue();
        assertThat(poll.candidates()).extracting(CandidateUrl::lastModified).containsExactly(
                Instant.parse("2024-11-19T06:39:00Z"), Instant.parse("2024-11-18T13:15:00Z"));
        assertThat(poll.candidates()).extracting(c -> normalizer.normalize(c.url())).containsExactly(
                "https://infopublik.id/kategori/nusantara/882211/harisson-netralitas-asn-dan-kepala-desa-jadi-pilar-pilkada-yang-adil",
                "https://infopublik.id/kategori/nusantara/882190/pj-bupati-mempawah-netralitas-asn-dan-kades-kunci-pilkada-berintegritas");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outlets")
    void shouldGiveEachShippedOutletAnArticlePatternThatTakesItsArticlesAndNoOtherPage(String outletId, List<Served> ignored) {
        Outlet shipped = Objects.requireNonNull(OutletRegistry.bundled().get(outletId), outletId);
        List<String> articles = Fixtures.all().stream().filter(f -> f.outletId().equals(outletId)).map(Fixtures::url).toList();
        String home = normalizer.normalize(shipped.home());
        List<String> pages = Stream.of("", "category/politik/", "kategori/nusantara", "tag/pilkada-serentak/", "author/redaksi/",
                "redaksi/", "pedoman-media-siber/", "kode-etik-jurnalistik", "tentang-kami/", "page/2/", "feed/", "indeks/", "2024/11/")
                .map(path -> home + path).toList();

        assertThat(shipped.articleUrlPattern()).isNotNull();
        assertThat(articles).isNotEmpty().allMatch(shipped.articleUrls());
        assertThat(articles).map(url -> url + "?page=2").noneMatch(shipped.articleUrls());
        assertThat(pages).noneMatch(shipped.articleUrls());
    }

    // issue #3: "/slug/amp" was normalised to "/slug/", which Tribun's pattern (no trailing slash) rejected
    @ParameterizedTest(name = "{0}")
    @MethodSource("outlets")
    void shouldTakeTheAmpVariantsOfEachShippedOutletsFixtureArticlesAsTheArticles(String outletId, List<Served> ignored) {
        Outlet shipped = Objects.requireNonNull(OutletRegistry.bundled().get(outletId), outletId);
        List<String> articles = Fixtures.all().stream().filter(f -> f.outletId().equals(outletId)).map(Fixtures::url).toList();

        assertThat(articles).isNotEmpty().allSatisfy(article -> {
            URI uri = URI.create(article);
            String suffixed = article.endsWith("/") ? article + "amp/" : article + "/amp";
            String prefixed = uri.getScheme() + "://" + uri.getHost() + "/amp" + uri.getPath();
            assertThat(Stream.of(suffixed, prefixed, article + "?amp=1").map(normalizer::normalize))
                    .as(article).containsOnly(normalizer.normalize(article)).allMatch(shipped.articleUrls());
        });
    }

    // issue #3: the pattern took only slugs of five words or more, but Tanjungpura's slugs are often shorter
    // than its headlines (see the related links of its fixture article); its static pages are told by name
    @Test
    void shouldTakeTanjungpurasShortSlugsButNotItsStaticPages() {
        Outlet shipped = Objects.requireNonNull(OutletRegistry.bundled().get("tanjungpura"));
        SourceConfig section = shipped.sources().stream().filter(s -> s.type() == SourceType.SECTION).findFirst().orElseThrow();
        List<String> articles = List.of("https://tanjungpura.id/satgas-gagalkan-penyelundupan/",
                "https://tanjungpura.id/sistem-penyimpanan-energi/",
                "https://tanjungpura.id/hujan-meluas-di-kalbar/", "https://tanjungpura.id/titik-panas-kubu-raya/",
                "https://tanjungpura.id/peringatan-bmkg-hujan-lebat-kalbar/", "https://www.tanjungpura.id/banjir-rob/");
        List<String> pages = List.of("https://tanjungpura.id/tentang-kami/", "https://tanjungpura.id/pedoman-media-siber/",
                "https://tanjungpura.id/kode-etik-jurnalistik/", "https://tanjungpura.id/kebijakan-privasi/",
                "https://tanjungpura.id/redaksi/",
                "https://tanjungpura.id/kontak/", "https://tanjungpura.id/category/pontianak/", "https://tanjungpura.id/feed/");

        assertThat(articles).allMatch(shipped.articleUrls());
        assertThat(pages).noneMatch(shipped.articleUrls());
        assertThat(articles).filteredOn(url -> url.startsWith("https://tanjungpura.id/"))
                .allMatch(section.compiledLinkPattern().asMatchPredicate());
        assertThat(pages).noneMatch(section.compiledLinkPattern().asMatchPredicate());
    }

    // The WordPress index sitemap lists category, tag, author and page sitemaps too, with fresh dates
    @Test
    void shouldFollowOnlyTheArticlesOfKalbarOnlinesSitemapIndex() {
        Outlet local = serve("kalbaronline", List.of(
                new Served("/sitemap_index.xml", "sitemap_index.xml", XML),
                new Served("/post-sitemap.xml", "post-sitemap.xml", XML),
                new Served("/page-sitemap.xml", "page-sitemap.xml", XML),
                new Served("/category-sitemap.xml", "category-sitemap.xml", XML),
                new Served("/post_tag-sitemap.xml", "post_tag-sitemap.xml", XML),
                new Served("/author-sitemap.xml", "author-sitemap.xml", XML)));
        SourceConfig sitemap = local.sources().stream().filter(s -> s.type() == SourceType.SITEMAP).findFirst().orElseThrow();

        SourcePoller.Poll poll = poller.poll(local, sitemap);

        assertThat(poll.unreadable()).isNull();
        assertThat(requested(local, poll)).containsExactly(
                "https://www.kalbaronline.com/2024/08/26/harisson-tegaskan-asn-wajib-netral-polda-kalbar-siagakan-6-421-personel/",
                "https://www.kalbaronline.com/2024/11/18/delapan-dugaan-pelanggaran-netralitas-di-pemprov-kalbar/");
        assertThat(site.hits("/post-sitemap.xml")).isEqualTo(1);
        assertThat(List.of("/page-sitemap.xml", "/category-sitemap.xml", "/post_tag-sitemap.xml", "/author-sitemap.xml"))
                .allSatisfy(path -> assertThat(site.hits(path)).as(path).isZero());
    }

    // one sitemap for posts and pages: the home page and a page dated now are no articles, an undated page is not followed
    @Test
    void shouldFollowOnlyTheArticlesOfSuaraBorneosSitemapOfPostsAndPages() {
        Outlet local = serve("suara-borneo", List.of(
                new Served("/sitemap.xml", "sitemap.xml", XML),
                new Served("/sitemap-1.xml", "sitemap-1.xml", XML)));
        SourceConfig sitemap = local.sources().stream().filter(s -> s.type() == SourceType.SITEMAP).findFirst().orElseThrow();

        SourcePoller.Poll poll = poller.poll(local, sitemap);

        assertThat(requested(local, poll)).containsExactly(
                "https://suaraborneo.id/2024/10/02/pjs-gubernur-kaltara-togap-simangunsong-minta-asn-netral/",
                "https://suaraborneo.id/2024/11/19/7-487-personel-gabungan-disiagakan-amankan-pilkada-di-kaltara/");
    }

    @Test
    void shouldDropTrackingParametersOfWordPressFeedLinks() {
        Outlet local = serve("kalbaronline", List.of(new Served("/feed/", "feed.xml", RSS)));

        SourcePoller.Poll poll = poller.poll(local, local.sources().getFirst());

        assertThat(poll.candidates()).extracting(CandidateUrl::url).allMatch(url -> url.contains("?utm_source=rss&utm_medium=rss"));
        assertThat(poll.candidates()).extracting(c -> normalizer.normalize(c.url())).containsExactly(
                "https://www.kalbaronline.com/2024/11/18/delapan-dugaan-pelanggaran-netralitas-di-pemprov-kalbar/",
                "https://www.kalbaronline.com/2024/08/26/harisson-tegaskan-asn-wajib-netral-polda-kalbar-siagakan-6-421-personel/");
    }

    /** Serves the fixture files and returns the shipped outlet with its sources moved onto the local site. */
    private Outlet serve(String outletId, List<Served> served) {
        for (Served s : served) {
            site.serve(s.path(), 200, s.contentType(), fixture(outletId, s.file()).getBytes(StandardCharsets.UTF_8));
        }
        Outlet shipped = Objects.requireNonNull(OutletRegistry.bundled().get(outletId), outletId);
        List<SourceConfig> sources = shipped.sources().stream()
                .map(s -> new SourceConfig(s.type(), s.url() == null ? null : site.url(URI.create(s.url()).getRawPath()), s.linkPattern()))
                .toList();
        // the shipped hosts stay the outlet's own: the fixtures link to the outlet's real site
        return new Outlet(shipped.id(), shipped.name(), site.url("/"), shipped.regions(), List.copyOf(shipped.ownHosts()), sources,
                shipped.articleUrlPattern(), null, null);
    }

    private String fixture(String outletId, String file) {
        try {
            return Files.readString(Fixtures.root().resolve(outletId).resolve("discovery").resolve(file), StandardCharsets.UTF_8)
                    .replace("{{base}}", site.base());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical URLs discovery requests from a poll: its candidates through a fresh gate of the outlet. */
    private List<String> requested(Outlet outlet, SourcePoller.Poll poll) {
        CandidateGate gate = new CandidateGate(ANY_AGE, new InMemorySeenStore(), clock);
        return gate.admit(outlet, poll.candidates()).admitted().stream().map(CandidateGate.Admitted::url).toList();
    }

}
