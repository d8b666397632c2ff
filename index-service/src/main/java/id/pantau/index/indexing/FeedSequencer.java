package id.pantau.index.indexing;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Hands indexed article documents to the live feed in feed order, the order a resumed feed reads
 * back from Elasticsearch: {@code (indexed_at, article_id)} ascending. Bulk responses come back in
 * any order (two requests in flight, retries), and several articles share a millisecond, so
 * publishing in acknowledgement order would let a client's {@code Last-Event-ID} skip an article
 * acknowledged later with a smaller position, or repeat one with a larger position.
 *
 * <p>So a document is released only when (1) every document mapped before it with a smaller or
 * equal position has been resolved (indexed, or a conflict or rejection, which publish nothing),
 * and (2) its millisecond is over: {@link #indexedAt} never hands out a millisecond at or below one
 * already released, so no later document can take a position before a released one. Released
 * positions are therefore strictly increasing. A document waiting for a retry holds back the feed
 * behind it (the feed stays ordered during an outage and catches up after it).
 *
 * <p>Keys compare article ids with {@link String#compareTo}, the same order as Elasticsearch's
 * keyword sort for any id without characters beyond U+FFFF mixed with U+E000..U+FFFF.
 * Not thread-safe: the consumer thread alone calls it.
 */
final class FeedSequencer {

    private record Key(long indexedAt, String articleId, String topic, int partition, long offset) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(indexedAt, o.indexedAt);
            if (c == 0) {
                c = articleId.compareTo(o.articleId);
            }
            if (c == 0) {
                c = topic.compareTo(o.topic);
            }
            if (c == 0) {
                c = Integer.compare(partition, o.partition);
            }
            return c != 0 ? c : Long.compare(offset, o.offset);
        }
    }

    private static final class Slot {
        private boolean resolved;
        private @Nullable Map<String, Object> document;
    }

    private final TreeMap<Key, Slot> slots = new TreeMap<>();
    private long floorMs = Long.MIN_VALUE;

    /** The {@code indexed_at} for a document mapped at {@code nowMs}: never at or below a released millisecond. */
    long indexedAt(long nowMs) {
        floorMs = Math.max(floorMs, nowMs);
        return floorMs;
    }

    /** Registers an article operation (one with a document) in feed order, unresolved. */
    void register(Pending pending) {
        slots.put(key(pending), new Slot());
    }

    /** Resolves an article operation: its document is published when {@code publish}, else nothing. */
    void resolve(Pending pending, boolean publish) {
        Slot slot = slots.get(key(pending));
        if (slot != null) {
            slot.resolved = true;
            slot.document = publish ? pending.document() : null;
        }
    }

    /** Drops the operations of revoked partitions; their records are read again, with new positions. */
    void forget(Collection<TopicPartition> partitions) {
        slots.keySet().removeIf(k -> partitions.contains(new TopicPartition(k.topic(), k.partition())));
    }

    /** Publishes, in order, every resolved document whose predecessors are resolved and whose millisecond is over. */
    void release(long nowMs, Consumer<Map<String, Object>> publish) {
        floorMs = Math.max(floorMs, nowMs);
        while (!slots.isEmpty()) {
            Map.Entry<Key, Slot> first = slots.firstEntry();
            if (!first.getValue().resolved || first.getKey().indexedAt() >= floorMs) {
                return;
            }
            slots.pollFirstEntry();
            if (first.getValue().document != null) {
                publish.accept(first.getValue().document);
            }
        }
    }

    /** Article operations registered and not yet released. */
    int waiting() {
        return slots.size();
    }

    private static Key key(Pending pending) {
        Map<String, Object> doc = pending.document();
        if (doc == null) {
            throw new IllegalArgumentException("only article operations with a document take part in the feed order");
        }
        return new Key(((Number) doc.get("indexed_at")).longValue(), String.valueOf(doc.get("article_id")),
                pending.partition().topic(), pending.partition().partition(), pending.offset());
    }
}
