package id.pantau.index.indexing;

import id.pantau.schemas.avro.Alert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an {@link Alert} into the document of {@code es/alerts-v1.json}. Stateless and thread-safe. */
public final class AlertDocumentMapper {

    public Map<String, Object> toDocument(Alert alert, Instant indexedAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("alert_id", alert.getAlertId());
        doc.put("rule_id", alert.getRuleId());
        doc.put("article_id", alert.getArticleId());
        doc.put("article_version", alert.getArticleVersion());
        doc.put("story_cluster_id", alert.getStoryClusterId());
        doc.put("outlet", alert.getOutletId());
        doc.put("title", alert.getTitle());
        doc.put("url", alert.getUrl());
        doc.put("reason", alert.getReason());
        doc.put("raised_at", alert.getRaisedAt().toEpochMilli());
        doc.put("indexed_at", indexedAt.toEpochMilli());
        return doc;
    }
}
