package id.pantau.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.IngestApp;
import id.pantau.ingest.RunningIngest;
import id.pantau.ingest.config.FetchConfig;
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
import id.pantau.schemas.avro.CrawlRequest;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A crawl-request partition that changes owner while its request is being fetched is processed by its
 * new owner only (issue #3: "no article is fetched twice", published "once per version, on one
 * instance or many"). Instance A fetches an article of every host (one per partition) and each host
 * holds its answer back; instance B joins and takes some partitions, and fetches their articles again
 * from the committed offset; then the hosts answer everyone at once. A must have let go of the moved
 * requests: each article is published once, and A neither dead-letters nor requeues what it gave up.
 */
@ExtendWith(LocalStackExtension.class)
class IngestHandoverIT {

    private static final int HOSTS = Topics.CRAWL_REQUESTS.partitions();
    private static final String ARTICLE = "/berita/serah-terima/";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Longer than the hosts hold their answer back, so no fetch times out by itself. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(55);
    private static String bootstrap = "";

    @BeforeAll
    static void topics(LocalStack stack) {
        bootstrap = IngestTopics.create(stack);
    }


    private static IngestConfig config(String instanceId, String group) {
        IngestConfig base = TestConfigs.ingest(instanceId, bootstrap, group, Duration.ofMillis(200), Duration.ofMillis(500));
        FetchConfig f = base.fetch();
        // one requeue allowed, so a fetch cut short by the handover would show as a requeue if it were written
        FetchConfig requeueOnce = new FetchConfig(f.hostDelay(), f.maxCrawlDelay(), f.retries(), f.retryBackoff(), f.retryMaxWait(),
                f.robotsCacheTtl(), 1, Duration.ofSeconds(1));
        return new IngestConfig(instanceId, base.outletsFile(), TestConfigs.http(REQUEST_TIMEOUT, 1024 * 1024), requeueOnce,
                base.discovery(), base.kafka());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(50);
        }
    }

    // issue #3: a revoked partition kept working; its requests ran on for up to 30 s (for ever when lost) and wrote their outcome
    // while the new owner processed them again, so an article was published twice
    @Test
    void shouldPublishOnceWhenAPartitionChangesOwnerWhileItsRequestIsFetched() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch answer = new CountDownLatch(1);
        List<TestSite> sites = new ArrayList<>();
        List<FixtureFeed> feeds = new ArrayList<>();
        List<Outlet> outlets = new ArrayList<>();
        try (TopicReader raw = new TopicReader(bootstrap, Topics.RAW_ARTICLES.name());
                TopicReader dlq = new TopicReader(bootstrap, Topics.DEAD_LETTERS.name());
                TopicReader requests = new TopicReader(bootstrap, Topics.CRAWL_REQUESTS.name())) {
            for (String host : IngestTopics.loopbackHostsOnePerPartition(230, -1)) {
                TestSite site = new TestSite(host);
                FixtureFeed feed = new FixtureFeed();
                site.route("/feed.xml",
                        (ex, hit) -> TestSite.send(ex, 200, "application/rss+xml", feed.xml().getBytes(StandardCharsets.UTF_8)));
                String page = FixtureArticles.page("Serah terima jabatan di " + host,
                        "Penjabat bupati menyerahkan jabatan kepada bupati terpilih di wilayah " + host + " pada 20 Februari 2025.",
                        "Serah terima disaksikan unsur forum koordinasi pimpinan daerah.");
                site.route(ARTICLE, (ex, hit) -> {
                    try {
                        answer.await(50, TimeUnit.SECONDS); // held back until both instances have asked, at most 50 s
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    TestSite.send(ex, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
                });
                sites.add(site);
                feeds.add(feed);
                outlets.add(TestConfigs.feedOutlet("it-handover-" + run + "-" + sites.size(), site, "/feed.xml"));
            }
            assertThat(sites).hasSize(HOSTS);
            OutletRegistry registry = OutletRegistry.of(outlets);
            Set<String> urls = new HashSet<>();
            sites.forEach(site -> urls.add(site.url(ARTICLE)));
            String group = "it-handover-" + run;

            try (RunningIngest a = IngestApp.start(config("it-handover-a", group), registry, Clock.systemUTC())) {
                // given: A owns every partition and is fetching the article of every host
                await("A owns every partition", () -> a.ownedPartitions().size() == HOSTS);
                Instant now = Instant.now();
                for (int i = 0; i < HOSTS; i++) {
                    feeds.get(i).put(sites.get(i).url(ARTICLE), now);
                }
                await("A fetching every article", () -> sites.stream().allMatch(site -> site.hits(ARTICLE) == 1));

                // when: B joins and takes some partitions, and fetches their articles again
                try (RunningIngest b = IngestApp.start(config("it-handover-b", group), registry, Clock.systemUTC())) {
                    await("B owns partitions",
                            () -> !b.ownedPartitions().isEmpty() && a.ownedPartitions().size() + b.ownedPartitions().size() == HOSTS);
                    List<TestSite> moved = sites.stream()
                            .filter(site -> b.ownedPartitions().contains(CrawlWorker.partitionOf(site.host(), HOSTS))).toList();
                    await("B fetching the moved articles", () -> moved.stream().allMatch(site -> site.hits(ARTICLE) == 2));
                    answer.countDown();

                    // then: every article is published once, version 1, and nothing of A's given-up fetches is written
                    raw.readUntil(records -> ours(records, urls).size() >= HOSTS, WAIT);
                    List<RawArticle> published = ours(raw.readFor(Duration.ofSeconds(3)), urls);
                    assertThat(published).extracting(RawArticle::getCanonicalUrl).containsExactlyInAnyOrderElementsOf(urls);
                    assertThat(published).extracting(RawArticle::getVersion).containsOnly(1);
                    assertThat(dlq.readFor(Duration.ofMillis(500)).stream()
                            .filter(r -> r.value() != null && urls.contains(new String(r.value(), StandardCharsets.UTF_8)))).isEmpty();
                    assertThat(requests.readFor(Duration.ofMillis(500)).stream().map(IngestHandoverIT::urlIfRequeued)
                            .filter(urls::contains)).isEmpty();
                }
            } finally {
                answer.countDown();
            }
        } finally {
            sites.forEach(TestSite::close);
        }
    }

    private static List<RawArticle> ours(List<ConsumerRecord<byte[], byte[]>> records, Set<String> urls) {
        return IngestTopics.rawArticles(records, urls);
    }

    /** The URL of a requeued crawl request, else "" (also for records other tests left undecodable on purpose). */
    private static String urlIfRequeued(ConsumerRecord<byte[], byte[]> record) {
        try {
            CrawlRequest request =
                    Topics.CRAWL_REQUESTS.valueSerde().deserializer().deserialize(Topics.CRAWL_REQUESTS.name(), record.value());
            return request != null && request.getAttempt() > 0 ? request.getUrl() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
