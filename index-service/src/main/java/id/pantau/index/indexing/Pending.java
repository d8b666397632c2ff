package id.pantau.index.indexing;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * One bulk operation (or dead letter) on behalf of one Kafka record: the {@code BulkIngester}
 * context that carries the record's coordinates and bytes back to the consumer thread.
 *
 * @param partition source partition
 * @param offset source offset
 * @param key original key bytes, kept for the dead-letter topic
 * @param value original value bytes, kept for the dead-letter topic
 * @param kind what the operation writes
 * @param docId Elasticsearch document id
 * @param operation the bulk operation; null for a record that goes straight to the dead-letter topic
 * @param document the article document, for the live feed; null for other kinds
 * @param attempt 0 for the first send, n for the n-th retry
 */
public record Pending(
        TopicPartition partition,
        long offset,
        byte @Nullable [] key,
        byte @Nullable [] value,
        Kind kind,
        String docId,
        @Nullable BulkOperation operation,
        @Nullable Map<String, Object> document,
        int attempt) {

    /** What a pending operation writes. */
    public enum Kind {
        ARTICLE,
        ALERT,
        DELIVERY,
        /** The marker recording that a record went to the dead-letter topic (see {@link DeadLetterMarks}). */
        DEAD_LETTER
    }

    /** The same operation, one attempt later. */
    public Pending nextAttempt() {
        return new Pending(partition, offset, key, value, kind, docId, operation, document, attempt + 1);
    }
}
