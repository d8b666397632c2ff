package id.pantau.index.indexing;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.index.alerts.AlertDeliveries;
import id.pantau.index.config.IndexConfig;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.serde.PayloadDecodingException;
import id.pantau.schemas.serde.SingleObjectAvroSerde;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns one consumed record into its bulk operations: an article into an index operation with
 * id = article id and external version = article version; an alert into a create-only operation
 * plus one create-only delivery state per matching webhook. Thread-safe.
 */
final class RecordOperations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IndexConfig config;
    private final Clock clock;
    private final SingleObjectAvroSerde<EnrichedArticle> articleSerde = (SingleObjectAvroSerde<EnrichedArticle>) Topics.ENRICHED_ARTICLES.valueSerde();
    private final SingleObjectAvroSerde<Alert> alertSerde = (SingleObjectAvroSerde<Alert>) Topics.ALERTS.valueSerde();
    private final ArticleDocumentMapper articleMapper = new ArticleDocumentMapper();
    private final AlertDocumentMapper alertMapper = new AlertDocumentMapper();

    RecordOperations(IndexConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * The operations of {@code record}.
     *
     * @throws PayloadDecodingException when the value is not a valid record of its topic's schema
     */
    List<Pending> of(ConsumerRecord<byte[], byte[]> record, TopicPartition partition) {
        return of(record, partition, clock.instant());
    }

    /**
     * As {@link #of(ConsumerRecord, TopicPartition)}, with {@code indexedAt} as an article's
     * {@code indexed_at} (the live feed's order; see {@link FeedSequencer#indexedAt}).
     */
    List<Pending> of(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, Instant indexedAt) {
        return record.topic().equals(Topics.ALERTS.name()) ? alert(record, partition) : article(record, partition, indexedAt);
    }

    private List<Pending> article(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, Instant indexedAt) {
        EnrichedArticle article = articleSerde.deserialize(record.topic(), record.value());
        Map<String, Object> doc = articleMapper.toDocument(article, indexedAt);
        String id = article.getArticle().getArticleId();
        long version = article.getArticle().getVersion();
        // Serialised here, on a mapping thread, rather than by the ingester on the consumer thread.
        BinaryData json = BinaryData.of(json(doc), ContentType.APPLICATION_JSON);
        BulkOperation op = BulkOperation.of(b -> b.index(i -> i.index(config.elasticsearch().articlesAlias())
                .id(id).version(version).versionType(VersionType.External).document(json)));
        return List.of(new Pending(partition, record.offset(), record.key(), record.value(), Pending.Kind.ARTICLE, id, op, doc, 0));
    }

    private static byte[] json(Map<String, Object> doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("article document not serialisable", e); // strings, numbers, lists and maps only
        }
    }

    private List<Pending> alert(ConsumerRecord<byte[], byte[]> record, TopicPartition partition) {
        Alert alert = alertSerde.deserialize(record.topic(), record.value());
        List<Pending> out = new ArrayList<>();
        Map<String, Object> doc = alertMapper.toDocument(alert, clock.instant());
        // Create-only: an alert is raised once per rule and story, so a re-delivery is a counted conflict.
        BulkOperation op = BulkOperation.of(b -> b.create(c -> c.index(config.elasticsearch().alertsAlias()).id(alert.getAlertId()).document(doc)));
        out.add(new Pending(partition, record.offset(), record.key(), record.value(), Pending.Kind.ALERT, alert.getAlertId(), op, null, 0));
        if (config.alerts().deliveryEnabled()) {
            for (AlertDeliveries.NewDelivery delivery : AlertDeliveries.forAlert(alert, config.alerts().webhooks(), clock.instant())) {
                BulkOperation create = BulkOperation.of(b -> b.create(c -> c.index(config.elasticsearch().deliveriesAlias())
                        .id(delivery.id()).document(delivery.document())));
                out.add(new Pending(partition, record.offset(), record.key(), record.value(), Pending.Kind.DELIVERY, delivery.id(), create, null, 0));
            }
        }
        return out;
    }
}
