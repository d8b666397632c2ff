package id.pantau.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.pantau.index.alerts.WebhookDispatcher;
import id.pantau.index.alerts.WebhookSigner;
import id.pantau.index.config.IndexConfig;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Alert;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class WebhookDeliveryIT {

    private static final String SECRET = "rahasia-webhook-uji";

    /** One request the receiver got. */
    record Received(String idempotencyKey, String signature, String body, int answered) {}

    @Test
    void shouldDeliverOncePerIdempotencyKeyToAReceiverThatFailsTwiceThenSucceeds(LocalStack stack) throws Exception {
        ItSupport.topics(stack);
        List<Received> received = new CopyOnWriteArrayList<>();
        Map<String, Integer> accepted = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst(WebhookDispatcher.IDEMPOTENCY_HEADER);
            int status = calls.incrementAndGet() <= 2 ? 503 : 200;
            if (status == 200 && accepted.merge(key, 1, Integer::sum) > 1) {
                status = 208; // a duplicate: acknowledged, not processed again
            }
            received.add(new Received(key, exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER), new String(body, StandardCharsets.UTF_8), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        String rule = "rule-" + UUID.randomUUID().toString().substring(0, 8);
        String alertId = "alert-" + UUID.randomUUID();
        IndexConfig.Webhook webhook = new IndexConfig.Webhook("ops", rule,
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), SECRET);
        Alert alert = TestArticles.alert(alertId, rule, "article-" + alertId);
        try (IndexApp.Running service = IndexApp.start(ItSupport.config(stack, "it-webhook-" + UUID.randomUUID(), List.of(webhook)));
                KafkaProducer<String, Alert> producer = ItSupport.alertProducer(stack)) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alertId, alert)).get();
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alertId, alert)).get();

            ItSupport.await(Duration.ofSeconds(60), () -> received.stream().anyMatch(r -> r.answered() == 200));
            ItSupport.await(Duration.ofSeconds(30), () -> ItSupport.get(service.apiPort(), "/api/alerts?rule=" + rule).json().path("total").asInt() == 1);
        }
        // A restart replays nothing already delivered: the state is in Elasticsearch.
        String replayGroup = "it-webhook-replay-" + UUID.randomUUID();
        try (IndexApp.Running again = IndexApp.start(ItSupport.config(stack, replayGroup, List.of(webhook)))) {
            ItSupport.await(Duration.ofSeconds(60), () -> ItSupport.caughtUp(stack, replayGroup, Topics.ALERTS.name()));
            Thread.sleep(2000); // twenty dispatcher polls: time enough for a wrong second delivery to show
        } finally {
            receiver.stop(0);
        }

        List<Received> mine = received.stream().filter(r -> alertId.equals(r.idempotencyKey())).toList();
        assertThat(mine).extracting(Received::answered).containsExactly(503, 503, 200);
        assertThat(accepted).containsExactly(Map.entry(alertId, 1));
        WebhookSigner signer = new WebhookSigner(SECRET);
        assertThat(mine).allMatch(r -> signer.verify(r.body().getBytes(StandardCharsets.UTF_8), r.signature()));
        assertThat(mine.get(2).body()).contains("\"alert_id\":\"" + alertId + "\"").contains("\"rule_id\":\"" + rule + "\"");
    }
}
