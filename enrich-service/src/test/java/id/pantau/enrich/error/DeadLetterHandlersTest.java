package id.pantau.enrich.error;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.schemas.DeadLetterHeaders;
import id.pantau.schemas.serde.AvroSerdes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {

    private static final byte[] KEY = "k1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override public String topic() { return "ref.officials"; }
            @Override public int partition() { return 0; }
            @Override public long offset() { return 42; }
            @Override public Headers headers() { return new RecordHeaders(); }
            @Override public String processorNodeId() { return "enrich-tag"; }
            @Override public TaskId taskId() { return new TaskId(0, 0); }
            @Override public long timestamp() { return 0; }
            @Override public byte[] sourceRawKey() { return KEY; }
            @Override public byte[] sourceRawValue() { return VALUE; }
        };
    }

    @Test
    void shouldResumeAndDeadLetterUndecodableOfficialWithOriginalBytes() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "news.dlq"));
        Exception error = catchDecoding(VALUE);

        DeserializationExceptionHandler.Response response =
                handler.handleError(context(), new ConsumerRecord<>("ref.officials", 0, 42, KEY, VALUE), error);

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
        assertThat(letter.topic()).isEqualTo("news.dlq");
        assertThat(letter.key()).isEqualTo(KEY);
        assertThat(letter.value()).isEqualTo(VALUE);
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("DESERIALIZATION_UNKNOWN_SCHEMA");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("ref.officials");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("42");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SERVICE)).isEqualTo("enrich");
    }

    @Test
    void shouldNameOtherProcessingFailuresProcessingFailed() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(Map.of());

        ProcessingExceptionHandler.Response response =
                handler.handleError(context(), new Record<>("k1", "v", 0L), new IllegalStateException("store closed"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
        assertThat(letter.topic()).isEqualTo("news.dlq");
        assertThat(letter.value()).isEqualTo(VALUE);
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("PROCESSING_FAILED");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.MESSAGE)).isEqualTo("store closed");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.EXCEPTION)).isEqualTo("java.lang.IllegalStateException");
    }

    private static Exception catchDecoding(byte[] bytes) {
        try {
            AvroSerdes.official().deserialize("ref.officials", bytes);
            throw new AssertionError("decoding should fail");
        } catch (RuntimeException e) {
            return e;
        }
    }
}
