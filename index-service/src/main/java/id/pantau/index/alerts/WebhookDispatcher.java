package id.pantau.index.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import id.pantau.index.config.IndexConfig;
import id.pantau.index.indexing.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to webhooks from the delivery state in Elasticsearch ({@link AlertDeliveries}):
 * finds due pending deliveries, re-reads each in real time, POSTs the stored JSON with an
 * HMAC-SHA256 signature ({@link WebhookSigner#HEADER}) and {@value #IDEMPOTENCY_HEADER} = alert id,
 * and records the outcome with optimistic concurrency. A failure is retried with exponential backoff
 * and jitter until the configured attempts are used up. Because the state lives in Elasticsearch a
 * restart resumes where it stopped; a crash between a receiver's 2xx and the state update can post
 * once more with the same idempotency key, which receivers use to drop duplicates.
 *
 * <p>One scheduler thread; {@link #close()} stops it.
 */
public final class WebhookDispatcher implements AutoCloseable {

    /** Header carrying the alert id, the same on every attempt. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;

    private final ElasticsearchClient es;
    private final String alias;
    private final IndexConfig.Alerts config;
    private final Map<String, IndexConfig.Webhook> webhooks = new HashMap<>();
    private final Map<String, WebhookSigner> signers = new HashMap<>();
    private final HttpClient http;
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "webhook-dispatcher"));
    private long lastErrorLogMs;

    public WebhookDispatcher(ElasticsearchClient es, String deliveriesAlias, IndexConfig.Alerts config, MeterRegistry registry, Clock clock) {
        this.es = es;
        this.alias = deliveriesAlias;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        for (IndexConfig.Webhook webhook : config.webhooks()) {
            webhooks.put(webhook.name(), webhook);
            signers.put(webhook.name(), new WebhookSigner(webhook.secret()));
        }
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.timeoutMs())).build();
        this.backoff = new Backoff(config.retryInitialMs(), config.retryMaxMs(), RandomGenerator.getDefault());
    }

    /** Starts polling every {@code index.alerts.delivery.poll.interval.ms}. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, config.pollIntervalMs(), TimeUnit.MILLISECONDS);
        LOG.info("webhook delivery started webhooks={}", webhooks.keySet());
    }

    private void pollQuietly() {
        try {
            deliverDue();
        } catch (IOException | RuntimeException e) {
            long now = clock.millis();
            if (now - lastErrorLogMs > 30_000) {
                lastErrorLogMs = now;
                LOG.warn("webhook delivery poll failed; retrying error={}", e.toString());
            }
        }
    }

    /** Delivers every due pending delivery once; returns how many were attempted. */
    @SuppressWarnings("rawtypes")
    public int deliverDue() throws IOException {
        long now = clock.millis();
        SearchResponse<Map> due = es.search(s -> s.index(alias).size(BATCH)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("state").value(AlertDeliveries.PENDING)))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("next_attempt_at").lte(JsonData.of(now)))))))
                .sort(o -> o.field(f -> f.field("next_attempt_at").order(SortOrder.Asc))), Map.class);
        int attempted = 0;
        for (Hit<Map> hit : due.hits().hits()) {
            if (attemptOne(hit.id())) {
                attempted++;
            }
        }
        return attempted;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private boolean attemptOne(String id) throws IOException {
        // Re-read in real time: the search above may lag the last state update by a refresh.
        GetResponse<Map> current = es.get(g -> g.index(alias).id(id), Map.class);
        if (!current.found() || current.source() == null || current.seqNo() == null || current.primaryTerm() == null) {
            return false;
        }
        Map<String, Object> doc = current.source();
        long now = clock.millis();
        if (!AlertDeliveries.PENDING.equals(doc.get("state")) || ((Number) doc.get("next_attempt_at")).longValue() > now) {
            return false;
        }
        String name = String.valueOf(doc.get("webhook"));
        int attempts = ((Number) doc.get("attempts")).intValue() + 1;
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("attempts", attempts);
        IndexConfig.Webhook webhook = webhooks.get(name);
        String error = webhook == null ? "webhook " + name + " is no longer configured" : post(webhook, id, doc, attempts);
        if (error == null) {
            update.put("state", AlertDeliveries.DELIVERED);
            update.put("delivered_at", now);
            count(name, "delivered");
            LOG.info("alert delivered id={} webhook={} attempts={}", id, name, attempts);
        } else if (webhook == null || attempts >= config.maxAttempts()) {
            update.put("state", AlertDeliveries.FAILED);
            update.put("last_error", error);
            count(name, "failed");
            LOG.warn("alert delivery gave up id={} webhook={} attempts={} error={}", id, name, attempts, error);
        } else {
            long delay = backoff.delayMs(attempts);
            update.put("next_attempt_at", now + delay);
            update.put("last_error", error);
            count(name, "retry");
            LOG.info("alert delivery failed; retrying id={} webhook={} attempts={} delayMs={} error={}", id, name, attempts, delay, error);
        }
        long seqNo = current.seqNo();
        long primaryTerm = current.primaryTerm();
        es.update(u -> u.index(alias).id(id).ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm).doc(update), Map.class);
        return true;
    }

    /** Posts one delivery; null on a 2xx, else the error. */
    private @Nullable String post(IndexConfig.Webhook webhook, String deliveryId, Map<String, Object> doc, int attempt) {
        byte[] body = String.valueOf(doc.get("payload")).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(Duration.ofMillis(config.timeoutMs()))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, signers.get(webhook.name()).sign(body))
                .header(IDEMPOTENCY_HEADER, String.valueOf(doc.get("alert_id")))
                .header("X-Pantau-Delivery", deliveryId)
                .header("X-Pantau-Attempt", Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void count(String webhook, String result) {
        Counter.builder("pantau.index.webhook.deliveries").tag("webhook", webhook).tag("result", result).register(registry).increment();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}
