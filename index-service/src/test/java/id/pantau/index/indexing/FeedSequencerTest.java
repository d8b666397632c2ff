package id.pantau.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.index.TestArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FeedSequencerTest {

    private static final TopicPartition P0 = new TopicPartition("news.articles.enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("news.articles.enriched", 1);
    private final FeedSequencer feed = new FeedSequencer();
    private final ArticleDocumentMapper mapper = new ArticleDocumentMapper();
    private final List<String> published = new ArrayList<>();
    private long offset;

    @Test
    void shouldPublishInPositionOrderWhateverTheAcknowledgementOrder() {
        long ms = feed.indexedAt(1000);
        Pending c = article(P0, "c", ms);
        Pending a = article(P1, "a", ms);
        Pending b = article(P0, "b", ms);
        Pending d = article(P0, "d", feed.indexedAt(1001));

        feed.resolve(d, true);
        feed.resolve(c, true);
        feed.resolve(b, true);
        feed.release(1005, doc -> published.add((String) doc.get("article_id")));
        assertThat(published).isEmpty(); // a, the smallest position, is not acknowledged yet

        feed.resolve(a, true);
        feed.release(1005, doc -> published.add((String) doc.get("article_id")));
        assertThat(published).containsExactly("a", "b", "c", "d");
        assertThat(feed.waiting()).isZero();
    }

    @Test
    void shouldHoldAMillisecondUntilItIsOverAndNeverHandItOutAgain() {
        Pending a = article(P0, "m", feed.indexedAt(2000));
        feed.resolve(a, true);

        feed.release(2000, doc -> published.add((String) doc.get("article_id")));
        assertThat(published).isEmpty(); // another article could still get 2000 and an id before "m"

        feed.release(2001, doc -> published.add((String) doc.get("article_id")));
        assertThat(published).containsExactly("m");
        // The clock stepped back: a new article still sorts after the released one.
        assertThat(feed.indexedAt(1990)).isEqualTo(2001);
    }

    @Test
    void shouldSkipConflictsAndRejectionsAndLetRevokedPartitionsGo() {
        long ms = feed.indexedAt(3000);
        Pending a = article(P0, "a", ms);
        Pending b = article(P1, "b", ms);
        Pending c = article(P0, "c", ms);
        feed.resolve(a, false);
        feed.resolve(c, true);

        feed.release(3001, doc -> published.add((String) doc.get("article_id")));
        assertThat(published).isEmpty(); // b on P1 waits (a retry, say)

        feed.forget(List.of(P1));
        feed.release(3001, doc -> published.add((String) doc.get("article_id")));
        assertThat(published).containsExactly("c");
    }

    private Pending article(TopicPartition partition, String id, long indexedAt) {
        Map<String, Object> doc = mapper.toDocument(TestArticles.pontianak(id, 1, "o"), Instant.ofEpochMilli(indexedAt));
        Pending pending = new Pending(partition, offset++, null, null, Pending.Kind.ARTICLE, id, null, doc, 0);
        feed.register(pending);
        return pending;
    }
}
