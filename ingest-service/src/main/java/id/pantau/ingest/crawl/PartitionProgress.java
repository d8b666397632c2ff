package id.pantau.ingest.crawl;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link CrawlWorker} stands on each partition: the records it has taken from a poll and not
 * finished yet (held until due, queued in a host lane, or in flight), which may finish in any order.
 * Gives the offset to commit, the watermark: the lowest unfinished offset, or the end of what was
 * taken when all is finished; so a crash, a kill or a rebalance loses no unfinished record (it is
 * read again, and records after it may be fetched again; the seen-store keeps them from being
 * published twice). Also says when a partition has too many unfinished records and should be paused,
 * and when it has drained enough to be resumed. Not thread-safe: the worker's poll thread only.
 */
final class PartitionProgress {

    private static final class State {
        private final TreeSet<Long> unfinished = new TreeSet<>();
        /** The offset after the last record taken. */
        private long end = -1;
        private @Nullable Long committed;
        private boolean paused;
    }

    private final int pauseAbove;
    private final int resumeAt;
    private final Map<TopicPartition, State> partitions = new HashMap<>();

    /**
     * @param pauseAbove a partition with more unfinished records than this is to be paused
     * @param resumeAt a paused partition with this many unfinished records or fewer is to be resumed
     * @throws IllegalArgumentException unless {@code 0 <= resumeAt <= pauseAbove}
     */
    PartitionProgress(int pauseAbove, int resumeAt) {
        if (resumeAt < 0 || resumeAt > pauseAbove) {
            throw new IllegalArgumentException("resumeAt: expected 0.." + pauseAbove + ", got " + resumeAt);
        }
        this.pauseAbove = pauseAbove;
        this.resumeAt = resumeAt;
    }

    /**
     * A polled record is taken and unfinished until {@link #finished}.
     *
     * @return false, and nothing changes, when the record was taken before (read again)
     */
    boolean taken(TopicPartition partition, long offset) {
        State state = partitions.computeIfAbsent(Objects.requireNonNull(partition, "partition"), p -> new State());
        if (offset < state.end) {
            return false;
        }
        state.unfinished.add(offset);
        state.end = offset + 1;
        return true;
    }

    /**
     * A taken record is finished (processed, dead-lettered or passed over).
     *
     * @return false when it was not unfinished (its partition was forgotten meanwhile, or it finished before)
     */
    boolean finished(TopicPartition partition, long offset) {
        State state = partitions.get(partition);
        return state != null && state.unfinished.remove(offset);
    }

    /**
     * The record at {@code offset}, the last taken of {@code partition}, is to be read again (the
     * worker seeks back to it): it counts as not taken.
     */
    void rewind(TopicPartition partition, long offset) {
        State state = partitions.get(partition);
        if (state != null && state.end == offset + 1) {
            state.unfinished.remove(offset);
            state.end = offset;
        }
    }

    /** How many taken records of {@code partition} are unfinished. */
    int unfinished(TopicPartition partition) {
        State state = partitions.get(partition);
        return state == null ? 0 : state.unfinished.size();
    }

    /** The offsets to commit now, per partition its watermark, only those that differ from the last commit. */
    Map<TopicPartition, Long> toCommit() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach((partition, state) -> {
            long watermark = state.unfinished.isEmpty() ? state.end : state.unfinished.first();
            if (!Long.valueOf(watermark).equals(state.committed)) {
                offsets.put(partition, watermark);
            }
        });
        return offsets;
    }

    /** {@code offsets} were committed. */
    void committed(Map<TopicPartition, Long> offsets) {
        offsets.forEach((partition, offset) -> {
            State state = partitions.get(partition);
            if (state != null) {
                state.committed = offset;
            }
        });
    }

    /** The partitions that now have more than {@code pauseAbove} unfinished records and are not paused yet; they count as paused. */
    Set<TopicPartition> toPause() {
        Set<TopicPartition> pause = new HashSet<>();
        partitions.forEach((partition, state) -> {
            if (!state.paused && state.unfinished.size() > pauseAbove) {
                state.paused = true;
                pause.add(partition);
            }
        });
        return pause;
    }

    /** The paused partitions that now have {@code resumeAt} unfinished records or fewer; they count as resumed. */
    Set<TopicPartition> toResume() {
        Set<TopicPartition> resume = new HashSet<>();
        partitions.forEach((partition, state) -> {
            if (state.paused && state.unfinished.size() <= resumeAt) {
                state.paused = false;
                resume.add(partition);
            }
        });
        return resume;
    }

    /** Forgets {@code partitions} (revoked: their next owner goes on from their committed offsets). */
    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
