package id.pantau.ingest.internal;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Partitions of a topic as a consumer sees them, waiting for a just-created topic to appear. */
public final class TopicPartitions {

    private static final Duration RETRY = Duration.ofMillis(100);

    private TopicPartitions() {}

    /**
     * The topic's partitions.
     *
     * @throws IllegalStateException when the topic has none within {@code timeout}
     */
    public static List<TopicPartition> await(Consumer<?, ?> consumer, String topic, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            // A topic created a moment ago may not be in the broker's metadata yet: an empty answer.
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("topic " + topic + " has no partitions after " + timeout.toMillis() + " ms");
            }
            try {
                Thread.sleep(RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic " + topic, e);
            }
        }
    }
}
