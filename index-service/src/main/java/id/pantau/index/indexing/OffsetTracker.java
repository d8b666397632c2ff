package id.pantau.index.indexing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tracks, per partition, which consumed offsets still wait for Elasticsearch (or the dead-letter
 * topic) to acknowledge them, and gives the offsets that are safe to commit: the lowest offset still
 * outstanding, or one past the highest registered offset when none is. A record may need several
 * acknowledgements (an alert and its delivery states). Not thread-safe: owned by the consumer thread.
 */
public final class OffsetTracker {

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    /** Registers {@code offset} of {@code partition} as waiting for {@code acks} acknowledgements. */
    public void register(TopicPartition partition, long offset, int acks) {
        if (acks < 1) {
            throw new IllegalArgumentException("acks must be at least 1, got " + acks);
        }
        PartitionState state = partitions.computeIfAbsent(partition, p -> new PartitionState());
        if (offset < state.next) {
            throw new IllegalArgumentException(
                    "offset " + offset + " of " + partition + " registered after " + (state.next - 1) + "; offsets must grow");
        }
        state.outstanding.put(offset, acks);
        state.next = offset + 1;
    }

    /** Records one acknowledgement of {@code offset}; unknown offsets (a revoked partition) are ignored. */
    public void ack(TopicPartition partition, long offset) {
        PartitionState state = partitions.get(partition);
        if (state == null) {
            return;
        }
        state.outstanding.computeIfPresent(offset, (o, remaining) -> remaining == 1 ? null : remaining - 1);
    }

    /** Offsets to commit now: for each partition whose safe position moved since the last {@link #markCommitted}. */
    public Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        partitions.forEach((partition, state) -> {
            long position = state.outstanding.isEmpty() ? state.next : state.outstanding.firstKey();
            if (position > state.committed) {
                out.put(partition, new OffsetAndMetadata(position));
            }
        });
        return out;
    }

    /** Notes that {@code offsets} were committed. */
    public void markCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionState state = partitions.get(partition);
            if (state != null) {
                state.committed = Math.max(state.committed, offset.offset());
            }
        });
    }

    /** Forgets revoked partitions; their late acknowledgements are ignored. */
    public void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    /** Records consumed and not yet fully acknowledged, over all partitions. */
    public int inFlight() {
        int sum = 0;
        for (PartitionState state : partitions.values()) {
            sum += state.outstanding.size();
        }
        return sum;
    }

    private static final class PartitionState {
        private final TreeMap<Long, Integer> outstanding = new TreeMap<>();
        private long next = -1;
        private long committed = -1;
    }
}
