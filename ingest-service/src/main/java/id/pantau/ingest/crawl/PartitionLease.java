package id.pantau.ingest.crawl;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.common.TopicPartition;

/**
 * This instance's hold on one crawl-request partition, from its assignment to its revocation (a new
 * assignment of the same partition is a new lease). Every write made for a request of the partition
 * (its article transaction, its requeue, its dead letter) goes through {@link #write}, which runs it
 * only while the lease is held; {@link #revoke} ends the hold and {@link #awaitWrites} waits for the
 * writes already under way. So once the worker has let a partition go, nothing of its requests is
 * written here any more, and its next owner, which reads them again from the committed offset, is the
 * only one that writes them (issue #3: no version published twice, no second requeue or dead letter).
 * Thread-safe.
 */
final class PartitionLease {

    /** For requests that come from no partition (the CLI, tests): always held, never revoked. */
    static final PartitionLease UNPARTITIONED = new PartitionLease(new TopicPartition("unpartitioned", 0));

    private final TopicPartition partition;
    // Writers share the read lock, so the writes of one partition's lanes run in parallel; the write
    // lock only tells when none is under way any more.
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private volatile boolean held = true;

    /** A held lease on {@code partition}. */
    PartitionLease(TopicPartition partition) {
        this.partition = Objects.requireNonNull(partition, "partition");
    }

    /** Whether the partition is still this instance's. */
    boolean isHeld() {
        return held;
    }

    /**
     * Runs {@code write} if the lease is held, and keeps {@link #awaitWrites} waiting until it returns.
     *
     * @throws PartitionRevokedException (nothing written) when the lease is no longer held
     */
    void write(Runnable write) {
        writes.readLock().lock();
        try {
            if (!held) {
                throw new PartitionRevokedException(partition);
            }
            write.run();
        } finally {
            writes.readLock().unlock();
        }
    }

    /** Ends the hold: no write starts after this. Does not wait; see {@link #awaitWrites}. */
    void revoke() {
        held = false;
    }

    /**
     * Waits, at most {@code timeout}, until no write of a revoked lease is under way.
     *
     * @return whether none is under way any more
     */
    boolean awaitWrites(Duration timeout) {
        try {
            if (writes.writeLock().tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                writes.writeLock().unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits, at most {@code timeout} in all, until no write of the revoked {@code leases} is under way.
     *
     * @return whether none is under way any more
     */
    static boolean awaitWrites(Collection<PartitionLease> leases, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done = true;
        for (PartitionLease lease : leases) {
            done &= lease.awaitWrites(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return done;
    }

    @Override
    public String toString() {
        return partition + (held ? " (held)" : " (revoked)");
    }
}
