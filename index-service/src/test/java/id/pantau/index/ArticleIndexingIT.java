package id.pantau.index;

import static id.pantau.index.ItSupport.await;
import static id.pantau.index.ItSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.index.indexing.Pending;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import id.pantau.schemas.DeadLetterHeaders;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.EnrichedArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class ArticleIndexingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static LocalStack stack;
    private static IndexApp.Running service;
    private static ElasticsearchClient es;
    private static KafkaProducer<String, EnrichedArticle> producer;

    @BeforeAll
    static void start(LocalStack localStack) {
        stack = localStack;
        ItSupport.topics(stack);
        es = ItSupport.es(stack);
        producer = ItSupport.articleProducer(stack);
        service = IndexApp.start(ItSupport.config(stack, "it-articles-" + UUID.randomUUID(), List.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
        producer.close();
        es._transport().close();
    }

    @Test
    void shouldFindIndexedArticlesThroughTheSearchApiWithFacets() {
        String outlet = "outlet-" + UUID.randomUUID().toString().substring(0, 8);
        ItSupport.send(producer, TestArticles.pontianak(outlet + "-1", 1, outlet));
        ItSupport.send(producer, TestArticles.pontianak(outlet + "-2", 1, outlet));
        ItSupport.send(producer, TestArticles.mempawah(outlet + "-3", 1, outlet));

        await(WAIT, () -> {
            ItSupport.refresh(es);
            return get(service.apiPort(), "/api/search?outlet=" + outlet).json().path("total").asInt() == 3;
        });
        JsonNode all = get(service.apiPort(), "/api/search?outlet=" + outlet).json();
        JsonNode mempawah = get(service.apiPort(), "/api/search?outlet=" + outlet + "&region=61.04").json();
        JsonNode text = get(service.apiPort(), "/api/search?outlet=" + outlet + "&q=netralitas").json();
        JsonNode official = get(service.apiPort(), "/api/search?outlet=" + outlet + "&official=off-harisson&topic=neutrality.asn").json();
        JsonNode paged = get(service.apiPort(), "/api/search?outlet=" + outlet + "&size=2&page=1").json();

        assertThat(facet(all, "region")).isEqualTo(Map.of("61", 3L, "61.71", 2L, "61.04", 1L, "61.04.01", 1L));
        assertThat(facet(all, "official")).isEqualTo(Map.of("off-harisson", 2L, "off-pipit", 1L));
        assertThat(facet(all, "organisation")).isEqualTo(Map.of("bawaslu:61", 2L, "polda:61", 1L));
        assertThat(facet(all, "topic")).isEqualTo(Map.of("neutrality.asn", 2L));
        assertThat(facet(all, "outlet")).isEqualTo(Map.of(outlet, 3L));
        assertThat(facet(all, "regency")).isEqualTo(Map.of("Kota Pontianak", 2L, "Kabupaten Mempawah", 1L));
        assertThat(ids(mempawah)).containsExactly(outlet + "-3");
        assertThat(ids(text)).containsExactlyInAnyOrder(outlet + "-1", outlet + "-2");
        assertThat(ids(official)).containsExactlyInAnyOrder(outlet + "-1", outlet + "-2");
        assertThat(paged.path("hits").size()).isEqualTo(1);
        assertThat(paged.path("total").asInt()).isEqualTo(3);
        JsonNode article = get(service.apiPort(), "/api/articles/" + outlet + "-3").json();
        assertThat(article.path("regency_names").get(0).asText()).isEqualTo("Kabupaten Mempawah");
        assertThat(article.path("quotes").get(0).path("speaker").asText()).isEqualTo("Pipit Rismanto");
    }

    @Test
    void shouldKeepTheNewerVersionWhenAnOlderOneArrivesLater() throws Exception {
        String id = "versioned-" + UUID.randomUUID();
        ItSupport.send(producer, TestArticles.pontianak(id, 2, "kalbar-online"));
        ItSupport.send(producer, TestArticles.pontianak(id, 1, "kalbar-online"));
        ItSupport.send(producer, TestArticles.pontianak(id + "-marker", 1, "kalbar-online"));

        await(WAIT, () -> exists(id + "-marker"));
        GetResponse<Map> stored = es.get(g -> g.index("articles").id(id), Map.class);

        assertThat(stored.version()).isEqualTo(2L);
        assertThat(stored.source().get("version")).isEqualTo(2);
        assertThat((String) stored.source().get("body")).contains("(versi 2)");
    }

    @Test
    void shouldSendADocumentTheMappingRejectsToTheDeadLetterTopicAndIndexTheRest() {
        String id = "rejected-" + UUID.randomUUID();
        EnrichedArticle huge = TestArticles.pontianak(id, 1, "kalbar-online");
        // A keyword term over Lucene's 32766-byte limit: the mapping cannot index it.
        huge.getArticle().setSection("x".repeat(40_000));
        ItSupport.send(producer, huge);
        ItSupport.send(producer, TestArticles.pontianak(id + "-ok", 1, "kalbar-online"));

        await(WAIT, () -> exists(id + "-ok"));
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        await(WAIT, () -> {
            dead.addAll(deadLetters(ItSupport.class.getSimpleName()));
            return dead.stream().anyMatch(r -> id.equals(new String(r.key(), StandardCharsets.UTF_8)));
        });

        ConsumerRecord<byte[], byte[]> letter = dead.stream().filter(r -> id.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .findFirst().orElseThrow();
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("MAPPING_REJECTED");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SERVICE)).isEqualTo("index");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.ENRICHED_ARTICLES.name());
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.MESSAGE)).startsWith("status 400 document_parsing_exception: ")
                .contains("failed to parse field [section] of type [keyword]").hasSizeLessThanOrEqualTo(600);
        assertThat(Topics.ENRICHED_ARTICLES.valueSerde().deserializer().deserialize("t", letter.value()).getArticle().getArticleId()).isEqualTo(id);
        assertThat(exists(id)).isFalse();
    }

    @Test
    void shouldSendUndecodableRecordsToTheDeadLetterTopic() {
        String key = "garbage-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = ItSupport.rawProducer(stack)) {
            raw.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), key, new byte[] {1, 2, 3})).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        await(WAIT, () -> {
            dead.addAll(deadLetters("garbage"));
            return dead.stream().anyMatch(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)));
        });

        ConsumerRecord<byte[], byte[]> letter = dead.stream().filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .findFirst().orElseThrow();
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("BAD_HEADER");
        assertThat(letter.value()).containsExactly(1, 2, 3);
    }

    @Test
    void shouldAnswer401WithoutAKeyAnd403WithAWrongOneButLeaveHealthOpen() {
        ItSupport.Response missing = get(service.apiPort(), "/api/search", null);
        ItSupport.Response wrong = get(service.apiPort(), "/api/search", "salah");
        ItSupport.Response health = get(service.apiPort(), "/health", null);
        ItSupport.Response notFound = get(service.apiPort(), "/api/articles/tidak-ada");
        ItSupport.Response badDate = get(service.apiPort(), "/api/search?from=kemarin");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("error").asText()).isEqualTo("missing API key: send it in the X-Api-Key header");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().path("error").asText()).isEqualTo("API key not accepted");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text()).doesNotContain("Exception").doesNotContain("at id.pantau");
        assertThat(get(service.apiPort(), "/metrics", null).status()).isEqualTo(401);
        assertThat(get(service.apiPort(), "/metrics").text()).contains("pantau_index_documents_total").contains("pantau_index_consumer_lag_records");
    }

    @Test
    void shouldNotSendRejectedOrUndecodableRecordsToTheDeadLetterTopicAgainOnReplay() throws Exception {
        String id = "rejected-replay-" + UUID.randomUUID();
        EnrichedArticle huge = TestArticles.pontianak(id, 1, "kalbar-online");
        huge.getArticle().setSection("x".repeat(40_000));
        ItSupport.send(producer, huge);
        String garbageKey = "garbage-replay-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = ItSupport.rawProducer(stack)) {
            raw.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), garbageKey, new byte[] {7, 7, 7})).get();
        }
        // Sent once, and its marker written (the offset is acknowledged only after the marker).
        await(WAIT, () -> deadLetterCount(id) == 1 && deadLetterCount(garbageKey) == 1 && markers("doc_id", id) == 1);

        String group = "it-dlq-replay-" + UUID.randomUUID();
        try (IndexApp.Running replay = IndexApp.start(ItSupport.config(stack, group, List.of()))) {
            await(WAIT, () -> ItSupport.caughtUp(stack, group, Topics.ENRICHED_ARTICLES.name()));
            assertThat(replay.metrics().deadLettersSkipped("MAPPING_REJECTED")).isPositive();
            assertThat(replay.metrics().deadLettersSkipped("BAD_HEADER")).isPositive();
            assertThat(replay.metrics().deadLetters("MAPPING_REJECTED")).isZero();
        }

        assertThat(deadLetterCount(id)).isEqualTo(1);
        assertThat(deadLetterCount(garbageKey)).isEqualTo(1);
        assertThat(markers("doc_id", id)).isEqualTo(1);
    }

    private static long deadLetterCount(String key) {
        return deadLetters("count").stream().filter(r -> r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .count();
    }

    private static long markers(String field, String value) {
        try {
            es.indices().refresh(r -> r.index("dead-letters"));
            return es.count(c -> c.index("dead-letters").query(q -> q.term(t -> t.field(field).value(value)))).count();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void shouldChangeNothingWhenTheTopicIsReplayedFromOffsetZero() throws Exception {
        String outlet = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            ItSupport.send(producer, TestArticles.pontianak(outlet + "-" + i, 1, outlet));
        }
        await(WAIT, () -> exists(outlet + "-4"));
        ItSupport.refresh(es);
        Map<String, Long> seqNos = seqNos(outlet);

        String group = "it-replay-" + UUID.randomUUID();
        try (IndexApp.Running replay = IndexApp.start(ItSupport.config(stack, group, List.of()))) {
            await(WAIT, () -> ItSupport.caughtUp(stack, group, Topics.ENRICHED_ARTICLES.name()));
            assertThat(replay.metrics().documents(Pending.Kind.ARTICLE, "conflict")).isGreaterThanOrEqualTo(5);
            assertThat(replay.metrics().documents(Pending.Kind.ARTICLE, "indexed")).isZero();
        }
        ItSupport.refresh(es);

        assertThat(seqNos(outlet)).isEqualTo(seqNos);
        assertThat(get(service.apiPort(), "/api/search?outlet=" + outlet).json().path("total").asInt()).isEqualTo(5);
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Long> seqNos(String outlet) throws Exception {
        Map<String, Long> out = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            String id = outlet + "-" + i;
            GetResponse<Map> doc = es.get(g -> g.index("articles").id(id), Map.class);
            out.put(id, doc.seqNo());
        }
        return out;
    }

    private static boolean exists(String id) {
        try {
            return es.exists(e -> e.index("articles").id(id)).value();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(String group) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-" + group + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS.name()));
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
                if (!out.isEmpty() && consumer.assignment().stream().allMatch(tp -> consumer.position(tp) >= consumer.endOffsets(List.of(tp)).get(tp))) {
                    break;
                }
            }
        }
        return out;
    }

    private static Map<String, Long> facet(JsonNode page, String name) {
        Map<String, Long> out = new HashMap<>();
        page.path("facets").path(name).forEach(bucket -> out.put(bucket.path("key").asText(), bucket.path("count").asLong()));
        return out;
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("hits").forEach(hit -> out.add(hit.path("article_id").asText()));
        return out;
    }
}
