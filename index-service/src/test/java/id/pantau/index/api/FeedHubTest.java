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
    void shouldAnswerFromTheBufferOnlyWhenItReachesBackToThePosition() {
        FeedHub small = new FeedHub(2, 900);
        assertThat(small.published()).isEqualTo(FeedHub.Position.endOf(899));
        small.publish(doc(TestArticles.pontianak("a", 1, "o"), 1000));
        small.publish(doc(TestArticles.pontianak("b", 1, "o"), 1000));
        small.publish(doc(TestArticles.pontianak("c", 1, "o"), 1000));
        FeedHub.Position upTo = small.published();

        assertThat(upTo).isEqualTo(new FeedHub.Position(1000, "c"));
        assertThat(small.recentBetween(FeedHub.position("1000_b"), upTo, SearchFilters.none()))
                .extracting(FeedHub.FeedEvent::id).containsExactly("1000_c");
        assertThat(small.recentBetween(FeedHub.position("1000_a"), upTo, SearchFilters.none())).isNull(); // "a" fell out of the buffer
        small.publish(doc(TestArticles.pontianak("a", 2, "o"), 1001));
        assertThat(small.recentBetween(FeedHub.position("1000_c"), upTo, SearchFilters.none())).isEmpty(); // nothing past upTo
    }

    @Test
    void shouldOrderPositionsByTimeThenIdWithTheEndOfAMillisecondLast() {
        assertThat(new FeedHub.Position(1000, "b")).isGreaterThan(new FeedHub.Position(1000, "a")).isLessThan(new FeedHub.Position(1001, "a"));
        assertThat(FeedHub.Position.endOf(1000)).isGreaterThan(new FeedHub.Position(1000, "zzz")).isLessThan(new FeedHub.Position(1001, ""));
        assertThat(FeedHub.Position.endOf(1000)).isEqualByComparingTo(FeedHub.Position.endOf(1000));
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
