package id.pantau.enrich.error;

import id.pantau.schemas.serde.PayloadDecodingException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the source bytes of a record whose processing threw (a value that does not decode, reason
 * {@code DESERIALIZATION_<cause>}; a tagger failing, reason {@link TaggingException#REASON}; any
 * other failure, reason {@code PROCESSING_FAILED}) to the
 * dead-letter topic and resumes with the next record. Configured by class name; one per thread.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    /** Reason code of a failure outside the taggers. */
    public static final String PROCESSING_FAILED = "PROCESSING_FAILED";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private String dlqTopic = DeadLetters.topic(Map.of());

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetters.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        TaggingException tagging = taggingCause(exception);
        PayloadDecodingException decoding = decodingCause(exception);
        String reason = tagging != null ? TaggingException.REASON
                : decoding != null ? DeadLetterDeserializationHandler.reason(decoding) : PROCESSING_FAILED;
        Exception reported = tagging != null ? tagging : decoding != null ? decoding : exception;
        LOG.warn("event=dead_letter reason={} processor={} topic={} partition={} offset={} error=\"{}\"",
                reason, context.processorNodeId(), context.topic(), context.partition(), context.offset(), reported.getMessage());
        return Response.resume(List.of(DeadLetters.of(dlqTopic, reason, reported, context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue())));
    }

    private static @Nullable PayloadDecodingException decodingCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PayloadDecodingException decoding) {
                return decoding;
            }
        }
        return null;
    }

    private static @Nullable TaggingException taggingCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TaggingException tagging) {
                return tagging;
            }
        }
        return null;
    }
}
