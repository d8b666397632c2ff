package id.pantau.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.IngestApp;
import id.pantau.ingest.RunningIngest;
import id.pantau.ingest.config.FetchConfig;
import id.pantau.ingest.config.IngestConfig;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.crawl.CrawlResult;
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
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A requeued request waiting for its due time holds up nothing else (issue #3): host A's article
 * fails with 500 beyond the fetcher's retries and is requeued; host B's new article, on the same
 * crawl-request partition, is published within seconds meanwhile; A's is published once, after its
 * due time. The committed offset never passes the held request, so a restart in between loses it not.
 */
@ExtendWith(LocalStackExtension.class)
class IngestRequeueIT {

    private static final Logger LOG = LoggerFactory.getLogger(IngestRequeueIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The fetcher's tries of one request in {@link TestConfigs#fetch}: the first and 2 retries. */
    private static final int TRIES = 3;
    private static String bootstrap = "";

    @BeforeAll
    static void topics(LocalStack stack) {
        bootstrap = IngestTopics.create(stack);
    }


    /** An instance that requeues a failed fetch once and fetches it again no sooner than {@code delay}. */
    private static IngestConfig config(String instanceId, String group, Duration delay) {
        IngestConfig base = TestConfigs.ingest(instanceId, bootstrap, group, Duration.ofMillis(200), Duration.ofMillis(500));
        FetchConfig f = base.fetch();
        FetchConfig requeueOnce = new FetchConfig(f.hostDelay(), f.maxCrawlDelay(), f.retries(), f.retryBackoff(), f.retryMaxWait(),
                f.robotsCacheTtl(), 1, delay);
        return new IngestConfig(instanceId, base.outletsFile(), base.http(), requeueOnce, base.discovery(), base.kafka());
    }

    /** Serves an article page that fails with 500 for the first {@link #TRIES} requests (one request and its retries), then 200. */
    private static void failingFirstRequest(TestSite site, String path, String html) {
        site.route(path, (ex, hit) -> {
            if (hit <= TRIES) {
                TestSite.send(ex, 500, "text/html", "<h1>Galat server</h1>".getBytes(StandardCharsets.UTF_8));
            } else {
                TestSite.send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static void serveFeed(TestSite site, FixtureFeed feed, AtomicBoolean listed) {
        FixtureFeed empty = new FixtureFeed();
        site.route("/feed.xml", (ex, hit) -> TestSite.send(ex, 200, "application/rss+xml",
                (listed.get() ? feed : empty).xml().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<RawArticle> articlesOf(List<ConsumerRecord<byte[], byte[]>> records, String url) {
        return IngestTopics.rawArticles(records, Set.of(url));
    }

    private static ConsumerRecord<byte[], byte[]> recordOf(List<ConsumerRecord<byte[], byte[]>> records, String url) {
        return records.stream().filter(r -> !articlesOf(List.of(r), url).isEmpty()).findFirst().orElseThrow();
    }

    /** The record of the requeued request of {@code url} on ingest.crawl.requests. */
    private static ConsumerRecord<byte[], byte[]> requeuedRecord(String url) {
        try (TopicReader requests = new TopicReader(bootstrap, Topics.CRAWL_REQUESTS.name())) {
            List<ConsumerRecord<byte[], byte[]>> records = requests.readUntil(r -> r.stream().anyMatch(c -> isRequeued(c, url)), WAIT);
            return records.stream().filter(c -> isRequeued(c, url)).findFirst().orElseThrow();
        }
    }

    private static boolean isRequeued(ConsumerRecord<byte[], byte[]> record, String url) {
        CrawlRequest request;
        try {
            request = Topics.CRAWL_REQUESTS.valueSerde().deserializer().deserialize(Topics.CRAWL_REQUESTS.name(), record.value());
        } catch (RuntimeException e) {
            return false; // other tests leave undecodable requests on the shared topic
        }
        return request != null && request.getUrl().equals(url) && request.getAttempt() == 1;
    }

    private static @Nullable Long committed(String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
            return offset == null ? null : offset.offset();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** When the site answered the last of the failed tries of {@code path}: the request was requeued just after. */
    private static Instant lastFailedTry(TestSite site, String path) {
        return site.received().stream().filter(r -> r.path().equals(path)).skip(TRIES - 1).findFirst().orElseThrow().at();
    }

    // issue #3: a requeued request used to be slept on inside the polled batch, which stalled every host for up to the delay
    @Test
    void shouldPublishOtherHostsNewArticleWhileARequeuedRequestWaitsAndTheRequeuedOneOnceWhenDue() throws Exception {
        Duration delay = Duration.ofSeconds(20);
        List<String> hosts = IngestTopics.twoLoopbackHostsOnOnePartition(2, 1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String group = "it-requeue-" + run;
        try (TestSite siteA = new TestSite(hosts.get(0));
                TestSite siteB = new TestSite(hosts.get(1));
                TopicReader raw = new TopicReader(bootstrap, Topics.RAW_ARTICLES.name())) {
            FixtureFeed feedA = new FixtureFeed();
            FixtureFeed feedB = new FixtureFeed();
            serveFeed(siteA, feedA, new AtomicBoolean(true));
            serveFeed(siteB, feedB, new AtomicBoolean(true));
            failingFirstRequest(siteA, "/a/", FixtureArticles.rakor());
            siteB.html("/b/", FixtureArticles.togap());
            String a = siteA.url("/a/");
            String b = siteB.url("/b/");
            OutletRegistry outlets = OutletRegistry.of(List.of(TestConfigs.feedOutlet("it-requeue-a-" + run, siteA, "/feed.xml"),
                    TestConfigs.feedOutlet("it-requeue-b-" + run, siteB, "/feed.xml")));
            feedA.put(a, Instant.now().minusSeconds(60));

            try (RunningIngest ingest = IngestApp.start(config("it-requeue-1", group, delay), outlets, Clock.systemUTC())) {
                // given: A's article failed beyond the retries and was requeued, and the worker has read the requeued request
                awaitTrue(() -> ingest.results().get(CrawlResult.REQUEUED) >= 1, "A's request requeued");
                Instant requeuedAt = lastFailedTry(siteA, "/a/");
                ConsumerRecord<byte[], byte[]> requeued = requeuedRecord(a);
                TopicPartition partition = new TopicPartition(requeued.topic(), requeued.partition());
                assertThat(requeued.partition()).isEqualTo(CrawlWorker.partitionOf(hosts.get(1), Topics.CRAWL_REQUESTS.partitions()));
                Thread.sleep(1_000);

                // when: host B, on the same partition, publishes a new article
                Instant added = Instant.now();
                feedB.put(b, added);

                // then: it is on news.articles.raw within seconds, long before A's request is due
                List<ConsumerRecord<byte[], byte[]>> records = raw.readUntil(r -> articlesOf(r, b).size() >= 1, WAIT);
                long latencyMs = recordOf(records, b).timestamp() - added.toEpochMilli();
                LOG.info("event=requeue_it_latency hostBMs={} requeueDelayMs={}", latencyMs, delay.toMillis());
                assertThat(latencyMs).as("B's article from feed to topic while A's request waits").isBetween(0L, 8_000L);
                assertThat(articlesOf(records, a)).as("A before its due time").isEmpty();
                // B's request, after A's on the partition, is done (and its round committed); the commit stays at A's held
                // request, or below it where another test's requeued request on the shared topic is held too
                Thread.sleep(500);
                assertThat(committed(group, partition)).isLessThanOrEqualTo(requeued.offset());

                // and A's article is published once its request is due, exactly once
                records = raw.readUntil(r -> articlesOf(r, a).size() >= 1, WAIT);
                Instant publishedA = Instant.ofEpochMilli(recordOf(records, a).timestamp());
                LOG.info("event=requeue_it_due afterRequeueMs={}", Duration.between(requeuedAt, publishedA).toMillis());
                assertThat(publishedA).isAfterOrEqualTo(requeuedAt.plus(delay));
                records = raw.readFor(Duration.ofSeconds(2));
                assertThat(articlesOf(records, a)).extracting(RawArticle::getVersion).containsExactly(1);
                assertThat(articlesOf(records, b)).extracting(RawArticle::getVersion).containsExactly(1);
                assertThat(siteA.hits("/a/")).isEqualTo(TRIES + 1);
                assertThat(siteB.hits("/b/")).isEqualTo(1);
                awaitTrue(() -> {
                    try {
                        Long offset = committed(group, partition);
                        return offset != null && offset > requeued.offset();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "the commit to move past A's request once it is done");
            }
        }
    }

    @Test
    void shouldKeepAHeldRequestUncommittedSoAnInstanceStoppedBeforeItsDueTimeLosesItNot() throws Exception {
        Duration delay = Duration.ofSeconds(10);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String group = "it-requeue-stop-" + run;
        try (TestSite site = new TestSite(IngestTopics.twoLoopbackHostsOnOnePartition(2, 1).get(0));
                TopicReader raw = new TopicReader(bootstrap, Topics.RAW_ARTICLES.name())) {
            FixtureFeed feed = new FixtureFeed();
            AtomicBoolean listed = new AtomicBoolean(true);
            serveFeed(site, feed, listed);
            failingFirstRequest(site, "/a/", FixtureArticles.rakorEdited());
            String a = site.url("/a/");
            OutletRegistry outlets = OutletRegistry.of(List.of(TestConfigs.feedOutlet("it-requeue-stop-" + run, site, "/feed.xml")));
            feed.put(a, Instant.now().minusSeconds(60));

            // given: A's request was requeued and the instance read and held it
            Instant requeuedAt;
            ConsumerRecord<byte[], byte[]> requeued;
            TopicPartition partition;
            try (RunningIngest first = IngestApp.start(config("it-requeue-stop-1", group, delay), outlets, Clock.systemUTC())) {
                awaitTrue(() -> first.results().get(CrawlResult.REQUEUED) >= 1, "A's request requeued");
                requeuedAt = lastFailedTry(site, "/a/");
                // the item leaves the feed: only the held request can bring A's article now
                listed.set(false);
                requeued = requeuedRecord(a);
                partition = new TopicPartition(requeued.topic(), requeued.partition());
                Thread.sleep(1_000);
                assertThat(committed(group, partition)).isLessThanOrEqualTo(requeued.offset());
                // when: the instance stops before the request is due
            }
            assertThat(Instant.now()).isBefore(requeuedAt.plus(delay));
            assertThat(committed(group, partition)).isLessThanOrEqualTo(requeued.offset());
            assertThat(site.hits("/a/")).isEqualTo(TRIES);

            // then: the next instance reads the request again from the committed offset and publishes A once, when due
            try (RunningIngest second = IngestApp.start(config("it-requeue-stop-2", group, delay), outlets, Clock.systemUTC())) {
                List<ConsumerRecord<byte[], byte[]>> records = raw.readUntil(r -> articlesOf(r, a).size() >= 1, WAIT);
                assertThat(Instant.ofEpochMilli(recordOf(records, a).timestamp())).isAfterOrEqualTo(requeuedAt.plus(delay));
                records = raw.readFor(Duration.ofSeconds(2));
                assertThat(articlesOf(records, a)).extracting(RawArticle::getVersion).containsExactly(1);
                assertThat(site.hits("/a/")).isEqualTo(TRIES + 1);
            }
        }
    }
}
