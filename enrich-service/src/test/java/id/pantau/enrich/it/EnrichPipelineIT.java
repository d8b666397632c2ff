package id.pantau.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import id.pantau.enrich.EnrichApp;
import id.pantau.enrich.config.EnrichConfig;
import id.pantau.enrich.config.EnrichConfigLoader;
import id.pantau.schemas.DeadLetterHeaders;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** From news.articles.raw to news.articles.enriched, news.alerts and news.dlq on a real broker, exactly once. */
@ExtendWith(LocalStackExtension.class)
class EnrichPipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path stateDir;

    static RawArticle article(String id, String outlet, String title, String... paragraphs) {
        return RawArticle.newBuilder().setArticleId(id).setVersion(1).setOutletId(outlet).setUrl("https://" + outlet + ".example/" + id)
                .setCanonicalUrl("https://" + outlet + ".example/" + id).setFetchedAt(Instant.now()).setTitle(title)
                .setBodyParagraphs(List.of(paragraphs)).setContentHash("h-" + id).setExtractionMethod("profile").build();
    }

    @Test
    void shouldEnrichGroupAlertOnceAndDeadLetterOnRealBroker(LocalStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        EnrichConfig defaults = EnrichConfigLoader.defaults();
        EnrichConfig config = new EnrichConfig(
                new EnrichConfig.Kafka(stack.kafkaBootstrapServers(), "enrich-it-" + run, stateDir.toString(), 1, 100, 1),
                defaults.rules(), defaults.officials(), defaults.story(), defaults.outletProvinces());
        String first = "it-" + run + "-a";
        String copy = "it-" + run + "-b";
        String shared = " Rapat koordinasi kesiapsiagaan netralitas ASN dan kepala desa digelar Bawaslu Kalbar di Pontianak pada Senin,"
                + " 18 November 2024, dihadiri penjabat bupati dan camat dari empat belas kabupaten dan kota.";

        try (AutoCloseable app = EnrichApp.start(config);
                var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer())) {
            var serde = Topics.RAW_ARTICLES.valueSerde();
            producer.send(record(first, serde.serializer().serialize("", article(first, "tribun-pontianak", "ASN dan Kades Diminta Jaga Netralitas",
                    "Pj Gubernur Kalimantan Barat Harisson mengingatkan seluruh ASN dan kepala desa agar menjaga netralitas menjelang pilkada." + shared))));
            producer.flush();
            // articles on different partitions have no order; wait so the first one really is first
            assertThat(readUntil(stack, Topics.ENRICHED_ARTICLES.name(), 1, r -> key(r).equals(first))).hasSize(1);
            producer.send(record("it-" + run + "-bad", "bukan avro".getBytes(StandardCharsets.UTF_8)));
            producer.send(record(copy, serde.serializer().serialize("", article(copy, "infopublik", "Harisson Minta ASN dan Kades Netral",
                    "Harisson mengingatkan seluruh ASN dan kepala desa agar menjaga netralitas menjelang pilkada serentak." + shared))));
            producer.flush();

            List<ConsumerRecord<byte[], byte[]>> enriched = readUntil(stack, Topics.ENRICHED_ARTICLES.name(), 2, r -> key(r).startsWith("it-" + run));
            List<ConsumerRecord<byte[], byte[]>> alerts = readUntil(stack, Topics.ALERTS.name(), 1,
                    r -> decode(Topics.ALERTS.valueSerde().deserializer(), r).getArticleId().startsWith("it-" + run));
            List<ConsumerRecord<byte[], byte[]>> dead = readUntil(stack, Topics.DEAD_LETTERS.name(), 1, r -> key(r).equals("it-" + run + "-bad"));

            assertThat(enriched).extracting(r -> {
                EnrichedArticle a = decode(Topics.ENRICHED_ARTICLES.valueSerde().deserializer(), r);
                return a.getArticle().getArticleId() + "->" + a.getStoryClusterId();
            }).containsExactly(first + "->" + first, copy + "->" + first);
            assertThat(alerts).extracting(r -> decode(Topics.ALERTS.valueSerde().deserializer(), r))
                    .extracting(Alert::getRuleId, Alert::getArticleId, Alert::getStoryClusterId)
                    .containsExactly(tuple("neutrality-appeal-kalimantan", first, first));
            assertThat(dead).hasSize(1);
            assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.REASON)).isEqualTo("DESERIALIZATION_BAD_HEADER");
            assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.RAW_ARTICLES.name());
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("bukan avro");
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ProducerRecord<>(Topics.RAW_ARTICLES.name(), key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static <T> T decode(Deserializer<T> deserializer, ConsumerRecord<byte[], byte[]> record) {
        return deserializer.deserialize(record.topic(), record.value());
    }

    /**
     * Reads committed records of {@code topic} matching {@code filter} until {@code expected} arrived,
     * then 2 s more to catch duplicates, which exactly-once must not produce.
     */
    static List<ConsumerRecord<byte[], byte[]>> readUntil(LocalStack stack, String topic, int expected,
            Predicate<ConsumerRecord<byte[], byte[]>> filter) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
                if (found.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return found;
    }
}
