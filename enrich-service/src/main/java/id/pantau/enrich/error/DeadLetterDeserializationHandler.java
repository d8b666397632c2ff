package id.pantau.enrich.error;

import id.pantau.schemas.serde.PayloadDecodingException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be decoded to the dead-letter topic with its original bytes and
 * resumes with the next record. Reason {@code DESERIALIZATION_<cause>} (e.g.
 * {@code DESERIALIZATION_BAD_HEADER}) for {@link PayloadDecodingException}, else {@code DESERIALIZATION}.
 * Configured by class name in the Streams properties; Kafka Streams creates one per thread.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private String dlqTopic = DeadLetters.topic(Map.of());

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetters.topic(configs);
    }

    /** Reason code for a deserialization failure. */
    public static String reason(Exception error) {
        return error instanceof PayloadDecodingException decoding ? "DESERIALIZATION_" + decoding.reason() : "DESERIALIZATION";
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String reason = reason(exception);
        LOG.warn("event=dead_letter reason={} topic={} partition={} offset={} error=\"{}\"",
                reason, record.topic(), record.partition(), record.offset(), exception.getMessage());
        return Response.resume(List.of(DeadLetters.of(
                dlqTopic, reason, exception, record.topic(), record.partition(), record.offset(), record.key(), record.value())));
    }
}
