package id.pantau.index.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.index.TestArticles;
import id.pantau.index.indexing.ArticleDocumentMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedHubTest {

    private final ArticleDocumentMapper mapper = new ArticleDocumentMapper();
    private final FeedHub hub = new FeedHub(2);

    @Test
    void shouldDeliverOnlyMatchingEventsToASubscriber() throws InterruptedException {
        SearchFilters mempawahOnly = new SearchFilters("", List.of(), List.of("61.04"), List.of(), List.of(), List.of(), null, null);
        try (FeedHub.Subscription subscription = hub.subscribe(mempawahOnly)) {
            hub.publish(doc(TestArticles.pontianak("p1", 1, "o"), 1000));
            hub.publish(doc(TestArticles.mempawah("m1", 1, "o"), 1001));

            assertThat(subscription.poll(1000).id()).isEqualTo("1001_m1");
            assertThat(subscription.poll(0)).isNull();
        }
        assertThat(hub.subscribers()).isZero();
    }

    @Test
    void shouldKeepTheMostRecentEventsForResumption() {
        hub.publish(doc(TestArticles.pontianak("p1", 1, "o"), 1000));
        hub.publish(doc(TestArticles.pontianak("p2", 1, "o"), 1001));
        hub.publish(doc(TestArticles.pontianak("p3", 1, "o"), 1002));

        List<FeedHub.FeedEvent> after = hub.recentAfter(FeedHub.position("1001_p2"), SearchFilters.none());
        List<FeedHub.FeedEvent> all = hub.recentAfter(new FeedHub.Position(0, ""), SearchFilters.none());

        assertThat(after).extracting(FeedHub.FeedEvent::id).containsExactly("1002_p3");
        assertThat(all).extracting(FeedHub.FeedEvent::id).containsExactly("1001_p2", "1002_p3");
    }

    @Test
    void shouldParseEventIdsAndIgnoreMalformedOnes() {
        assertThat(FeedHub.position("1732345678901_abc123")).isEqualTo(new FeedHub.Position(1732345678901L, "abc123"));
        assertThat(FeedHub.position("nonsense")).isNull();
        assertThat(FeedHub.position("x_abc")).isNull();
        assertThat(FeedHub.position(null)).isNull();
    }

    private Map<String, Object> doc(id.pantau.schemas.avro.EnrichedArticle article, long indexedAt) {
        return mapper.toDocument(article, Instant.ofEpochMilli(indexedAt));
    }
}
