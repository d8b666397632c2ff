package id.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.index.api.ApiKeyAuth;
import id.pantau.index.config.IndexConfig;
import id.pantau.index.indexing.ElasticsearchClients;
import id.pantau.localstack.LocalStack;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Shared helpers of the integration tests: config on the local stack, producers, API calls, waiting. */
public final class ItSupport {

    public static final String API_KEY = "kunci-uji-integrasi";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ItSupport() {}

    /** Creates the topics index-service reads and writes. */
    public static void topics(LocalStack stack) {
        stack.createTopic(Topics.ENRICHED_ARTICLES.name(), Topics.ENRICHED_ARTICLES.partitions(), false);
        stack.createTopic(Topics.ALERTS.name(), Topics.ALERTS.partitions(), false);
        stack.createTopic(Topics.DEAD_LETTERS.name(), Topics.DEAD_LETTERS.partitions(), false);
    }

    public static IndexConfig config(LocalStack stack, String groupId, List<IndexConfig.Webhook> webhooks) {
        return new IndexConfig(
                new IndexConfig.Kafka(stack.kafkaBootstrapServers(), groupId, 500, (short) 1),
                new IndexConfig.Elasticsearch(stack.elasticsearchUri(), 10_000, "articles", "articles-v1", "alerts", "alerts-v1",
                        "alert-deliveries", "alert-deliveries-v1"),
                new IndexConfig.Bulk(500, 5_242_880, 50, 2, 5000, 100, 2000),
                new IndexConfig.Api(true, "127.0.0.1", 0, List.of(ApiKeyAuth.hash(API_KEY)), 100, 1000),
                new IndexConfig.Alerts(true, 100, 5, 100, 400, 2000, webhooks));
    }

    public static ElasticsearchClient es(LocalStack stack) {
        return ElasticsearchClients.create(new IndexConfig.Elasticsearch(stack.elasticsearchUri(), 10_000, "articles", "articles-v1", "alerts",
                "alerts-v1", "alert-deliveries", "alert-deliveries-v1"));
    }

    public static KafkaProducer<String, EnrichedArticle> articleProducer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                Topics.ENRICHED_ARTICLES.keySerde().serializer(), Topics.ENRICHED_ARTICLES.valueSerde().serializer());
    }

    public static KafkaProducer<String, byte[]> rawProducer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static KafkaProducer<String, Alert> alertProducer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer());
    }

    public static void send(KafkaProducer<String, EnrichedArticle> producer, EnrichedArticle article) {
        try {
            producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), article.getArticle().getArticleId(), article)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + article.getArticle().getArticleId(), e);
        }
    }

    /** GET {@code path} on the API with the test key; returns status and parsed JSON body. */
    public static Response get(int port, String path) {
        return get(port, path, API_KEY);
    }

    public static Response get(int port, String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        if (apiKey != null) {
            request.header(ApiKeyAuth.HEADER, apiKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            JsonNode body = json && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.nullNode();
            return new Response(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    public record Response(int status, JsonNode json, String text) {}

    /** Waits until {@code condition} holds, polling every 100 ms, up to {@code timeout}. */
    public static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** True when {@code group} has committed the end offset of every partition of {@code topic}. */
    public static boolean caughtUp(LocalStack stack, String group, String topic) {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get();
            for (var entry : ends.entrySet()) {
                var offset = committed.get(entry.getKey());
                if (entry.getValue().offset() > 0 && (offset == null || offset.offset() < entry.getValue().offset())) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Refreshes the articles, alerts and deliveries indices so searches see every acknowledged write. */
    public static void refresh(ElasticsearchClient es) {
        try {
            es.indices().refresh(r -> r.index("articles", "alerts", "alert-deliveries"));
        } catch (IOException e) {
            throw new IllegalStateException("refresh failed", e);
        }
    }
}
