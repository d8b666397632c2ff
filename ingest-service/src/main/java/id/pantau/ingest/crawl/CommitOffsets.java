package id.pantau.ingest.crawl;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets {@link CrawlWorker} commits: per partition, the end of the records it has handed
 * over (processed, dead-lettered or held), but never past the lowest record still held in
 * {@link DueRequests}; so a crash, a kill or a rebalance loses no held request (its record is read
 * again; records after it may be fetched again, and the seen-store keeps them from being published
 * twice). Remembers what was committed, to commit changes only. Not thread-safe: the worker's
 * thread only.
 */
final class CommitOffsets {

    private final Map<TopicPartition, Long> handedOver = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    /** Every record of {@code partition} before {@code nextOffset} has been processed or held. */
    void advance(TopicPartition partition, long nextOffset) {
        Objects.requireNonNull(partition, "partition");
        handedOver.merge(partition, nextOffset, Math::max);
    }

    /**
     * The offsets to commit now: for each partition handed over, its end, or its lowest held offset
     * when that is lower; only those that differ from the last commit.
     *
     * @param lowestHeld the lowest held offset of each partition with held requests
     */
    Map<TopicPartition, Long> toCommit(Map<TopicPartition, Long> lowestHeld) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        handedOver.forEach((partition, end) -> {
            Long held = lowestHeld.get(partition);
            long offset = held == null ? end : Math.min(end, held);
            if (!Long.valueOf(offset).equals(committed.get(partition))) {
                offsets.put(partition, offset);
            }
        });
        return offsets;
    }

    /** {@code offsets} were committed. */
    void committed(Map<TopicPartition, Long> offsets) {
        committed.putAll(offsets);
    }

    /** Forgets {@code partitions} (revoked: the next owner goes on from their committed offsets). */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            handedOver.remove(partition);
            committed.remove(partition);
        });
    }
}
