package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.ingest.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    @Test
    void shouldReadSitemapLastmodAndUndatedEntries() throws Exception {
        ParsedSource parsed = source.parse(fixture("sitemap.xml"), BASE + "/sitemap.xml", "application/xml");

        assertThat(parsed.candidates()).containsExactly(
                new CandidateUrl(BASE + "/2024/11/19/asn-pontianak-diingatkan/", Instant.parse("2024-11-19T05:39:00Z")),
                new CandidateUrl(BASE + "/2024/08/26/pelantikan-pejabat/", Instant.parse("2024-08-26T03:00:00Z")),
                new CandidateUrl(BASE + "/tentang-kami/", null));
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
