package id.pantau.ingest.crawl;

import id.pantau.schemas.avro.CrawlRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Requeued crawl requests that are not due yet, held in memory by {@link CrawlWorker} instead of
 * being waited for, so that they hold up nothing else; each is known by the partition and offset of
 * its record. A held record is unfinished: the worker commits no offset past it
 * ({@link PartitionProgress}), so a held request that is dropped (rebalance) or lost (crash, kill) is
 * read again from Kafka. Not thread-safe: the worker's thread only.
 */
final class DueRequests {

    /** A held request, the coordinates of its record and the time it may be fetched. */
    record Held(TopicPartition partition, long offset, CrawlRequest request, Instant dueAt) {
        Held {
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    private static final Comparator<Held> RECORD_ORDER = Comparator.comparing((Held held) -> held.partition().topic())
            .thenComparingInt(held -> held.partition().partition())
            .thenComparingLong(Held::offset);
    private static final Comparator<Held> DUE_ORDER = Comparator.comparing(Held::dueAt).thenComparing(RECORD_ORDER);

    private final Map<TopicPartition, NavigableMap<Long, Held>> byPartition = new HashMap<>();

    /** Holds a request; a record held already (read again after a seek) is replaced. */
    void hold(Held held) {
        byPartition.computeIfAbsent(held.partition(), p -> new TreeMap<>()).put(held.offset(), held);
    }

    /** Lets go of the record at {@code offset} if it is held (it was read again and is due); returns whether it was. */
    boolean release(TopicPartition partition, long offset) {
        NavigableMap<Long, Held> held = byPartition.get(partition);
        if (held == null || held.remove(offset) == null) {
            return false;
        }
        if (held.isEmpty()) {
            byPartition.remove(partition);
        }
        return true;
    }

    /**
     * Takes out the requests due at {@code now}, at most {@code max} of them, earliest due first.
     *
     * @return the taken requests in record order (by partition, then offset), so that one host's
     *     requests, which share a partition, keep their order
     */
    List<Held> takeDue(Instant now, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max: expected at least 1, got " + max);
        }
        List<Held> due = new ArrayList<>();
        byPartition.values().forEach(held -> held.values().stream().filter(h -> !h.dueAt().isAfter(now)).forEach(due::add));
        List<Held> taken = new ArrayList<>(due.stream().sorted(DUE_ORDER).limit(max).toList());
        taken.forEach(h -> release(h.partition(), h.offset()));
        taken.sort(RECORD_ORDER);
        return taken;
    }

    /** How long the worker may wait for new records before a held request is due: {@code max} at most, zero when one is due. */
    Duration waitAtMost(Instant now, Duration max) {
        Duration wait = max;
        for (NavigableMap<Long, Held> held : byPartition.values()) {
            for (Held h : held.values()) {
                Duration untilDue = Duration.between(now, h.dueAt());
                if (!untilDue.isPositive()) {
                    return Duration.ZERO;
                }
                if (untilDue.compareTo(wait) < 0) {
                    wait = untilDue;
                }
            }
        }
        return wait;
    }

    /** The lowest held offset of each partition that has held requests. */
    Map<TopicPartition, Long> lowestOffsets() {
        Map<TopicPartition, Long> lowest = new HashMap<>();
        byPartition.forEach((partition, held) -> lowest.put(partition, held.firstKey()));
        return lowest;
    }

    /** Drops the requests held for {@code partitions} (revoked: their new owner reads them again); returns how many. */
    int drop(Collection<TopicPartition> partitions) {
        int dropped = 0;
        for (TopicPartition partition : partitions) {
            NavigableMap<Long, Held> held = byPartition.remove(partition);
            dropped += held == null ? 0 : held.size();
        }
        return dropped;
    }

    /** How many requests are held. */
    int size() {
        return byPartition.values().stream().mapToInt(Map::size).sum();
    }
}
