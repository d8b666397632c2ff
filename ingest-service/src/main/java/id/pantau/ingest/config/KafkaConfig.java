package id.pantau.ingest.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Kafka connection and consumer settings. Immutable.
 *
 * @param bootstrapServers {@code ingest.kafka.bootstrap.servers}: default {@code 127.0.0.1:9092}
 * @param groupId {@code ingest.kafka.group.id}: consumer group of all instances, default {@code pantau-ingest}
 * @param replicationFactor {@code ingest.kafka.replication.factor}: for topics created at start, default 1
 * @param maxPollRecords {@code ingest.kafka.max.poll.records}: crawl requests per poll, default 50
 * @param seenLoadTimeout {@code ingest.kafka.seen.load.timeout.ms}: seen-store rebuild limit, default 60 s
 */
public record KafkaConfig(String bootstrapServers, String groupId, short replicationFactor, int maxPollRecords, Duration seenLoadTimeout) {

    public KafkaConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(seenLoadTimeout, "seenLoadTimeout");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("ingest.kafka.bootstrap.servers: expected host:port[,host:port...], got ''");
        }
        if (replicationFactor < 1 || replicationFactor > 5) {
            throw new IllegalArgumentException("ingest.kafka.replication.factor: expected an integer in 1..5, got " + replicationFactor);
        }
        if (maxPollRecords < 1 || maxPollRecords > 1000) {
            throw new IllegalArgumentException("ingest.kafka.max.poll.records: expected an integer in 1..1000, got " + maxPollRecords);
        }
    }

    static KafkaConfig from(ConfigValues v) {
        return new KafkaConfig(
                v.nonBlank("ingest.kafka.bootstrap.servers"),
                v.nonBlank("ingest.kafka.group.id"),
                (short) v.intIn("ingest.kafka.replication.factor", 1, 5),
                v.intIn("ingest.kafka.max.poll.records", 1, 1000),
                v.millisIn("ingest.kafka.seen.load.timeout.ms", 1000, 600_000));
    }

    /** A copy pointing at other bootstrap servers. */
    public KafkaConfig withBootstrapServers(String servers) {
        return new KafkaConfig(servers, groupId, replicationFactor, maxPollRecords, seenLoadTimeout);
    }

    /** A copy using another consumer group. */
    public KafkaConfig withGroupId(String group) {
        return new KafkaConfig(bootstrapServers, group, replicationFactor, maxPollRecords, seenLoadTimeout);
    }
}
