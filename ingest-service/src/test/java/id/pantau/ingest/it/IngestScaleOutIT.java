package id.pantau.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.IngestApp;
import id.pantau.ingest.RunningIngest;
import id.pantau.ingest.config.IngestConfig;
import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.crawl.CrawlWorker;
import id.pantau.ingest.testing.IngestTopics;
import id.pantau.ingest.testing.TestConfigs;
import id.pantau.ingest.testing.TestSite;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances in one consumer group share six hosts (one per crawl-request partition): every
 * article is fetched once and published once, and both instances do part of the work.
 */
@ExtendWith(LocalStackExtension.class)
class IngestScaleOutIT {

    private static final int HOSTS = Topics.CRAWL_REQUESTS.partitions();
    private static final int ARTICLES_PER_HOST = 3;
    private static String bootstrap = "";

    @BeforeAll
    static void topics(LocalStack stack) {
        bootstrap = IngestTopics.create(stack);
    }


    @Test
    void shouldShareHostsBetweenTwoInstancesAndFetchEveryArticleOnce() throws Exception {
        List<TestSite> sites = new ArrayList<>();
        List<FixtureFeed> feeds = new ArrayList<>();
        List<Outlet> outlets = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (String host : IngestTopics.loopbackHostsOnePerPartition(1, 1)) {
            TestSite site = new TestSite(host);
            FixtureFeed feed = new FixtureFeed();
            site.route("/feed.xml", (ex, hit) -> TestSite.send(ex, 200, "application/rss+xml", feed.xml().getBytes(StandardCharsets.UTF_8)));
            for (int n = 1; n <= ARTICLES_PER_HOST; n++) {
                site.html("/berita/" + n + "/", FixtureArticles.page("Berita " + n + " dari " + host,
                        "Kepala desa di wilayah " + host + " diminta menjaga netralitas menjelang 27 November 2024, laporan ke-" + n + ".",
                        "Bawaslu setempat membuka posko pengaduan pelanggaran netralitas ASN."));
            }
            sites.add(site);
            feeds.add(feed);
            outlets.add(TestConfigs.feedOutlet("it-share-" + run + "-" + sites.size(), site, "/feed.xml"));
        }
        assertThat(sites).hasSize(HOSTS);
        OutletRegistry registry = OutletRegistry.of(outlets);
        IngestConfig config = TestConfigs.ingest("it-share-a", bootstrap, "it-share-" + run, Duration.ofMillis(200), Duration.ofMillis(500));

        try (TopicReader raw = new TopicReader(bootstrap, Topics.RAW_ARTICLES.name());
                RunningIngest a = IngestApp.start(config, registry, Clock.systemUTC());
                RunningIngest b = IngestApp.start(config.withInstanceId("it-share-b"), registry, Clock.systemUTC())) {
            long settleEnd = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(a.ownedPartitions().size() + b.ownedPartitions().size() == HOSTS && !a.ownedPartitions().isEmpty()
                    && !b.ownedPartitions().isEmpty())) {
                assertThat(System.nanoTime()).as("consumer group settled on two members").isLessThan(settleEnd);
                Thread.sleep(50);
            }
            assertThat(a.ownedPartitions()).doesNotContainAnyElementsOf(b.ownedPartitions());

            Instant now = Instant.now();
            for (int i = 0; i < HOSTS; i++) {
                for (int n = 1; n <= ARTICLES_PER_HOST; n++) {
                    feeds.get(i).put(sites.get(i).url("/berita/" + n + "/"), now);
                }
            }
            Set<String> expected = new HashSet<>();
            sites.forEach(site -> {
                for (int n = 1; n <= ARTICLES_PER_HOST; n++) {
                    expected.add(site.url("/berita/" + n + "/"));
                }
            });
            raw.readUntil(records -> ours(records, expected).size() >= expected.size(), Duration.ofSeconds(90));
            List<RawArticle> published = ours(raw.readFor(Duration.ofSeconds(3)), expected);

            assertThat(published).hasSize(HOSTS * ARTICLES_PER_HOST);
            assertThat(published).extracting(RawArticle::getCanonicalUrl).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(published).extracting(RawArticle::getVersion).containsOnly(1);
            for (TestSite site : sites) {
                for (int n = 1; n <= ARTICLES_PER_HOST; n++) {
                    assertThat(site.hits("/berita/" + n + "/")).as("fetches of " + site.url("/berita/" + n + "/")).isEqualTo(1);
                }
            }
            // both published part of these articles (each owns some partitions, and every partition has one of the hosts)
            assertThat(a.results().get(id.pantau.ingest.crawl.CrawlResult.PUBLISHED)).as("published by a").isPositive();
            assertThat(b.results().get(id.pantau.ingest.crawl.CrawlResult.PUBLISHED)).as("published by b").isPositive();
            assertThat(a.results().get(id.pantau.ingest.crawl.CrawlResult.PUBLISHED) + b.results().get(id.pantau.ingest.crawl.CrawlResult.PUBLISHED))
                    .isEqualTo(HOSTS * ARTICLES_PER_HOST);
        } finally {
            sites.forEach(TestSite::close);
        }
    }

    private static List<RawArticle> ours(List<ConsumerRecord<byte[], byte[]>> records, Set<String> expected) {
        return IngestTopics.rawArticles(records, expected);
    }
}
