package id.pantau.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.IngestApp;
import id.pantau.ingest.RunningIngest;
import id.pantau.ingest.config.IngestConfig;
import id.pantau.ingest.config.OutletRegistry;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host that never answers delays only its own lane (issue #3): host A's article pages hang until
 * the request timeout, three of them, which keeps A busy for about half a minute; host B, on the same
 * crawl-request partition, publishes a new article meanwhile, and it reaches news.articles.raw within
 * seconds. A's articles are dead-lettered once each after their tries.
 */
@ExtendWith(LocalStackExtension.class)
class IngestHostLanesIT {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHostLanesIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** The fetcher's tries of one request in {@link TestConfigs#fetch}: the first and 2 retries. */
    private static final int TRIES = 3;
    private static final int HANGING_ARTICLES = 3;
    private static String bootstrap = "";

    @BeforeAll
    static void topics(LocalStack stack) {
        bootstrap = IngestTopics.create(stack);
    }


    private static IngestConfig config(String instanceId, String group) {
        IngestConfig base = TestConfigs.ingest(instanceId, bootstrap, group, Duration.ofMillis(200), Duration.ofMillis(500));
        return new IngestConfig(instanceId, base.outletsFile(), TestConfigs.http(REQUEST_TIMEOUT, 1024 * 1024), base.fetch(), base.discovery(),
                base.kafka());
    }

    private static List<RawArticle> articlesOf(List<ConsumerRecord<byte[], byte[]>> records, String url) {
        return IngestTopics.rawArticles(records, Set.of(url));
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLettersOf(List<ConsumerRecord<byte[], byte[]>> records, String url) {
        return records.stream().filter(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).equals(url)).toList();
    }

    private static long deadLettered(List<ConsumerRecord<byte[], byte[]>> records, List<String> urls) {
        return urls.stream().filter(url -> !deadLettersOf(records, url).isEmpty()).count();
    }

    // issue #3: the worker used to wait for every host of a polled batch before polling again, so one hanging host held up all
    @Test
    void shouldPublishOtherHostsNewArticleWithinSecondsWhileAHostThatNeverAnswersIsBusy() throws Exception {
        List<String> hosts = IngestTopics.twoLoopbackHostsOnOnePartition(200, -1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch answer = new CountDownLatch(1);
        try (TestSite siteA = new TestSite(hosts.get(0));
                TestSite siteB = new TestSite(hosts.get(1));
                TopicReader raw = new TopicReader(bootstrap, Topics.RAW_ARTICLES.name());
                TopicReader dlq = new TopicReader(bootstrap, Topics.DEAD_LETTERS.name())) {
            FixtureFeed feedA = new FixtureFeed();
            FixtureFeed feedB = new FixtureFeed();
            siteA.route("/feed.xml", (ex, hit) -> TestSite.send(ex, 200, "application/rss+xml", feedA.xml().getBytes(StandardCharsets.UTF_8)));
            siteB.route("/feed.xml", (ex, hit) -> TestSite.send(ex, 200, "application/rss+xml", feedB.xml().getBytes(StandardCharsets.UTF_8)));
            List<String> pathsA = List.of("/a/1/", "/a/2/", "/a/3/").subList(0, HANGING_ARTICLES);
            for (String path : pathsA) {
                // never answers before the crawler's request timeout
                siteA.route(path, (ex, hit) -> {
                    try {
                        answer.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    TestSite.send(ex, 200, "text/html; charset=utf-8", FixtureArticles.rakor().getBytes(StandardCharsets.UTF_8));
                });
            }
            siteB.html("/b/", FixtureArticles.togap());
            List<String> urlsA = pathsA.stream().map(siteA::url).toList();
            String b = siteB.url("/b/");
            OutletRegistry outlets = OutletRegistry.of(List.of(TestConfigs.feedOutlet("it-lanes-a-" + run, siteA, "/feed.xml"),
                    TestConfigs.feedOutlet("it-lanes-b-" + run, siteB, "/feed.xml")));
            urlsA.forEach(url -> feedA.put(url, Instant.now().minusSeconds(60)));

            try (RunningIngest ingest = IngestApp.start(config("it-lanes-1", "it-lanes-" + run), outlets, Clock.systemUTC())) {
                // given: the worker is fetching A's first article, which hangs
                long end = System.nanoTime() + WAIT.toNanos();
                while (pathsA.stream().mapToInt(siteA::hits).sum() == 0) {
                    assertThat(System.nanoTime()).as("A's first article requested").isLessThan(end);
                    Thread.sleep(50);
                }

                // when: host B, on the same partition, publishes a new article
                Instant added = Instant.now();
                feedB.put(b, added);

                // then: it is on news.articles.raw within seconds, while A is still busy with its articles
                List<ConsumerRecord<byte[], byte[]>> records = raw.readUntil(r -> !articlesOf(r, b).isEmpty(), WAIT);
                ConsumerRecord<byte[], byte[]> published = records.stream().filter(r -> !articlesOf(List.of(r), b).isEmpty()).findFirst()
                        .orElseThrow(() -> new AssertionError("B's article not published within " + WAIT));
                long latencyMs = published.timestamp() - added.toEpochMilli();
                long doneA = deadLettered(dlq.readFor(Duration.ofMillis(200)), urlsA);
                LOG.info("event=lanes_it_latency hostBMs={} hostADeadLettered={}", latencyMs, doneA);
                assertThat(latencyMs).as("B's article from feed to topic while A hangs").isBetween(0L, 8_000L);
                assertThat(doneA).as("A's articles done when B's was published").isLessThan(HANGING_ARTICLES);

                // and: each of A's articles is dead-lettered once, after its tries, and B's is published once
                dlq.readUntil(r -> deadLettered(r, urlsA) == HANGING_ARTICLES, WAIT);
                List<ConsumerRecord<byte[], byte[]>> letters = dlq.readFor(Duration.ofSeconds(2));
                for (String url : urlsA) {
                    assertThat(deadLettersOf(letters, url)).as("dead letters of " + url).hasSize(1);
                }
                for (String path : pathsA) {
                    assertThat(siteA.hits(path)).as("fetches of " + path).isEqualTo(TRIES);
                }
                List<ConsumerRecord<byte[], byte[]>> all = raw.readFor(Duration.ofMillis(500));
                assertThat(articlesOf(all, b)).extracting(RawArticle::getVersion).containsExactly(1);
                assertThat(urlsA.stream().mapToLong(url -> articlesOf(all, url).size()).sum()).isZero();
                assertThat(siteB.hits("/b/")).isEqualTo(1);
            } finally {
                answer.countDown();
            }
        }
    }
}
