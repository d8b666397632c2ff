package id.pantau.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.IngestApp;
import id.pantau.ingest.RunningIngest;
import id.pantau.ingest.config.IngestConfig;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.discovery.ArticleIds;
import id.pantau.ingest.testing.IngestTopics;
import id.pantau.ingest.testing.TestConfigs;
import id.pantau.ingest.testing.TestSite;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import id.pantau.schemas.DeadLetterHeaders;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outlet's life on a real broker: a new article reaches news.articles.raw once, an unchanged
 * re-crawl publishes nothing, an edit publishes version 2, an unextractable page lands in news.dlq
 * with its reason, and a restarted instance publishes nothing again. Measures discovery latency.
 */
@ExtendWith(LocalStackExtension.class)
class IngestLifecycleIT {

    private static final Logger LOG = LoggerFactory.getLogger(IngestLifecycleIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static String bootstrap = "";

    @BeforeAll
    static void topics(LocalStack stack) {
        bootstrap = IngestTopics.create(stack);
    }

    private static RawArticle decode(ConsumerRecord<byte[], byte[]> record) {
        return IngestTopics.rawArticle(record);
    }

    private static List<RawArticle> articlesOf(List<ConsumerRecord<byte[], byte[]>> records, String canonicalUrl) {
        return IngestTopics.rawArticles(records, Set.of(canonicalUrl));
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

    @Test
    @SuppressWarnings("try") // the restarted instance runs for the duration of its block
    void shouldPublishEachVersionOnceDeadLetterUnextractablePageAndNotRepublishAfterRestart() throws Exception {
        try (TestSite site = new TestSite();
                TopicReader raw = new TopicReader(bootstrap, Topics.RAW_ARTICLES.name());
                TopicReader dlq = new TopicReader(bootstrap, Topics.DEAD_LETTERS.name())) {
            FixtureFeed feed = new FixtureFeed();
            AtomicReference<String> pageA = new AtomicReference<>(FixtureArticles.rakor());
            site.route("/feed.xml", (ex, hit) -> TestSite.send(ex, 200, "application/rss+xml", feed.xml().getBytes(StandardCharsets.UTF_8)));
            site.route("/a/", (ex, hit) -> TestSite.send(ex, 200, "text/html; charset=utf-8", pageA.get().getBytes(StandardCharsets.UTF_8)));
            site.html("/b/", FixtureArticles.togap());
            site.html("/c/", FixtureArticles.gallery());
            String a = site.url("/a/");
            String b = site.url("/b/");
            String c = site.url("/c/");
            OutletRegistry outlets = OutletRegistry.of(List.of(TestConfigs.feedOutlet("it-lifecycle", site, "/feed.xml")));
            String group = "it-lifecycle-" + UUID.randomUUID();
            IngestConfig config = TestConfigs.ingest("it-lifecycle-1", bootstrap, group, Duration.ofMillis(200), Duration.ofMillis(500));
            feed.put(a, Instant.now().minusSeconds(60));

            // given: a new article in the feed; when: the instance starts; then: it is published once, as version 1
            RunningIngest first = IngestApp.start(config, outlets, Clock.systemUTC());
            List<ConsumerRecord<byte[], byte[]>> records = raw.readUntil(r -> articlesOf(r, a).size() >= 1, WAIT);
            assertThat(articlesOf(records, a)).extracting(RawArticle::getVersion).containsExactly(1);
            assertThat(articlesOf(records, a).getFirst().getArticleId()).isEqualTo(ArticleIds.of(a));
            assertThat(articlesOf(records, a).getFirst().getOutletId()).isEqualTo("it-lifecycle");
            assertThat(records.stream().filter(r -> decode(r).getCanonicalUrl().equals(a)).findFirst().orElseThrow().key())
                    .isEqualTo(ArticleIds.of(a).getBytes(StandardCharsets.UTF_8));

            // discovery latency: a new feed item to its record on the topic
            Instant added = Instant.now();
            feed.put(b, added);
            records = raw.readUntil(r -> articlesOf(r, b).size() >= 1, WAIT);
            ConsumerRecord<byte[], byte[]> recordB = records.stream().filter(r -> decode(r).getCanonicalUrl().equals(b)).findFirst().orElseThrow();
            long latencyMs = recordB.timestamp() - added.toEpochMilli();
            LOG.info("event=discovery_latency ms={} pollMinMs=500 pollMaxMs=1000 hostDelayMs=200", latencyMs);
            assertThat(latencyMs).isBetween(0L, 20_000L);

            // an unchanged re-crawl (the feed dates the item anew) fetches the page but publishes nothing;
            // feed dates have whole seconds, so wait past the second of the last publication first
            int hitsBefore = site.hits("/a/");
            Thread.sleep(1100);
            feed.put(a, Instant.now());
            awaitTrue(() -> site.hits("/a/") > hitsBefore, "re-crawl of /a/");
            records = raw.readFor(Duration.ofSeconds(3));
            assertThat(articlesOf(records, a)).hasSize(1);

            // an edited article is published as version 2 with the same id
            Thread.sleep(1100);
            pageA.set(FixtureArticles.rakorEdited());
            feed.put(a, Instant.now());
            records = raw.readUntil(r -> articlesOf(r, a).size() >= 2, WAIT);
            assertThat(articlesOf(records, a)).extracting(RawArticle::getVersion).containsExactly(1, 2);
            assertThat(articlesOf(records, a).get(1).getBodyParagraphs()).hasSize(3);
            assertThat(articlesOf(records, a).get(1).getArticleId()).isEqualTo(ArticleIds.of(a));

            // a page without an article body lands in news.dlq with its reason
            feed.put(c, Instant.now());
            List<ConsumerRecord<byte[], byte[]>> letters = dlq.readUntil(
                    r -> r.stream().anyMatch(l -> c.equals(DeadLetterHeaders.read(l.headers(), DeadLetterHeaders.URL))), WAIT);
            ConsumerRecord<byte[], byte[]> letter =
                    letters.stream().filter(l -> c.equals(DeadLetterHeaders.read(l.headers(), DeadLetterHeaders.URL))).findFirst().orElseThrow();
            assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("EXTRACTION_EMPTY_BODY");
            assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SERVICE)).isEqualTo("ingest");
            assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("ingest.crawl.requests");
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(c);
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("127.0.0.1");
            raw.readFor(Duration.ofSeconds(1));

            // a restart (new instance, same group) reads the seen-store and publishes nothing again
            first.close();
            int hitsA = site.hits("/a/");
            int hitsB = site.hits("/b/");
            int feedHits = site.hits("/feed.xml");
            try (RunningIngest second = IngestApp.start(config.withInstanceId("it-lifecycle-2"), outlets, Clock.systemUTC())) {
                awaitTrue(() -> site.hits("/feed.xml") >= feedHits + 2, "feed polls after restart");
                records = raw.readFor(Duration.ofSeconds(3));
            }
            assertThat(articlesOf(records, a)).hasSize(2);
            assertThat(articlesOf(records, b)).hasSize(1);
            assertThat(site.hits("/a/")).isEqualTo(hitsA);
            assertThat(site.hits("/b/")).isEqualTo(hitsB);
        }
    }

    @Test
    void shouldDeadLetterUndecodableCrawlRequestWithItsBytesAndGoOn() throws Exception {
        byte[] garbage = "kein avro".getBytes(StandardCharsets.UTF_8);
        try (TestSite site = new TestSite();
                TopicReader raw = new TopicReader(bootstrap, Topics.RAW_ARTICLES.name());
                TopicReader dlq = new TopicReader(bootstrap, Topics.DEAD_LETTERS.name());
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            FixtureFeed feed = new FixtureFeed();
            site.route("/feed.xml", (ex, hit) -> TestSite.send(ex, 200, "application/rss+xml", feed.xml().getBytes(StandardCharsets.UTF_8)));
            site.html("/togap/", FixtureArticles.togap());
            feed.put(site.url("/togap/"), Instant.now().minusSeconds(30));
            OutletRegistry outlets = OutletRegistry.of(List.of(TestConfigs.feedOutlet("it-poison", site, "/feed.xml")));
            IngestConfig config = TestConfigs.ingest("it-poison-1", bootstrap, "it-poison-" + UUID.randomUUID(), Duration.ofMillis(200),
                    Duration.ofMillis(500));
            // same key as the site's requests: same partition, read before them
            producer.send(new ProducerRecord<>(Topics.CRAWL_REQUESTS.name(), site.host().getBytes(StandardCharsets.UTF_8), garbage)).get();

            try (RunningIngest running = IngestApp.start(config, outlets, Clock.systemUTC())) {
                List<ConsumerRecord<byte[], byte[]>> letters = dlq.readUntil(r -> r.stream().anyMatch(l -> Arrays.equals(l.value(), garbage)), WAIT);
                List<ConsumerRecord<byte[], byte[]>> articles = raw.readUntil(r -> articlesOf(r, site.url("/togap/")).size() == 1, WAIT);

                ConsumerRecord<byte[], byte[]> letter = letters.stream().filter(l -> Arrays.equals(l.value(), garbage)).findFirst().orElseThrow();
                assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("DESERIALIZATION_BAD_HEADER");
                assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("ingest.crawl.requests");
                assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("127.0.0.1");
                assertThat(articlesOf(articles, site.url("/togap/"))).extracting(RawArticle::getTitle)
                        .containsExactly("Pjs Gubernur Kaltara minta ASN Bulungan tidak berpihak");
            }
        }
    }
}
