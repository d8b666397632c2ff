package id.pantau.launcher.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.localstack.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What {@link PipelineFaultsIT} looks at: topics read to their end, the {@code articles} index in
 * Elasticsearch directly, and index-service's API and metrics. Each call opens what it needs (a
 * consumer per read), so it works across broker and node restarts. Thread-safe.
 */
final class PipelineProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEARCH_ALL =
            "{\"size\":1000,\"_source\":[\"article_id\",\"version\",\"content_hash\",\"url\",\"story_cluster_id\"]}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile String lastMetrics = "(not read yet)";

    private final LocalStack stack;
    private final URI api;
    private final String apiKey;

    /**
     * @param api base URI of index-service's API, e.g. {@code http://127.0.0.1:41234}
     * @param apiKey a key the API accepts
     */
    PipelineProbe(LocalStack stack, URI api, String apiKey) {
        this.stack = stack;
        this.api = api;
        this.apiKey = apiKey;
    }

    /** Every record of {@code topic} up to its end (the last stable offset under {@code read_committed}). */
    List<ConsumerRecord<byte[], byte[]>> readTopic(String topic, String isolation) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        ByteArrayDeserializer bytes = new ByteArrayDeserializer();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, bytes, bytes)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("cannot read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Every document of the {@code articles} alias by article id, after a refresh.
     *
     * @throws AssertionError when an article id is stored twice or under another {@code _id}
     */
    Map<String, JsonNode> elasticsearchArticles() throws IOException, InterruptedException {
        URI es = stack.elasticsearchUri();
        send(HttpRequest.newBuilder(es.resolve("/articles/_refresh")).POST(HttpRequest.BodyPublishers.noBody()));
        JsonNode result = send(HttpRequest.newBuilder(es.resolve("/articles/_search")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SEARCH_ALL)));
        Map<String, JsonNode> docs = new TreeMap<>();
        for (JsonNode hit : result.path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            String id = source.path("article_id").asText();
            if (docs.put(id, source) != null || !hit.path("_id").asText().equals(id)) {
                throw new AssertionError("article " + id + " stored twice or under another _id " + hit.path("_id"));
            }
        }
        return docs;
    }

    /** {@link #elasticsearchArticles()}, or none while the node does not answer. */
    Map<String, JsonNode> elasticsearchArticlesOrNone() {
        try {
            return elasticsearchArticles();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** {@code _count} of the {@code articles} alias. */
    long countArticles() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(stack.elasticsearchUri().resolve("/articles/_count")).GET()).path("count").asLong();
    }

    /** GET of an API path with the key; the JSON answer. */
    JsonNode apiGet(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("X-Api-Key", apiKey).GET());
    }

    /** index-service's {@code pantau_index_in_flight_records} gauge: records read and not yet acknowledged; -1 when it does not answer. */
    int indexInFlight() throws InterruptedException {
        try {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(api.resolve("/metrics")).header("X-Api-Key", apiKey)
                    .timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("pantau_index_in_flight_records")) {
                    lastMetrics = line;
                    return (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            lastMetrics = "HTTP " + metrics.statusCode() + " without the gauge: " + metrics.body().lines().limit(3).toList();
            return -1;
        } catch (IOException e) {
            lastMetrics = e.toString();
            return -1;
        }
    }

    /** What the last {@link #indexInFlight} read: the gauge's line, or why there was none. */
    String lastMetrics() {
        return lastMetrics;
    }

    private static JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
