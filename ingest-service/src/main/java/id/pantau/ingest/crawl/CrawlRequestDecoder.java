package id.pantau.ingest.crawl;

import id.pantau.ingest.publish.ArticlePublisher;
import id.pantau.ingest.publish.DeadLetter;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.serde.PayloadDecodingException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the records of {@code ingest.crawl.requests}; a record without a value or that cannot be
 * decoded goes to the dead letters with its bytes and coordinates. Thread-safe.
 */
final class CrawlRequestDecoder {

    private final ArticlePublisher publisher;
    private final String topic = Topics.CRAWL_REQUESTS.name();

    CrawlRequestDecoder(ArticlePublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * The request of a record, or null when it has none or cannot be decoded (then it went to the dead letters).
     *
     * @throws id.pantau.ingest.publish.PublishException when its dead letter cannot be written
     */
    @Nullable CrawlRequest decode(ConsumerRecord<byte[], byte[]> record) {
        DeadLetter.Source source = new DeadLetter.Source(topic, record.partition(), record.offset());
        byte[] key = record.key() == null ? new byte[0] : record.key();
        try {
            CrawlRequest request = record.value() == null
                    ? null
                    : Topics.CRAWL_REQUESTS.valueSerde().deserializer().deserialize(topic, record.value());
            if (request == null) {
                publisher.undecodable(key, new byte[0], "DESERIALIZATION_EMPTY", "crawl request without a value", source);
            }
            return request;
        } catch (SerializationException e) {
            String reason = e instanceof PayloadDecodingException decoding ? "DESERIALIZATION_" + decoding.reason() : "DESERIALIZATION";
            publisher.undecodable(key, record.value(), reason, String.valueOf(e.getMessage()), source);
            return null;
        }
    }
}
