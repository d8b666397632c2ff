package id.pantau.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;

/**
 * A payload that is not a valid single-object-encoded record of the expected schema. Callers route
 * the record to the dead-letter topic with {@link #reason()} as its reason.
 */
public final class PayloadDecodingException extends SerializationException {

    /** Why the payload could not be decoded. */
    public enum Reason {
        /** Null or zero-length payload. */
        EMPTY,
        /** Does not start with the Avro single-object marker (C3 01). */
        BAD_HEADER,
        /** The writer's schema fingerprint is not a known version of this record. */
        UNKNOWN_SCHEMA,
        /** The header is fine but the body does not decode with the writer's schema. */
        CORRUPT_BODY
    }

    private final String recordName;
    private final Reason reason;
    private final @Nullable String topic;

    public PayloadDecodingException(String recordName, Reason reason, @Nullable String topic, String detail, @Nullable Throwable cause) {
        super("cannot decode " + recordName + (topic == null ? "" : " from topic " + topic) + ": " + reason + " (" + detail + ")", cause);
        this.recordName = recordName;
        this.reason = reason;
        this.topic = topic;
    }

    /** Full name of the expected record, e.g. {@code id.pantau.schemas.avro.RawArticle}. */
    public String recordName() {
        return recordName;
    }

    public Reason reason() {
        return reason;
    }

    /** Topic the payload came from, when known. */
    public @Nullable String topic() {
        return topic;
    }
}
