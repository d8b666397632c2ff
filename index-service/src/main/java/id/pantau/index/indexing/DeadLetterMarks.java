package id.pantau.index.indexing;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Deterministic keys of dead letters and the create-only marker documents that record them, so a
 * replay of the source topic finds the marker and does not send the same dead letter again.
 *
 * <p>Key: for a document Elasticsearch rejected, its kind, id and external version
 * ({@code article:<id>:v<version>}; alerts and delivery states are create-only and have no version),
 * so the same document version replayed, or published again, is recognised; for a record that could
 * not be decoded or mapped (no id to go by), its source coordinates and a SHA-256 of its value
 * ({@code record:<topic>:<partition>:<offset>:<hash>}), so a recreated topic whose offsets start
 * again is not mistaken for the old one. The marker's document id is the hex SHA-256 of the key
 * (bounded length whatever the article id). Stateless and thread-safe.
 */
final class DeadLetterMarks {

    private final String alias;

    DeadLetterMarks(String alias) {
        this.alias = alias;
    }

    /** The dedupe key of {@code pending}'s dead letter. */
    static String key(Pending pending) {
        BulkOperation op = pending.operation();
        if (op == null) {
            return "record:" + pending.partition().topic() + ":" + pending.partition().partition() + ":" + pending.offset() + ":"
                    + (pending.value() == null ? "null" : hex(sha256(pending.value())));
        }
        String kind = pending.kind().name().toLowerCase(Locale.ROOT);
        Long version = op.isIndex() ? op.index().version() : null;
        return kind + ":" + pending.docId() + (version == null ? "" : ":v" + version);
    }

    /** The marker's document id for {@code key}. */
    static String id(String key) {
        return hex(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Marker alias (reads and writes go through it). */
    String alias() {
        return alias;
    }

    /** The create-only marker of {@code pending}'s dead letter, as a pending operation of kind DEAD_LETTER on the same record. */
    Pending marker(Pending pending, String reason, Instant at) {
        String key = key(pending);
        String id = id(key);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("key", key);
        doc.put("reason", reason);
        doc.put("doc_id", pending.docId());
        doc.put("source_topic", pending.partition().topic());
        doc.put("source_partition", pending.partition().partition());
        doc.put("source_offset", pending.offset());
        doc.put("dead_lettered_at", at.toEpochMilli());
        BulkOperation create = BulkOperation.of(b -> b.create(c -> c.index(alias).id(id).document(doc)));
        return new Pending(pending.partition(), pending.offset(), pending.key(), pending.value(), Pending.Kind.DEAD_LETTER, id, create, null, 0);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable in this JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
