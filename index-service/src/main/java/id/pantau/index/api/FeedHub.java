package id.pantau.index.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * {@link SearchService#indexedBetween}). Events must be published in strictly ascending position
 * (the indexing pipeline's {@code FeedSequencer} does that); {@link #published()} is the position
 * of the last one, the upper bound of what a resuming client reads back from Elasticsearch.
 * Thread-safe; {@link #publish} never blocks.
 */
public final class FeedHub {

    /** Queue size of one subscriber; a subscriber that falls this far behind is cut off and must resume. */
    static final int SUBSCRIBER_QUEUE = 10_000;

    private final int bufferEvents;
    private final Deque<FeedEvent> recent = new ArrayDeque<>();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private Position published;

    /** A hub whose feed starts now: articles indexed before were indexed by earlier runs. */
    public FeedHub(int bufferEvents) {
        this(bufferEvents, System.currentTimeMillis());
    }

    /**
     * A hub whose feed starts at {@code startMs}: everything indexed before it (by earlier runs) is
     * in Elasticsearch; what this run indexes gets an {@code indexed_at} at or after it.
     */
    public FeedHub(int bufferEvents, long startMs) {
        this.bufferEvents = bufferEvents;
        this.published = Position.endOf(startMs - 1);
    }

    /** One feed event: its id, its resume position and the article document. */
    public record FeedEvent(String id, long indexedAt, String articleId, Map<String, Object> document) {
        /** The event's position in feed order. */
        public Position position() {
            return new Position(indexedAt, articleId);
        }
    }

    /**
     * A position in feed order: {@code (indexedAt, articleId)}, ids compared as Elasticsearch's
     * keyword sort does for ordinary ids; a null {@code articleId} is the end of that millisecond.
     */
    public record Position(long indexedAt, @Nullable String articleId) implements Comparable<Position> {
        /** The position after every article of millisecond {@code indexedAt}. */
        public static Position endOf(long indexedAt) {
            return new Position(indexedAt, null);
        }

        /** True when {@code event} comes after this position in feed order. */
        boolean isBefore(FeedEvent event) {
            return compareTo(event.position()) < 0;
        }

        @Override
        public int compareTo(Position o) {
            int c = Long.compare(indexedAt, o.indexedAt);
            if (c != 0 || Objects.equals(articleId, o.articleId)) {
                return c;
            }
            return articleId == null ? 1 : o.articleId == null ? -1 : articleId.compareTo(o.articleId);
        }
    }

    /** Publishes an indexed article document to every subscriber whose filters it passes. */
    public void publish(Map<String, Object> document) {
        FeedEvent event = event(document);
        synchronized (recent) {
            published = event.position();
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

    /**
     * Buffered events after {@code after} and at or before {@code upTo} passing {@code filters},
     * oldest first; null when the buffer no longer reaches back to {@code after} (events between
     * it and the oldest buffered one were dropped), and Elasticsearch must answer instead.
     */
    public @Nullable List<FeedEvent> recentBetween(Position after, Position upTo, SearchFilters filters) {
        List<FeedEvent> out = new ArrayList<>();
        synchronized (recent) {
            FeedEvent oldest = recent.peekFirst();
            if (oldest == null || oldest.position().compareTo(after) > 0) {
                return null;
            }
            for (FeedEvent event : recent) {
                if (event.position().compareTo(upTo) > 0) {
                    break;
                }
                if (after.isBefore(event) && filters.matches(event.document())) {
                    out.add(event);
                }
            }
        }
        return out;
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

    /**
     * Position of the last published event (or the end of the millisecond before the hub started):
     * every article at or before it has been acknowledged by Elasticsearch, none after it has been
     * published. Read it after {@link #subscribe}: the subscription then receives everything after it.
     */
    public Position published() {
        synchronized (recent) {
            return published;
        }
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
