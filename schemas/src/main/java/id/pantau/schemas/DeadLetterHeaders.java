package id.pantau.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Header names every service uses on {@link Topics#DEAD_LETTERS}, and a builder for them. A dead
 * letter always says why (reason code and message) and where it came from (service, and topic,
 * partition and offset when it came from Kafka).
 */
public final class DeadLetterHeaders {

    /** Machine-readable cause, e.g. {@code DESERIALIZATION}, {@code EXTRACTION_EMPTY}, {@code MAPPING_REJECTED}. */
    public static final String REASON = "pantau.dlq.reason";
    /** Human-readable explanation. */
    public static final String MESSAGE = "pantau.dlq.message";
    /** Class name of the exception, when one was thrown. */
    public static final String EXCEPTION = "pantau.dlq.exception";
    /** Service that gave up on the record: ingest, enrich or index. */
    public static final String SERVICE = "pantau.dlq.service";
    /** Topic of the original record, when there was one. */
    public static final String SOURCE_TOPIC = "pantau.dlq.source.topic";
    /** Partition of the original record. */
    public static final String SOURCE_PARTITION = "pantau.dlq.source.partition";
    /** Offset of the original record. */
    public static final String SOURCE_OFFSET = "pantau.dlq.source.offset";
    /** URL of the page, for pages that could not be fetched or extracted. */
    public static final String URL = "pantau.dlq.url";

    private DeadLetterHeaders() {}

    /** Starts the headers of a dead letter given by {@code service} for {@code reason}. */
    public static Builder builder(String service, String reason, String message) {
        return new Builder(service, reason, message);
    }

    /** Reads one header as UTF-8 text, or null when absent. */
    public static @Nullable String read(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Collects dead-letter headers; not thread-safe. */
    public static final class Builder {
        private final RecordHeaders headers = new RecordHeaders();

        private Builder(String service, String reason, String message) {
            put(SERVICE, Objects.requireNonNull(service, "service"));
            put(REASON, Objects.requireNonNull(reason, "reason"));
            put(MESSAGE, Objects.requireNonNull(message, "message"));
        }

        public Builder exception(Throwable error) {
            return put(EXCEPTION, error.getClass().getName());
        }

        public Builder source(String topic, int partition, long offset) {
            put(SOURCE_TOPIC, topic);
            put(SOURCE_PARTITION, Integer.toString(partition));
            return put(SOURCE_OFFSET, Long.toString(offset));
        }

        public Builder url(String url) {
            return put(URL, url);
        }

        public Headers build() {
            return headers;
        }

        private Builder put(String name, String value) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            return this;
        }
    }
}
