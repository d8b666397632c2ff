package id.pantau.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import id.pantau.index.TestArticles;
import id.pantau.index.config.IndexConfig;
import id.pantau.schemas.DeadLetterHeaders;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.EnrichedArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexingPipelineTest {

    private static final TopicPartition P0 = new TopicPartition(Topics.ENRICHED_ARTICLES.name(), 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IndexMetrics metrics = new IndexMetrics(registry);
    private final List<Map<String, Object>> indexed = new CopyOnWriteArrayList<>();
    private IndexingPipeline pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldCommitAcknowledgedRecordsDeadLetterRejectedOnesAndRetryConnectionErrors() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger firstRequestSize = new AtomicInteger();
        FakeBulkTransport transport = new FakeBulkTransport(request -> calls.incrementAndGet() == 1
                && firstRequestSize.getAndSet(request.operations().size()) == 0
                ? CompletableFuture.failedFuture(new ConnectException("Connection refused"))
                : CompletableFuture.completedFuture(FakeBulkTransport.respond(request, id -> switch (id) {
                    case "a1" -> 201;
                    case "a2" -> 400;
                    default -> 409;
                })));
        pipeline = pipeline(transport, config(1000));
        feed(List.of(article("a1"), "not avro".getBytes(StandardCharsets.UTF_8), article("a2"), article("a3")));

        pipeline.start();

        await(() -> committed() == 4);
        assertThat(transport.requests()).isGreaterThanOrEqualTo(2);
        assertThat(indexed).extracting(doc -> doc.get("article_id")).containsExactly("a1");
        assertThat(metrics.documents(Pending.Kind.ARTICLE, "indexed")).isEqualTo(1);
        assertThat(metrics.documents(Pending.Kind.ARTICLE, "conflict")).isEqualTo(1);
        assertThat(metrics.documents(Pending.Kind.ARTICLE, "rejected")).isEqualTo(1);
        assertThat(metrics.documents(Pending.Kind.ARTICLE, "retried")).isEqualTo(firstRequestSize.get()).isPositive();
        List<ProducerRecord<byte[], byte[]>> dead = producer.history();
        assertThat(dead).extracting(r -> DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.REASON)).containsExactly("BAD_HEADER", "MAPPING_REJECTED");
        assertThat(dead).extracting(r -> DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.SOURCE_OFFSET)).containsExactly("1", "2");
        assertThat(DeadLetterHeaders.read(dead.get(1).headers(), DeadLetterHeaders.MESSAGE))
                .isEqualTo("status 400 document_parsing_exception: test reason for a2");
        assertThat(DeadLetterHeaders.read(dead.get(1).headers(), DeadLetterHeaders.SERVICE)).isEqualTo("index");
        assertThat(dead.get(0).value()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
        assertThat(dead).allMatch(r -> r.topic().equals(Topics.DEAD_LETTERS.name()));
    }

    @Test
    void shouldNotDeadLetterAgainWhatAMarkerSaysWasSentAndMarkWhatItSends() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        // a2 v1 was dead-lettered by an earlier run (its marker exists); a4 v1 was not.
        String a2Marker = DeadLetterMarks.id("article:a2:v1");
        List<String> markersWritten = Collections.synchronizedList(new ArrayList<>());
        FakeBulkTransport transport = new FakeBulkTransport(request -> {
            request.operations().stream().filter(op -> op.isCreate() && op.create().index().equals("dead-letters"))
                    .forEach(op -> markersWritten.add(op.create().id()));
            return CompletableFuture.completedFuture(FakeBulkTransport.respond(request, id -> id.equals("a2") || id.equals("a4") ? 400 : 201));
        }, Set.of(a2Marker));
        pipeline = pipeline(transport, config(1000));
        feed(List.of(article("a1"), article("a2"), article("a4"), garbage));

        pipeline.start();

        await(() -> committed() == 4);
        List<ProducerRecord<byte[], byte[]>> dead = producer.history();
        assertThat(dead).extracting(r -> DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.SOURCE_OFFSET)).containsExactlyInAnyOrder("2", "3");
        assertThat(metrics.deadLettersSkipped("MAPPING_REJECTED")).isEqualTo(1);
        assertThat(metrics.deadLetters("MAPPING_REJECTED")).isEqualTo(1);
        String garbageKey = "record:" + P0.topic() + ":0:3:" + HexFormat.of().formatHex(sha256(garbage));
        assertThat(markersWritten).containsExactlyInAnyOrder(DeadLetterMarks.id("article:a4:v1"), DeadLetterMarks.id(garbageKey));
    }

    @Test
    void shouldMapALargePollOnSeveralThreadsAndKeepPollOrder() {
        FakeBulkTransport transport = new FakeBulkTransport(request -> CompletableFuture.completedFuture(FakeBulkTransport.respond(request, id -> 201)));
        pipeline = pipeline(transport, config(10_000));
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(i == 150 ? "not avro".getBytes(StandardCharsets.UTF_8) : article(String.format("m%03d", i)));
        }
        feed(values);

        pipeline.start();

        await(() -> committed() == 300);
        assertThat(metrics.documents(Pending.Kind.ARTICLE, "indexed")).isEqualTo(299);
        assertThat(producer.history()).extracting(r -> DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.SOURCE_OFFSET)).containsExactly("150");
        assertThat(indexed).hasSize(299);
        // Published in feed order: indexed_at, then article id (one poll shares one indexed_at).
        List<String> published = indexed.stream().map(doc -> doc.get("indexed_at") + "_" + doc.get("article_id")).toList();
        assertThat(published).isSorted();
    }

    @Test
    void shouldPauseWhileTooManyRecordsWaitAndCommitOnlyAfterTheAcknowledgement() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        FakeBulkTransport transport = new FakeBulkTransport(request ->
                release.thenApply(v -> (BulkResponse) FakeBulkTransport.respond(request, id -> 201)));
        pipeline = pipeline(transport, config(2));
        feed(List.of(article("b1"), article("b2"), article("b3"), article("b4")));

        pipeline.start();

        try {
            await(() -> !pausedPartitions().isEmpty());
            assertThat(committed()).isLessThanOrEqualTo(0); // nothing past the unacknowledged b1 (-1: no commit yet, commits are throttled)
            // Bounded by max.in.flight plus one poll: the four records came in one poll.
            assertThat(pipeline.inFlight()).isEqualTo(4);
        } finally {
            release.complete(null);
        }
        await(() -> committed() == 4 && pausedPartitions().isEmpty());
        assertThat(indexed).extracting(doc -> doc.get("article_id")).containsExactlyInAnyOrder("b1", "b2", "b3", "b4");
    }

    @Test
    void shouldRetryTooManyRequestsItemsUntilTheyAreIndexed() {
        AtomicInteger calls = new AtomicInteger();
        FakeBulkTransport transport = new FakeBulkTransport(request -> CompletableFuture.completedFuture(
                FakeBulkTransport.respond(request, id -> calls.incrementAndGet() <= 2 ? 429 : 201)));
        pipeline = pipeline(transport, config(1000));
        feed(List.of(article("c1")));

        pipeline.start();

        await(() -> committed() == 1);
        assertThat(metrics.documents(Pending.Kind.ARTICLE, "retried")).isEqualTo(2);
        assertThat(metrics.documents(Pending.Kind.ARTICLE, "indexed")).isEqualTo(1);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldCommitAnAlertOnlyWhenItAndItsDeliveryStateAreBothAcknowledged() {
        TopicPartition alerts = new TopicPartition(Topics.ALERTS.name(), 0);
        List<String> ids = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        AtomicLong committedWhenRetried = new AtomicLong(Long.MIN_VALUE);
        FakeBulkTransport transport = new FakeBulkTransport(request -> {
            request.operations().forEach(op -> ids.add(op.create().index() + "/" + op.create().id()));
            // First answer: the alert is written but its delivery state hits a 429, so the offset must wait.
            int call = calls.incrementAndGet();
            if (call == 2) {
                committedWhenRetried.set(committed(alerts));
            }
            return CompletableFuture.completedFuture(FakeBulkTransport.respond(request, id -> call == 1 && id.endsWith(".ops") ? 429 : 201));
        });
        IndexConfig base = config(1000);
        IndexConfig.Webhook ops = new IndexConfig.Webhook("ops", "asn-rule", URI.create("http://127.0.0.1:9/hook"), "secret");
        IndexConfig withHook = new IndexConfig(base.kafka(), base.elasticsearch(), base.bulk(), base.api(),
                new IndexConfig.Alerts(true, 100, 3, 1, 10, 1000, List.of(ops)));
        pipeline = pipeline(transport, withHook);
        byte[] alert = Topics.ALERTS.valueSerde().serializer().serialize(alerts.topic(), TestArticles.alert("al-1", "asn-rule", "a1"));
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(alerts, 0L));
            consumer.rebalance(List.of(alerts));
            consumer.addRecord(new ConsumerRecord<>(alerts.topic(), 0, 0, "al-1".getBytes(StandardCharsets.UTF_8), alert));
        });

        pipeline.start();

        await(() -> committed(alerts) == 1);
        assertThat(ids).containsExactly("alerts/al-1", "alert-deliveries/al-1.ops", "alert-deliveries/al-1.ops");
        assertThat(committedWhenRetried.get()).isBetween(-1L, 0L);
        assertThat(metrics.documents(Pending.Kind.DELIVERY, "retried")).isEqualTo(1);
        assertThat(metrics.documents(Pending.Kind.ALERT, "indexed")).isEqualTo(1);
        assertThat(indexed).isEmpty();
    }

    private IndexingPipeline pipeline(FakeBulkTransport transport, IndexConfig config) {
        return new IndexingPipeline(config, consumer, producer, new ElasticsearchClient(transport), metrics, indexed::add, Clock.systemUTC());
    }

    private void feed(List<byte[]> values) {
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
            consumer.rebalance(List.of(P0));
            for (int i = 0; i < values.size(); i++) {
                consumer.addRecord(new ConsumerRecord<>(P0.topic(), 0, i, ("k" + i).getBytes(StandardCharsets.UTF_8), values.get(i)));
            }
        });
    }

    private long committed() {
        return committed(P0);
    }

    private long committed(TopicPartition partition) {
        synchronized (consumer) {
            OffsetAndMetadata offset = consumer.committed(Set.of(partition)).get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private Set<TopicPartition> pausedPartitions() {
        synchronized (consumer) {
            return consumer.paused();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] article(String id) {
        EnrichedArticle article = TestArticles.pontianak(id, 1, "kalbar-online");
        return Topics.ENRICHED_ARTICLES.valueSerde().serializer().serialize(P0.topic(), article);
    }

    private static IndexConfig config(int maxInFlight) {
        return new IndexConfig(
                new IndexConfig.Kafka("127.0.0.1:9", "test", 500, (short) 1),
                new IndexConfig.Elasticsearch(URI.create("http://127.0.0.1:9"), 5000, "articles", "articles-v1", "alerts", "alerts-v1",
                        "alert-deliveries", "alert-deliveries-v1"),
                new IndexConfig.Bulk(3, 1_000_000, 200, 1, maxInFlight, 1, 5),
                new IndexConfig.Api(false, "127.0.0.1", 0, List.of(), 100, 100),
                new IndexConfig.Alerts(false, 100, 3, 1, 10, 1000, List.of()));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
