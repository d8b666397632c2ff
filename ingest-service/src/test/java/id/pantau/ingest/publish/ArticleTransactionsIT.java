package id.pantau.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.ingest.internal.TopicPartitions;
import id.pantau.ingest.testing.IngestTopics;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.SeenArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An article version and its seen-store record become visible together or not at all, on the real
 * broker: what a read_committed reader (enrich-service, the seen-store of every ingest instance) sees
 * after a commit, after a transaction that failed half-way, and after a restart of an instance that
 * died with a transaction open.
 */
@ExtendWith(LocalStackExtension.class)
class ArticleTransactionsIT {

    private static final Duration READ = Duration.ofSeconds(3);
    private static final int SEEN_LIMIT_BYTES = 256;
    private static String bootstrap = "";

    @BeforeAll
    static void topics(LocalStack stack) {
        bootstrap = IngestTopics.create(stack);
    }

    @Test
    void shouldShowTheArticleAndItsSeenRecordToReadCommittedReadersOnceCommitted() {
        String id = "tx-commit-" + UUID.randomUUID();
        try (KafkaPublisher publisher = new KafkaPublisher(bootstrap, "it-tx-" + UUID.randomUUID())) {
            publisher.publish(raw(id), seen(id));
        }

        assertThat(keysOf(Topics.RAW_ARTICLES.name(), "read_committed")).contains(id);
        assertThat(keysOf(Topics.SEEN_ARTICLES.name(), "read_committed")).contains(url(id));
    }

    @Test
    void shouldShowNeitherWhenTheSeenRecordIsRejectedAfterTheArticleWasWrittenAndRecoverForTheNextArticle() throws Exception {
        String failed = "tx-abort-" + UUID.randomUUID();
        String next = "tx-after-abort-" + UUID.randomUUID();
        try (KafkaPublisher publisher = new KafkaPublisher(bootstrap, "it-tx-" + UUID.randomUUID())) {
            // given: the broker rejects the (padded) seen record's batch on ingest.seen, so it fails after the
            // article was appended to news.articles.raw in the same transaction; the limit still lets the
            // coordinator's abort marker (a batch of about 80 bytes) through, or the partition would stay
            // blocked for every read_committed reader
            setSeenMaxMessageBytes(Integer.toString(SEEN_LIMIT_BYTES));
            try {
                SeenArticle padded = SeenArticle.newBuilder(seen(failed)).setContentHash(incompressible(4 * SEEN_LIMIT_BYTES)).build();
                assertThatThrownBy(() -> publisher.publish(raw(failed), padded)).isInstanceOf(PublishException.class);
            } finally {
                setSeenMaxMessageBytes(null);
            }
            // when: the next article is published with the same publisher
            publisher.publish(raw(next), seen(next));
        }

        // then: the failed article reached the log, but no read_committed reader sees it or its seen record
        assertThat(keysOf(Topics.RAW_ARTICLES.name(), "read_uncommitted")).contains(failed);
        List<String> committedRaw = keysOf(Topics.RAW_ARTICLES.name(), "read_committed");
        List<String> committedSeen = keysOf(Topics.SEEN_ARTICLES.name(), "read_committed");
        assertThat(committedRaw).doesNotContain(failed).contains(next);
        assertThat(committedSeen).doesNotContain(url(failed)).contains(url(next));
    }

    @Test
    void shouldAbortTheTransactionADeadInstanceLeftOpenWhenItStartsAgain() {
        String instance = "it-tx-restart-" + UUID.randomUUID();
        String orphan = "tx-orphan-" + UUID.randomUUID();
        String afterRestart = "tx-restarted-" + UUID.randomUUID();
        // given: an instance wrote an article in a transaction and died before committing
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, instance + "-articles");
        KafkaProducer<byte[], byte[]> dead = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        dead.initTransactions();
        dead.beginTransaction();
        dead.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), utf8(orphan), utf8("not committed")));
        dead.flush();

        // when: the instance starts again under the same id and publishes
        try (KafkaPublisher restarted = new KafkaPublisher(bootstrap, instance)) {
            restarted.publish(raw(afterRestart), seen(afterRestart));
        } finally {
            dead.close(Duration.ZERO);
        }

        // then: the open transaction was aborted, not left to block readers or to surface later
        List<String> committed = keysOf(Topics.RAW_ARTICLES.name(), "read_committed");
        assertThat(committed).doesNotContain(orphan).contains(afterRestart);
    }

    @Test
    void shouldCommitConcurrentPublishersWithoutLosingOrMixingArticles() throws Exception {
        String prefix = "tx-many-" + UUID.randomUUID() + "-";
        int articles = 40;
        try (KafkaPublisher publisher = new KafkaPublisher(bootstrap, "it-tx-" + UUID.randomUUID());
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < articles; i++) {
                String id = prefix + i;
                done.add(threads.submit(() -> publisher.publish(raw(id), seen(id))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        List<String> raw = keysOf(Topics.RAW_ARTICLES.name(), "read_committed").stream().filter(k -> k.startsWith(prefix)).toList();
        List<String> seen = keysOf(Topics.SEEN_ARTICLES.name(), "read_committed").stream().filter(k -> k.startsWith(url(prefix))).toList();
        assertThat(raw).hasSize(articles).doesNotHaveDuplicates();
        assertThat(seen).hasSize(articles).doesNotHaveDuplicates();
    }

    private static void setSeenMaxMessageBytes(String value) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SEEN_ARTICLES.name());
            AlterConfigOp op = value == null
                    ? new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE)
                    : new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value), AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get();
        }
        Thread.sleep(500); // topic configs reach the partition leader asynchronously
    }

    /** Every key on {@code topic} as a reader with {@code isolation} sees it within a few seconds. */
    private static List<String> keysOf(String topic, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<String> keys = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.await(consumer, topic, Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = System.nanoTime() + READ.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> keys.add(r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8)));
            }
        }
        return keys;
    }

    /** Hex digits of random bytes: zstd cannot shrink them below half. */
    private static String incompressible(int length) {
        StringBuilder hex = new StringBuilder(length);
        SplittableRandom random = new SplittableRandom(3);
        while (hex.length() < length) {
            hex.append(Integer.toHexString(random.nextInt(16)));
        }
        return hex.toString();
    }

    private static String url(String id) {
        return "https://tx.example/" + id;
    }

    private static RawArticle raw(String id) {
        return RawArticle.newBuilder().setArticleId(id).setVersion(1).setOutletId("tx-outlet").setUrl(url(id)).setCanonicalUrl(url(id))
                .setFetchedAt(Instant.parse("2024-11-18T03:00:00Z")).setTitle("Rapat koordinasi pengawasan pilkada di Mempawah")
                .setBodyParagraphs(List.of("Bawaslu mengundang camat dan kepala desa ke rapat koordinasi netralitas.")).setContentHash("h-" + id)
                .setExtractionMethod("profile").build();
    }

    private static SeenArticle seen(String id) {
        return SeenArticle.newBuilder().setCanonicalUrl(url(id)).setArticleId(id).setContentHash("h-" + id).setVersion(1)
                .setPublishedAt(Instant.parse("2024-11-18T03:00:01Z")).build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
