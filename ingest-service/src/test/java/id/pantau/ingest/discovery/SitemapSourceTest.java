package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.ingest.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SitemapSourceTest {

    private static final String BASE = "http://127.0.0.1:8080";
    private final SitemapSource source = new SitemapSource();

    private static byte[] fixture(String name) {
        return new String(TestSite.resourceBytes(name), StandardCharsets.UTF_8).replace("{{base}}", BASE).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadRssItemsWithTheirDates() throws Exception {
        ParsedSource parsed = source.parse(fixture("feed.xml"), BASE + "/feed/", "application/rss+xml");

        assertThat(parsed.candidates()).containsExactly(
                new CandidateUrl(BASE + "/2024/11/18/rakor-netralitas-asn/?utm_source=rss&utm_medium=feed", Instant.parse("2024-11-18T06:30:00Z")),
                new CandidateUrl(BASE + "/2024/11/18/kades-mempawah-netral/#komentar", Instant.parse("2024-11-18T09:15:00Z")),
                new CandidateUrl(BASE + "/2019/03/02/arsip-pemilu/", Instant.parse("2019-03-02T02:00:00Z")));
        assertThat(parsed.sitemaps()).isEmpty();
    }

    @Test
    void shouldReadAtomEntries() throws Exception {
        ParsedSource parsed = source.parse(fixture("atom.xml"), BASE + "/atom.xml", "application/atom+xml");

        assertThat(parsed.candidates()).containsExactly(
                new CandidateUrl(BASE + "/2024/10/17/togap-netralitas-asn/", Instant.parse("2024-10-17T08:01:00Z")));
    }

    // an undated sitemap entry (here the /tentang-kami/ page) used to count as recent and was fetched as an article
    @Test
    void shouldReadSitemapLastmodAndLeaveOutUndatedEntries() throws Exception {
        ParsedSource parsed = source.parse(fixture("sitemap.xml"), BASE + "/sitemap.xml", "application/xml");

        assertThat(parsed.candidates()).containsExactly(
                new CandidateUrl(BASE + "/2024/11/19/asn-pontianak-diingatkan/", Instant.parse("2024-11-19T05:39:00Z")),
                new CandidateUrl(BASE + "/2024/08/26/pelantikan-pejabat/", Instant.parse("2024-08-26T03:00:00Z")));
    }

    // a feed lists only its newest items: one without a date is still followed
    @Test
    void shouldKeepAnUndatedFeedItem() throws Exception {
        byte[] rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Kalbar</title><link>%s/</link>
                  <item><title>Rakor netralitas</title><link>%s/2024/11/18/rakor-netralitas-asn/</link></item>
                </channel></rss>
                """.formatted(BASE, BASE).strip().getBytes(StandardCharsets.UTF_8);

        ParsedSource parsed = source.parse(rss, BASE + "/feed/", "application/rss+xml");

        assertThat(parsed.candidates()).containsExactly(new CandidateUrl(BASE + "/2024/11/18/rakor-netralitas-asn/", null));
    }

    @Test
    void shouldLeaveOutIndexChildrenNamedForPagesCategoriesTagsAndAuthors() throws Exception {
        String children = Stream.of("post-sitemap.xml", "page-sitemap.xml", "category-sitemap.xml", "post_tag-sitemap.xml",
                "tag-sitemap.xml", "author-sitemap.xml", "attachment-sitemap.xml", "post-sitemap2.xml", "category-sitemap3.xml",
                "wp-sitemap-posts-post-1.xml", "wp-sitemap-posts-page-1.xml", "wp-sitemap-taxonomies-category-1.xml",
                "wp-sitemap-taxonomies-post_tag-2.xml", "wp-sitemap-users-1.xml", "news-sitemap.xml", "sitemap-posts-2024-08.xml",
                "Page-Sitemap.XML", "pages/sitemap.xml")
                .map(name -> "<sitemap><loc>" + BASE + "/" + name + "</loc></sitemap>").collect(Collectors.joining("\n"));
        byte[] index = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + children + "\n</sitemapindex>").getBytes(StandardCharsets.UTF_8);

        ParsedSource parsed = source.parse(index, BASE + "/sitemap_index.xml", "application/xml");

        assertThat(parsed.sitemaps()).extracting(CandidateUrl::url).containsExactly(
                BASE + "/post-sitemap.xml", BASE + "/post-sitemap2.xml", BASE + "/wp-sitemap-posts-post-1.xml", BASE + "/news-sitemap.xml",
                BASE + "/sitemap-posts-2024-08.xml", BASE + "/pages/sitemap.xml");
    }

    @Test
    void shouldUseNewsPublicationDateOfNewsSitemap() throws Exception {
        ParsedSource parsed = source.parse(fixture("news-sitemap.xml"), BASE + "/news-sitemap.xml", "text/xml");

        assertThat(parsed.candidates()).containsExactly(
                new CandidateUrl(BASE + "/2024/11/18/rakor-netralitas-asn-kades", Instant.parse("2024-11-18T06:39:00Z")));
    }

    @Test
    void shouldNotTakeImageLocOfNewsSitemapEntryForAPage() throws Exception {
        byte[] xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
                  <url>
                    <loc>%s/2024/11/18/rakor-netralitas-asn-kades</loc>
                    <lastmod>2024-11-18T06:39:00Z</lastmod>
                    <image:image><image:loc>%s/foto/rakor.jpg</image:loc></image:image>
                  </url>
                </urlset>
                """.formatted(BASE, BASE).strip().getBytes(StandardCharsets.UTF_8);

        ParsedSource parsed = source.parse(xml, BASE + "/sitemap_news_web.xml", "application/xml");

        assertThat(parsed.candidates()).containsExactly(
                new CandidateUrl(BASE + "/2024/11/18/rakor-netralitas-asn-kades", Instant.parse("2024-11-18T06:39:00Z")));
    }

    @Test
    void shouldListChildrenOfSitemapIndexNewestFirst() throws Exception {
        ParsedSource parsed = source.parse(fixture("sitemap-index.xml"), BASE + "/sitemap-index.xml", "application/xml");

        assertThat(parsed.candidates()).isEmpty();
        assertThat(parsed.sitemaps()).containsExactly(
                new CandidateUrl(BASE + "/sitemap.xml", Instant.parse("2024-11-19T05:39:00Z")),
                new CandidateUrl(BASE + "/sitemap-posts-2024-08.xml", Instant.parse("2024-08-31T23:00:00Z")));
    }

    @Test
    void shouldFailOnBrokenXmlFeed() {
        assertThatThrownBy(() -> source.parse(fixture("broken-feed.xml"), BASE + "/broken.xml", "application/rss+xml"))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("cannot parse source " + BASE + "/broken.xml: ");
    }

    // a feed cut off (or spoilt by a stray '&') after two good items still yields those two, never the cut-off link
    @Test
    void shouldKeepTheCompleteItemsOfAFeedDamagedPartWay() {
        byte[] damaged = fixture("damaged-feed.xml");

        assertThatThrownBy(() -> source.parse(damaged, BASE + "/feed/", "application/rss+xml"))
                .isInstanceOfSatisfying(UnreadableSourceException.class, e -> {
                    assertThat(e.getMessage()).contains("2 complete entries before the damage read leniently");
                    assertThat(e.readBeforeDamage()).containsExactly(
                            new CandidateUrl(BASE + "/2024/11/18/bawaslu-mempawah-netralitas/", Instant.parse("2024-11-18T03:15:00Z")),
                            new CandidateUrl(BASE + "/2024/11/19/apel-pengamanan-pilkada/", Instant.parse("2024-11-19T01:30:00Z")));
                });
    }

    @Test
    void shouldKeepOnlyTheDatedCompleteEntriesOfADamagedSitemap() {
        byte[] damaged = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s/2024/11/19/apel-pengamanan-pilkada/</loc><lastmod>2024-11-19T01:30:00Z</lastmod></url>
                  <url><loc>%s/tentang-kami/</loc></url>
                  <url><loc>%s/2024/11/19/rakor-bawaslu & pemprov/</loc>
                """.formatted(BASE, BASE, BASE).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> source.parse(damaged, BASE + "/sitemap.xml", "application/xml"))
                .isInstanceOfSatisfying(UnreadableSourceException.class, e -> assertThat(e.readBeforeDamage()).containsExactly(
                        new CandidateUrl(BASE + "/2024/11/19/apel-pengamanan-pilkada/", Instant.parse("2024-11-19T01:30:00Z"))));
    }

    @Test
    void shouldReadNothingFromAFeedWhoseOnlyItemIsCutOff() {
        assertThatThrownBy(() -> source.parse(fixture("broken-feed.xml"), BASE + "/broken.xml", "application/rss+xml"))
                .isInstanceOfSatisfying(UnreadableSourceException.class, e -> assertThat(e.readBeforeDamage()).isEmpty());
    }

    @Test
    void shouldFailOnHtmlServedAsFeed() {
        assertThatThrownBy(() -> source.parse("<html><body>Maaf</body></html>".getBytes(StandardCharsets.UTF_8), BASE + "/feed/", "text/html"))
                .isInstanceOf(UnreadableSourceException.class);
    }
}
