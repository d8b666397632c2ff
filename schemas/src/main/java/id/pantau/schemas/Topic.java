package id.pantau.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * An immutable descriptor of one Kafka topic: its name, how keys and values are encoded, how many
 * partitions it is created with and whether it is compacted. Declared once in {@link Topics}.
 *
 * @param name topic name
 * @param keySerde serde of the record keys
 * @param valueSerde serde of the record values
 * @param partitions partitions the topic is created with (at least 1)
 * @param compacted true for a log-compacted topic (latest value per key is kept)
 * @param keyDescription what the key holds, for the README and for error messages
 */
public record Topic<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        int partitions,
        boolean compacted,
        String keyDescription) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(keyDescription, "keyDescription");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions of topic " + name + " must be at least 1, got " + partitions);
        }
    }
}
