package id.pantau.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Serde for one generated Avro record class in Avro single-object encoding: the marker {@code C3 01},
 * the writer schema's CRC-64-AVRO fingerprint, then the binary body. The reader knows the current
 * schema and every released one (see {@link SchemaHistory}), so old records decode without a schema
 * registry. Invalid payloads raise {@link PayloadDecodingException}. Thread-safe.
 */
public final class SingleObjectAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public SingleObjectAvroSerde(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        for (Schema released : SchemaHistory.releasedVersions(schema.getName())) {
            decoder.addSchema(released);
        }
    }

    /** The schema this serde writes and reads into. */
    public Schema schema() {
        return schema;
    }

    /** Encodes {@code record}; null stays null (a tombstone). */
    public byte @Nullable [] serialize(String topic, @Nullable T record) {
        if (record == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Decodes without a topic; same contract as {@link #deserialize(String, byte[])}. */
    public T decode(byte @Nullable [] payload) {
        return decode(null, payload);
    }

    /** Decodes {@code payload} read from {@code topic}; throws {@link PayloadDecodingException} when it is not valid. */
    public T deserialize(String topic, byte @Nullable [] payload) {
        return decode(topic, payload);
    }

    private T decode(@Nullable String topic, byte @Nullable [] payload) {
        if (payload == null || payload.length == 0) {
            throw failure(topic, PayloadDecodingException.Reason.EMPTY, "no bytes", null);
        }
        try {
            return decoder.decode(payload);
        } catch (BadHeaderException e) {
            throw failure(topic, PayloadDecodingException.Reason.BAD_HEADER, e.getMessage(), e);
        } catch (MissingSchemaException e) {
            throw failure(topic, PayloadDecodingException.Reason.UNKNOWN_SCHEMA, e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException | ClassCastException e) {
            throw failure(topic, PayloadDecodingException.Reason.CORRUPT_BODY, String.valueOf(e.getMessage()), e);
        }
    }

    private PayloadDecodingException failure(@Nullable String topic, PayloadDecodingException.Reason reason, String detail, @Nullable Throwable cause) {
        return new PayloadDecodingException(schema.getFullName(), reason, topic, detail, cause);
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }
}
