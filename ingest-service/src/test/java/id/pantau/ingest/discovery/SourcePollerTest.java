package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.SourceType;
import id.pantau.ingest.fetch.HostPacer;
import id.pantau.ingest.fetch.HttpFetcher;
import id.pantau.ingest.fetch.PoliteFetcher;
import id.pantau.ingest.testing.FakeSleeper;
import id.pantau.ingest.testing.MutableClock;
import id.pantau.ingest.testing.TestConfigs;
import id.pantau.ingest.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourcePollerTest {

    private final TestSite site = new TestSite();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-19T12:00:00Z"));
    private final HttpFetcher http = new HttpFetcher(TestConfigs.http(), clock);
    private final SourcePoller poller = new SourcePoller(new PoliteFetcher(http, new HostPacer(clock, new FakeSleeper(clock)),
            TestConfigs.fetch(Duration.ofSeconds(1)), TestConfigs.USER_AGENT, clock), 20);

    @AfterEach
    void close() {
        http.close();
        site.close();
    }

    private void serveXml(String path, String resource) {
        site.serve(path, 200, "application/xml", site.resourceText(resource).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldUseConditionalGetAndReportNoChangeOn304ButListTheSameItems() {
        byte[] feed = site.resourceText("feed.xml").getBytes(StandardCharsets.UTF_8);
        site.route("/feed/", (ex, hit) -> {
            if ("\"feed-1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestSite.send(ex, 304, "application/rss+xml", new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"feed-1\"");
                TestSite.send(ex, 200, "application/rss+xml", feed);
            }
        });
        Outlet outlet = TestConfigs.feedOutlet("kalbaronline", site, "/feed/");

        SourcePoller.Poll first = poller.poll(outlet, outlet.sources().getFirst());
        SourcePoller.Poll second = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(first.changed()).isTrue();
        assertThat(first.candidates()).hasSize(3);
        assertThat(second.changed()).isFalse();
        assertThat(second.candidates()).isEqualTo(first.candidates());
        assertThat(site.received()).filteredOn(r -> r.path().equals("/feed/")).last()
                .satisfies(r -> assertThat(r.header("If-None-Match")).isEqualTo("\"feed-1\""));
    }

    @Test
    void shouldReportUnchangedWhenSameBodyComesBackWithoutValidatorsButListTheSameItems() {
        serveXml("/feed/", "feed.xml");
        Outlet outlet = TestConfigs.feedOutlet("kalbaronline", site, "/feed/");

        SourcePoller.Poll first = poller.poll(outlet, outlet.sources().getFirst());
        SourcePoller.Poll again = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(again.changed()).isFalse();
        assertThat(again.candidates()).hasSize(3).isEqualTo(first.candidates());
    }

    // issue #3: only the documents read anew were listed, so the items of an index's unchanged children went missing
    @Test
    void shouldListTheItemsOfEveryChildOfAnIndexWhenOnlyOneChildChanged() {
        serveIndex("/sitemap-a.xml", "/sitemap-b.xml");
        serveUrlset("/sitemap-a.xml", "/2024/11/19/berita-a1/");
        serveWithEtag("/sitemap-b.xml", urlset("/2024/11/19/berita-b1/"));
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        poller.poll(outlet, outlet.sources().getFirst());

        serveUrlset("/sitemap-a.xml", "/2024/11/19/berita-a2/", "/2024/11/19/berita-a1/");
        serveIndex("/sitemap-a.xml", "/sitemap-b.xml", "<!-- a changed -->");
        SourcePoller.Poll afterChange = poller.poll(outlet, outlet.sources().getFirst());
        SourcePoller.Poll unchanged = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(site.received()).filteredOn(r -> r.path().equals("/sitemap-b.xml")).hasSize(3).last()
                .satisfies(r -> assertThat(r.header("If-None-Match")).isEqualTo("\"etag\""));
        assertThat(afterChange.changed()).isTrue();
        assertThat(afterChange.candidates()).extracting(CandidateUrl::url).containsExactly(
                site.url("/2024/11/19/berita-a2/"), site.url("/2024/11/19/berita-a1/"), site.url("/2024/11/19/berita-b1/"));
        assertThat(unchanged.changed()).isFalse();
        assertThat(unchanged.candidates()).isEqualTo(afterChange.candidates());
    }

    // what an index no longer lists is forgotten: memory stays bounded by what the sources list now
    @Test
    void shouldForgetAChildSitemapTheIndexNoLongerLists() {
        serveIndex("/sitemap-a.xml", "/sitemap-b.xml");
        serveUrlset("/sitemap-a.xml", "/2024/11/19/berita-a1/");
        serveWithEtag("/sitemap-b.xml", urlset("/2024/11/19/berita-b1/"));
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        poller.poll(outlet, outlet.sources().getFirst());

        serveIndex("/sitemap-a.xml");
        SourcePoller.Poll withoutB = poller.poll(outlet, outlet.sources().getFirst());
        serveIndex("/sitemap-a.xml", "/sitemap-b.xml");
        SourcePoller.Poll withBAgain = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(withoutB.candidates()).extracting(CandidateUrl::url).containsExactly(site.url("/2024/11/19/berita-a1/"));
        assertThat(site.received()).filteredOn(r -> r.path().equals("/sitemap-b.xml")).hasSize(2).last()
                .satisfies(r -> assertThat(r.header("If-None-Match")).as("read in full again").isNull());
        assertThat(withBAgain.candidates()).extracting(CandidateUrl::url)
                .containsExactly(site.url("/2024/11/19/berita-a1/"), site.url("/2024/11/19/berita-b1/"));
    }

    // issue #3: an unchanged index hid its children, so a child's new item waited until the index itself changed
    @Test
    void shouldListTheNewItemOfAChildWhenTheIndexAnswers304() {
        serveWithEtag("/sitemap_index.xml", index("/sitemap-a.xml", "/sitemap-b.xml"));
        serveUrlset("/sitemap-a.xml", "/2024/11/19/berita-a1/");
        serveWithEtag("/sitemap-b.xml", urlset("/2024/11/19/berita-b1/"));
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        poller.poll(outlet, outlet.sources().getFirst());

        serveUrlset("/sitemap-a.xml", "/2024/11/19/berita-a2/", "/2024/11/19/berita-a1/");
        SourcePoller.Poll next = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(site.received()).filteredOn(r -> r.path().equals("/sitemap_index.xml")).last()
                .satisfies(r -> assertThat(r.header("If-None-Match")).isEqualTo("\"etag\""));
        assertThat(next.changed()).isTrue();
        assertThat(next.candidates()).extracting(CandidateUrl::url).containsExactly(
                site.url("/2024/11/19/berita-a2/"), site.url("/2024/11/19/berita-a1/"), site.url("/2024/11/19/berita-b1/"));
    }

    // issue #3: a child that failed stayed missing for as long as the index did not change
    @Test
    void shouldTryAgainAChildThatFailedWhenTheIndexIsUnchanged() {
        serveWithEtag("/sitemap_index.xml", index("/sitemap-a.xml", "/sitemap-b.xml"));
        serveUrlset("/sitemap-a.xml", "/2024/11/19/berita-a1/");
        site.serve("/sitemap-b.xml", 500, "text/plain", "sedang gangguan".getBytes(StandardCharsets.UTF_8));
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        SourcePoller.Poll withoutB = poller.poll(outlet, outlet.sources().getFirst());

        serveUrlset("/sitemap-b.xml", "/2024/11/19/berita-b1/");
        SourcePoller.Poll withB = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(withoutB.candidates()).extracting(CandidateUrl::url).containsExactly(site.url("/2024/11/19/berita-a1/"));
        assertThat(withB.changed()).isTrue();
        assertThat(withB.candidates()).extracting(CandidateUrl::url)
                .containsExactly(site.url("/2024/11/19/berita-a1/"), site.url("/2024/11/19/berita-b1/"));
    }

    @Test
    void shouldAskEveryChildConditionallyAndListItsItemsWhenTheIndexAnswers304() {
        serveWithEtag("/sitemap_index.xml", index("/sitemap-a.xml", "/sitemap-b.xml"));
        serveWithEtag("/sitemap-a.xml", urlset("/2024/11/19/berita-a1/"));
        serveWithEtag("/sitemap-b.xml", urlset("/2024/11/19/berita-b1/"));
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        SourcePoller.Poll first = poller.poll(outlet, outlet.sources().getFirst());

        SourcePoller.Poll second = poller.poll(outlet, outlet.sources().getFirst());

        for (String child : new String[] {"/sitemap-a.xml", "/sitemap-b.xml"}) {
            assertThat(site.received()).as(child).filteredOn(r -> r.path().equals(child)).hasSize(2).last()
                    .satisfies(r -> assertThat(r.header("If-None-Match")).isEqualTo("\"etag\""));
        }
        assertThat(second.changed()).isFalse();
        assertThat(second.candidates()).isEqualTo(first.candidates()).extracting(CandidateUrl::url)
                .containsExactly(site.url("/2024/11/19/berita-a1/"), site.url("/2024/11/19/berita-b1/"));
    }

    // issue #3: every child of an index was asked for at every poll, 21 requests every 15 to 30 s to a host paced at 1 s
    @Test
    void shouldAskOnlyTheTwoNewestChildrenOfAnUnchangedIndexAndStillListTheItemsOfAll() {
        serveWithEtag("/sitemap_index.xml", index(child("/post-sitemap1.xml", "2024-07-31"), child("/post-sitemap2.xml", "2024-08-31"),
                child("/post-sitemap3.xml", "2024-09-30"), child("/post-sitemap4.xml", "2024-10-31"), child("/post-sitemap5.xml", "2024-11-19")));
        for (int i = 1; i <= 5; i++) {
            serveWithEtag("/post-sitemap" + i + ".xml", urlset("/2024/11/19/berita-" + i + "/"));
        }
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        SourcePoller.Poll first = poller.poll(outlet, outlet.sources().getFirst());

        SourcePoller.Poll second = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(first.candidates()).hasSize(5);
        assertThat(requestsTo("/post-sitemap5.xml", "/post-sitemap4.xml", "/post-sitemap3.xml", "/post-sitemap2.xml", "/post-sitemap1.xml"))
                .containsExactly(2, 2, 1, 1, 1);
        assertThat(second.changed()).isFalse();
        assertThat(second.candidates()).isEqualTo(first.candidates()).extracting(CandidateUrl::url).containsExactly(
                site.url("/2024/11/19/berita-5/"), site.url("/2024/11/19/berita-4/"), site.url("/2024/11/19/berita-3/"),
                site.url("/2024/11/19/berita-2/"), site.url("/2024/11/19/berita-1/"));
    }

    // issue #3: an old child that failed must not stay missing while the index does not change
    @Test
    void shouldAskAgainAnOldChildThatFailedButNotTheOldOnesReadWhenTheIndexIsUnchanged() {
        serveWithEtag("/sitemap_index.xml", index(child("/post-sitemap1.xml", "2024-08-31"), child("/post-sitemap2.xml", "2024-09-30"),
                child("/post-sitemap3.xml", "2024-10-31"), child("/post-sitemap4.xml", "2024-11-19")));
        serveWithEtag("/post-sitemap4.xml", urlset("/2024/11/19/berita-4/"));
        serveWithEtag("/post-sitemap3.xml", urlset("/2024/11/19/berita-3/"));
        site.serve("/post-sitemap2.xml", 500, "text/plain", "sedang gangguan".getBytes(StandardCharsets.UTF_8));
        serveWithEtag("/post-sitemap1.xml", urlset("/2024/11/19/berita-1/"));
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        poller.poll(outlet, outlet.sources().getFirst());
        int triesOfTwo = site.hits("/post-sitemap2.xml"); // the 500 is retried within the poll

        serveWithEtag("/post-sitemap2.xml", urlset("/2024/11/19/berita-2/"));
        SourcePoller.Poll withTwo = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(requestsTo("/post-sitemap2.xml", "/post-sitemap1.xml")).containsExactly(triesOfTwo + 1, 1);
        assertThat(withTwo.changed()).isTrue();
        assertThat(withTwo.candidates()).extracting(CandidateUrl::url).containsExactly(site.url("/2024/11/19/berita-4/"),
                site.url("/2024/11/19/berita-3/"), site.url("/2024/11/19/berita-2/"), site.url("/2024/11/19/berita-1/"));
    }

    // issue #3: an old archive the index says was modified (an article edited, moved or added late) is read again
    @Test
    void shouldAskForAnOldChildWhoseLastmodChangedInTheIndexButNotForTheOthers() {
        serveIndex(child("/post-sitemap1.xml", "2024-08-31"), child("/post-sitemap2.xml", "2024-09-30"),
                child("/post-sitemap3.xml", "2024-10-31"), child("/post-sitemap4.xml", "2024-11-19"));
        serveWithEtag("/post-sitemap4.xml", urlset("/2024/11/19/berita-4/"));
        serveWithEtag("/post-sitemap3.xml", urlset("/2024/11/19/berita-3/"));
        serveUrlset("/post-sitemap2.xml", "/2024/09/30/berita-2/");
        serveWithEtag("/post-sitemap1.xml", urlset("/2024/11/19/berita-1/"));
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        poller.poll(outlet, outlet.sources().getFirst());

        serveUrlset("/post-sitemap2.xml", "/2024/09/30/berita-2/", "/2024/09/30/berita-2b/");
        serveIndex(child("/post-sitemap1.xml", "2024-08-31"), child("/post-sitemap2.xml", "2024-10-01"),
                child("/post-sitemap3.xml", "2024-10-31"), child("/post-sitemap4.xml", "2024-11-19"));
        SourcePoller.Poll afterChange = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(requestsTo("/post-sitemap2.xml", "/post-sitemap1.xml")).containsExactly(2, 1);
        assertThat(afterChange.candidates()).extracting(CandidateUrl::url).contains(site.url("/2024/09/30/berita-2b/"))
                .contains(site.url("/2024/11/19/berita-1/"));
    }

    // issue #3: an old child cut off in transfer offered only its complete entries for as long as the index did not change
    @Test
    void shouldAskAgainAnOldChildThatWasDamagedWhenTheIndexIsUnchanged() {
        serveWithEtag("/sitemap_index.xml", index(child("/post-sitemap1.xml", "2024-09-30"), child("/post-sitemap2.xml", "2024-10-31"),
                child("/post-sitemap3.xml", "2024-11-19")));
        serveWithEtag("/post-sitemap3.xml", urlset("/2024/11/19/berita-3/"));
        serveWithEtag("/post-sitemap2.xml", urlset("/2024/11/19/berita-2/"));
        String whole = new String(urlset("/2024/09/30/berita-1a/", "/2024/09/30/berita-1b/"), StandardCharsets.UTF_8);
        site.serve("/post-sitemap1.xml", 200, "application/xml",
                whole.substring(0, whole.indexOf("berita-1b")).getBytes(StandardCharsets.UTF_8));
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        SourcePoller.Poll damaged = poller.poll(outlet, outlet.sources().getFirst());

        serveWithEtag("/post-sitemap1.xml", whole.getBytes(StandardCharsets.UTF_8));
        SourcePoller.Poll whole1 = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(damaged.candidates()).extracting(CandidateUrl::url).endsWith(site.url("/2024/09/30/berita-1a/"));
        assertThat(whole1.candidates()).extracting(CandidateUrl::url)
                .endsWith(site.url("/2024/09/30/berita-1a/"), site.url("/2024/09/30/berita-1b/"));
    }

    // an index that dates some children and not others: an undated one cannot be told unchanged
    @Test
    void shouldAskForAnOldChildTheIndexGivesNoLastmod() {
        serveWithEtag("/sitemap_index.xml", index(child("/post-sitemap1.xml", "2024-09-30"), "/post-sitemap-lama.xml",
                child("/post-sitemap2.xml", "2024-10-31"), child("/post-sitemap3.xml", "2024-11-19")));
        for (String child : new String[] {"/post-sitemap1.xml", "/post-sitemap-lama.xml", "/post-sitemap2.xml", "/post-sitemap3.xml"}) {
            serveWithEtag(child, urlset("/2024/11/19/berita" + child.substring("/post-sitemap".length(), child.length() - 4) + "/"));
        }
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SITEMAP, "/sitemap_index.xml", null);
        poller.poll(outlet, outlet.sources().getFirst());

        poller.poll(outlet, outlet.sources().getFirst());

        assertThat(requestsTo("/post-sitemap-lama.xml", "/post-sitemap1.xml")).containsExactly(2, 1);
    }

    @Test
    void shouldReportBrokenFeedAsUnreadable() {
        serveXml("/broken.xml", "broken-feed.xml");
        Outlet outlet = TestConfigs.feedOutlet("kalbaronline", site, "/broken.xml");

        SourcePoller.Poll poll = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(poll.candidates()).isEmpty();
        assertThat(poll.unreadable()).isNotNull();
        assertThat(poll.unreadable().url()).isEqualTo(site.url("/broken.xml"));
    }

    @Test
    void shouldReturnTheCompleteItemsOfADamagedFeedAndReportItAsUnreadable() {
        serveXml("/feed/", "damaged-feed.xml");
        Outlet outlet = TestConfigs.feedOutlet("kalbaronline", site, "/feed/");

        SourcePoller.Poll poll = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(poll.candidates()).extracting(CandidateUrl::url).containsExactly(
                site.url("/2024/11/18/bawaslu-mempawah-netralitas/"), site.url("/2024/11/19/apel-pengamanan-pilkada/"));
        assertThat(poll.unreadable()).isNotNull();
    }

    @Test
    void shouldFollowSitemapsOfRobotsAndTheirIndex() {
        site.serve("/robots.txt", 200, "text/plain", site.resourceText("robots.txt").getBytes(StandardCharsets.UTF_8));
        serveXml("/sitemap-index.xml", "sitemap-index.xml");
        serveXml("/sitemap.xml", "sitemap.xml");
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.ROBOTS, "/robots.txt", null);

        SourcePoller.Poll poll = poller.poll(outlet, outlet.sources().getFirst());

        // the undated /tentang-kami/ page of the sitemap is not followed
        assertThat(poll.candidates()).extracting(CandidateUrl::url).containsExactly(
                site.url("/2024/11/19/asn-pontianak-diingatkan/"), site.url("/2024/08/26/pelantikan-pejabat/"));
        assertThat(site.hits("/sitemap-posts-2024-08.xml")).isEqualTo(1); // a missing child is logged, not fatal
    }

    @Test
    void shouldFindArticleLinksOnSectionPage() {
        site.html("/category/pontianak/", site.resourceText("section.html"));
        String pattern = Pattern.quote(site.base()) + "/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/";
        Outlet outlet = TestConfigs.outlet("kalbaronline", site, SourceType.SECTION, "/category/pontianak/", pattern);

        SourcePoller.Poll poll = poller.poll(outlet, outlet.sources().getFirst());

        assertThat(poll.candidates()).extracting(CandidateUrl::url)
                .containsExactly(site.url("/2024/11/18/rakor-netralitas-asn/"), site.url("/2024/11/18/kades-mempawah-netral/"));
    }

    private void serveIndex(String... childrenAndComment) {
        site.serve("/sitemap_index.xml", 200, "application/xml", index(childrenAndComment));
    }

    /** A sitemap index listing the children (paths) and any other text (comments) in order. */
    private byte[] index(String... childrenAndComment) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String child : childrenAndComment) {
            xml.append(child.startsWith("/") ? "<sitemap><loc>" + site.url(child) + "</loc></sitemap>\n" : child);
        }
        return xml.append("</sitemapindex>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An index's entry for the child at {@code path}, modified on {@code date} (yyyy-mm-dd). */
    private String child(String path, String date) {
        return "<sitemap><loc>" + site.url(path) + "</loc><lastmod>" + date + "T12:00:00Z</lastmod></sitemap>\n";
    }

    /** How many requests each of {@code paths} received, in the order given. */
    private List<Integer> requestsTo(String... paths) {
        return Arrays.stream(paths).map(site::hits).toList();
    }

    private void serveUrlset(String path, String... paths) {
        site.serve(path, 200, "application/xml", urlset(paths));
    }

    /** Serves {@code body} with an ETag, and 304 to a request that sends it back. */
    private void serveWithEtag(String path, byte[] body) {
        site.route(path, (ex, hit) -> {
            if ("\"etag\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestSite.send(ex, 304, "application/xml", new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"etag\"");
                TestSite.send(ex, 200, "application/xml", body);
            }
        });
    }

    /** A sitemap listing {@code paths}, all modified at the time of the test. */
    private byte[] urlset(String... paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : paths) {
            xml.append("<url><loc>").append(site.url(path)).append("</loc><lastmod>2024-11-19T12:00:00Z</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
