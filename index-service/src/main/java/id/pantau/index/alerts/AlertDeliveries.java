package id.pantau.index.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.index.config.IndexConfig;
import id.pantau.schemas.avro.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery-state documents of {@code es/alert-deliveries-v1.json}: one per alert and webhook,
 * id {@code <alertId>.<webhook>}, created together with the alert (create-only, so a replayed alert
 * never resets a delivery) and advanced by {@link WebhookDispatcher}. The payload is stored as the
 * exact JSON text that is signed and posted on every attempt. Stateless.
 */
public final class AlertDeliveries {

    /** Waiting for its next attempt. */
    public static final String PENDING = "pending";
    /** The receiver answered 2xx. */
    public static final String DELIVERED = "delivered";
    /** Gave up after the configured attempts. */
    public static final String FAILED = "failed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertDeliveries() {}

    /** A new delivery to prepare: document id and document. */
    public record NewDelivery(String id, Map<String, Object> document) {}

    /** The deliveries {@code alert} needs, one per webhook that accepts its rule. */
    public static List<NewDelivery> forAlert(Alert alert, List<IndexConfig.Webhook> webhooks, Instant now) {
        List<NewDelivery> out = new ArrayList<>();
        for (IndexConfig.Webhook webhook : webhooks) {
            if (!webhook.accepts(alert.getRuleId())) {
                continue;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("alert_id", alert.getAlertId());
            doc.put("rule_id", alert.getRuleId());
            doc.put("webhook", webhook.name());
            doc.put("state", PENDING);
            doc.put("attempts", 0);
            doc.put("next_attempt_at", now.toEpochMilli());
            doc.put("payload", payload(alert));
            out.add(new NewDelivery(alert.getAlertId() + "." + webhook.name(), doc));
        }
        return out;
    }

    /** The JSON body posted for {@code alert}. */
    public static String payload(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert_id", alert.getAlertId());
        body.put("rule_id", alert.getRuleId());
        body.put("article_id", alert.getArticleId());
        body.put("article_version", alert.getArticleVersion());
        body.put("story_cluster_id", alert.getStoryClusterId());
        body.put("outlet", alert.getOutletId());
        body.put("title", alert.getTitle());
        body.put("url", alert.getUrl());
        body.put("reason", alert.getReason());
        body.put("raised_at", alert.getRaisedAt().toString());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + alert.getAlertId() + " as JSON", e);
        }
    }
}
