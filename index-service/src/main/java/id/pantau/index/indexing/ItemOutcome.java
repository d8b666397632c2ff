package id.pantau.index.indexing;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.jspecify.annotations.Nullable;

/** What one bulk item's response means for its Kafka record. */
public enum ItemOutcome {
    /** Written (created or updated): acknowledge. */
    INDEXED,
    /** Version conflict: the stored version is the same or newer, so nothing to do; acknowledge and count. */
    CONFLICT,
    /** 429, 5xx or a missing index: send again after a backoff. */
    RETRY,
    /** The mapping or the node refused the document itself: dead-letter it. */
    REJECTED;

    /** Classifies one bulk response item. */
    public static ItemOutcome of(BulkResponseItem item) {
        return of(item.status(), item.error() == null ? null : item.error().type());
    }

    /** Classifies an HTTP status and Elasticsearch error type. */
    public static ItemOutcome of(int status, @Nullable String errorType) {
        if (status >= 200 && status < 300) {
            return INDEXED;
        }
        if (status == 409) {
            return CONFLICT;
        }
        if (status == 429 || status >= 500 || "index_not_found_exception".equals(errorType)) {
            return RETRY;
        }
        return REJECTED;
    }
}
