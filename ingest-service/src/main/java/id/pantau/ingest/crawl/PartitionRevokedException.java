package id.pantau.ingest.crawl;

import org.apache.kafka.common.TopicPartition;

/**
 * A write for a crawl request was refused because the request's partition is no longer owned by this
 * instance (see {@link PartitionLease}): nothing was written, and the partition's next owner processes
 * the request again. It ends the request's processing here; it is not an error.
 */
final class PartitionRevokedException extends RuntimeException {

    private final TopicPartition partition;

    PartitionRevokedException(TopicPartition partition) {
        // no stack trace: it is thrown for every request cut short by a rebalance, and says all in its message
        super("crawl-request partition " + partition + " is no longer owned here: write dropped", null, false, false);
        this.partition = partition;
    }

    /** The partition that was revoked. */
    TopicPartition partition() {
        return partition;
    }
}
