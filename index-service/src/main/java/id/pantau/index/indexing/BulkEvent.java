package id.pantau.index.indexing;

import org.jspecify.annotations.Nullable;

/** What the bulk listener and the dead-letter producer report back to the consumer thread. */
sealed interface BulkEvent {

    Pending pending();

    /** Elasticsearch answered for one item. */
    record Item(Pending pending, ItemOutcome outcome, int status, @Nullable String result, @Nullable String error) implements BulkEvent {}

    /** The whole bulk request failed (connection refused, timeout, 5xx on the request). */
    record RequestFailed(Pending pending, Throwable failure) implements BulkEvent {}

    /**
     * The marker lookup before a dead letter: {@code alreadySent} true when a marker says it was sent
     * before, false when none exists, null when the lookup failed (then it is sent: a possible
     * duplicate rather than a loss or a stall).
     */
    record DeadLetterChecked(Pending pending, @Nullable Boolean alreadySent, String reason, String message, @Nullable Exception error)
            implements BulkEvent {}

    /** The dead-letter topic acknowledged (failure null) or refused the dead letter. */
    record DeadLettered(Pending pending, @Nullable Exception failure, String reason, String message) implements BulkEvent {}
}
