package id.pantau.index.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Fans newly indexed articles out to live-feed subscribers, each with its own filters and bounded
 * queue, and keeps the most recent events for clients that reconnect. An event's id is
 * {@code <indexed_at millis>_<article id>}, the position the feed resumes from (see
 * {@link SearchService#indexedAfter}). Thread-safe; {@link #publish} never blocks.
 */
public final class FeedHub {

    /** Queue size of one subscriber; a subscriber that falls this far behind is cut off and must resume. */
    static final int SUBSCRIBER_QUEUE = 10_000;

    private final int bufferEvents;
    private final Deque<FeedEvent> recent = new ArrayDeque<>();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    public FeedHub(int bufferEvents) {
        this.bufferEvents = bufferEvents;
    }

    /** One feed event: its id, its resume position and the article document. */
    public record FeedEvent(String id, long indexedAt, String articleId, Map<String, Object> document) {}

    /** A resume position parsed from a {@code Last-Event-ID}. */
    public record Position(long indexedAt, String articleId) {
        /** True when {@code event} comes after this position in feed order. */
        boolean isBefore(FeedEvent event) {
            return event.indexedAt() > indexedAt || (event.indexedAt() == indexedAt && event.articleId().compareTo(articleId) > 0);
        }
    }

    /** Publishes an indexed article document to every subscriber whose filters it passes. */
    public void publish(Map<String, Object> document) {
        FeedEvent event = event(document);
        synchronized (recent) {
            recent.addLast(event);
            while (recent.size() > bufferEvents) {
                recent.removeFirst();
            }
        }
        for (Subscription subscription : subscriptions) {
            subscription.offer(event);
        }
    }

    /** Subscribes to events passing {@code filters}; close the subscription when the client goes. */
    public Subscription subscribe(SearchFilters filters) {
        Subscription subscription = new Subscription(filters);
        subscriptions.add(subscription);
        return subscription;
    }

    /** Buffered events after {@code position} passing {@code filters}, oldest first. */
    public List<FeedEvent> recentAfter(Position position, SearchFilters filters) {
        List<FeedEvent> out = new ArrayList<>();
        synchronized (recent) {
            for (FeedEvent event : recent) {
                if (position.isBefore(event) && filters.matches(event.document())) {
                    out.add(event);
                }
            }
        }
        return out;
    }

    /** Active subscribers. */
    public int subscribers() {
        return subscriptions.size();
    }

    /** The feed event of an article document. */
    public static FeedEvent event(Map<String, Object> document) {
        long indexedAt = ((Number) document.get("indexed_at")).longValue();
        String articleId = String.valueOf(document.get("article_id"));
        return new FeedEvent(indexedAt + "_" + articleId, indexedAt, articleId, document);
    }

    /** Parses a {@code Last-Event-ID}; null when absent or malformed (the feed then starts live). */
    public static @Nullable Position position(@Nullable String lastEventId) {
        if (lastEventId == null) {
            return null;
        }
        int cut = lastEventId.indexOf('_');
        if (cut <= 0 || cut == lastEventId.length() - 1) {
            return null;
        }
        try {
            return new Position(Long.parseLong(lastEventId.substring(0, cut)), lastEventId.substring(cut + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One subscriber's filtered queue. Closing it unsubscribes. */
    public final class Subscription implements AutoCloseable {
        private final SearchFilters filters;
        private final BlockingQueue<FeedEvent> queue = new ArrayBlockingQueue<>(SUBSCRIBER_QUEUE);
        private volatile boolean overflowed;

        private Subscription(SearchFilters filters) {
            this.filters = filters;
        }

        private void offer(FeedEvent event) {
            if (filters.matches(event.document()) && !queue.offer(event)) {
                overflowed = true;
            }
        }

        /** Next event, or null after {@code timeoutMs} without one. */
        public @Nullable FeedEvent poll(long timeoutMs) throws InterruptedException {
            return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        }

        /** True when events were dropped because the client read too slowly. */
        public boolean overflowed() {
            return overflowed;
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
