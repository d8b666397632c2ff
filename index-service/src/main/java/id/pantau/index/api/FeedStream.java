package id.pantau.index.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one live-feed connection in feed order ({@code indexed_at}, {@code article_id}): on
 * {@code Last-Event-ID} it first catches up from Elasticsearch, after that position and up to the
 * hub's last published one (refreshing first, paging through all of it), then streams the live
 * events after that; each event's position is strictly greater than the one before, so resuming
 * from the last id received gives no gaps and no repeats. A keep-alive comment is sent when idle.
 * Runs on the connection's own (virtual) thread until the client leaves.
 */
final class FeedStream implements Consumer<SseClient> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CATCH_UP_PAGE = 1000;

    private final FeedHub hub;
    private final SearchService search;
    private final long keepAliveMs;

    FeedStream(FeedHub hub, SearchService search, long keepAliveMs) {
        this.hub = hub;
        this.search = search;
        this.keepAliveMs = keepAliveMs;
    }

    @Override
    public void accept(SseClient client) {
        SearchFilters filters = SearchFilters.fromQuery(client.ctx()::queryParams);
        String lastEventId = client.ctx().header("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = client.ctx().queryParam("lastEventId");
        }
        try (FeedHub.Subscription subscription = hub.subscribe(filters)) {
            // Everything up to `upTo` is acknowledged (caught up from the buffer or Elasticsearch); the subscription gets everything after it.
            FeedHub.Position upTo = hub.published();
            FeedHub.Position position = FeedHub.position(lastEventId);
            // Without a Last-Event-ID: everything the subscription gets. Resuming: only what follows the caught-up part.
            FeedHub.@Nullable Position last = null;
            if (position != null && position.compareTo(upTo) > 0) {
                last = position; // ahead of this hub (a client of another instance): nothing to catch up, nothing at or before it
            } else if (position != null) {
                catchUp(client, filters, position, upTo);
                last = upTo;
            }
            client.sendComment("live");
            while (!client.terminated() && !subscription.overflowed()) {
                FeedHub.FeedEvent event = subscription.poll(keepAliveMs);
                if (event == null) {
                    client.sendComment("keep-alive");
                } else if (last == null || last.compareTo(event.position()) < 0) {
                    // Otherwise published before `upTo` was read, so already sent by the catch-up.
                    send(client, event);
                    last = event.position();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("feed connection ended on error error={}", e.toString());
        } finally {
            client.close();
        }
    }

    /** Sends the events after {@code from} up to {@code upTo}: from the hub's buffer when it reaches back that far, else from Elasticsearch. */
    private void catchUp(SseClient client, SearchFilters filters, FeedHub.Position from, FeedHub.Position upTo) throws IOException {
        List<FeedHub.FeedEvent> recent = hub.recentBetween(from, upTo, filters);
        if (recent != null) {
            for (FeedHub.FeedEvent event : recent) {
                send(client, event);
            }
            return;
        }
        FeedHub.Position last = from;
        boolean refresh = true;
        while (true) {
            List<Map<String, Object>> page = search.indexedBetween(filters, last, upTo, CATCH_UP_PAGE, refresh);
            refresh = false;
            for (Map<String, Object> doc : page) {
                FeedHub.FeedEvent event = FeedHub.event(doc);
                send(client, event);
                last = event.position();
            }
            if (page.size() < CATCH_UP_PAGE) {
                return;
            }
        }
    }

    private static void send(SseClient client, FeedHub.FeedEvent event) throws JsonProcessingException {
        client.sendEvent("article", JSON.writeValueAsString(SearchService.summary(event.document(), null)), event.id());
    }
}
