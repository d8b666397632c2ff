package id.pantau.enrich.error;

import id.pantau.schemas.DeadLetterHeaders;
import id.pantau.schemas.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;

/** Builds dead-letter records for news.dlq with {@link DeadLetterHeaders}. Stateless. */
final class DeadLetters {

    static final String SERVICE = "enrich";

    private DeadLetters() {}

    /** The dead-letter topic: Kafka Streams' {@code errors.dead.letter.queue.topic.name} when set, else news.dlq. */
    static String topic(Map<String, ?> configs) {
        Object configured = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return configured == null || configured.toString().isBlank() ? Topics.DEAD_LETTERS.name() : configured.toString();
    }

    static ProducerRecord<byte[], byte[]> of(
            String dlqTopic, String reason, Exception error, String sourceTopic, int partition, long offset, byte[] key, byte[] value) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        var headers = DeadLetterHeaders.builder(SERVICE, reason, message)
                .exception(error)
                .source(sourceTopic == null ? "" : sourceTopic, partition, offset)
                .build();
        return new ProducerRecord<>(dlqTopic, null, key, value, headers);
    }
}
