package id.pantau.index.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one live-feed connection: on {@code Last-Event-ID} it first catches up from Elasticsearch
 * and the hub's recent events, then streams live events, each article once, with a keep-alive
 * comment when idle. Runs on the connection's own (virtual) thread until the client leaves.
 */
final class FeedStream implements Consumer<SseClient> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CATCH_UP_LIMIT = 1000;
    private static final int SENT_MEMORY = 10_000;

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
        Set<String> sent = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > SENT_MEMORY;
            }
        });
        try (FeedHub.Subscription subscription = hub.subscribe(filters)) {
            FeedHub.Position position = FeedHub.position(lastEventId);
            if (position != null) {
                for (Map<String, Object> doc : search.indexedAfter(filters, position.indexedAt(), position.articleId(), CATCH_UP_LIMIT)) {
                    send(client, FeedHub.event(doc), sent);
                }
                List<FeedHub.FeedEvent> recent = hub.recentAfter(position, filters);
                for (FeedHub.FeedEvent event : recent) {
                    send(client, event, sent);
                }
            }
            client.sendComment("live");
            while (!client.terminated() && !subscription.overflowed()) {
                FeedHub.FeedEvent event = subscription.poll(keepAliveMs);
                if (event == null) {
                    client.sendComment("keep-alive");
                } else {
                    send(client, event, sent);
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

    private static void send(SseClient client, FeedHub.FeedEvent event, Set<String> sent) throws JsonProcessingException {
        if (sent.add(event.id())) {
            client.sendEvent("article", JSON.writeValueAsString(SearchService.summary(event.document(), null)), event.id());
        }
    }
}
