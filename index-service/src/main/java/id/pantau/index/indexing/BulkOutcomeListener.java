package id.pantau.index.indexing;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Hands every bulk item's result, with its {@link Pending} context, to the consumer thread through
 * a queue; decides nothing itself so that offsets and retries stay single-threaded. Records bulk
 * latency. Thread-safe (called on the ingester's threads).
 */
final class BulkOutcomeListener implements BulkListener<Pending> {

    private static final int MAX_ERROR_CHARS = 500;

    private final Queue<BulkEvent> events;
    private final LongConsumer latencyNanos;
    private final Map<Long, Long> started = new ConcurrentHashMap<>();

    BulkOutcomeListener(Queue<BulkEvent> events, LongConsumer latencyNanos) {
        this.events = events;
        this.latencyNanos = latencyNanos;
    }

    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {
        started.put(executionId, System.nanoTime());
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
        recordLatency(executionId);
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < contexts.size(); i++) {
            Pending pending = contexts.get(i);
            if (i >= items.size()) {
                events.add(new BulkEvent.RequestFailed(pending, new IllegalStateException("bulk response lacks item " + i)));
                continue;
            }
            BulkResponseItem item = items.get(i);
            String error = item.error() == null ? null : abbreviate(item.error().type() + ": " + item.error().reason());
            events.add(new BulkEvent.Item(pending, ItemOutcome.of(item), item.status(), item.result(), error));
        }
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
        recordLatency(executionId);
        for (Pending pending : contexts) {
            events.add(new BulkEvent.RequestFailed(pending, failure));
        }
    }

    /** Elasticsearch quotes a preview of the rejected value; keep headers and logs readable. */
    static String abbreviate(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }

    private void recordLatency(long executionId) {
        Long start = started.remove(executionId);
        if (start != null) {
            latencyNanos.accept(System.nanoTime() - start);
        }
    }
}
