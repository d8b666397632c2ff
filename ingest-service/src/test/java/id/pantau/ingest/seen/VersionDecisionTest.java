package id.pantau.ingest.seen;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.schemas.avro.SeenArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionDecisionTest {

    private static SeenArticle seen(int version, String hash) {
        return SeenArticle.newBuilder().setCanonicalUrl("https://suaraborneo.id/togap/").setArticleId("id").setContentHash(hash)
                .setVersion(version).setPublishedAt(Instant.parse("2024-10-17T08:00:00Z")).build();
    }

    @Test
    void shouldPublishUnknownUrlAsVersionOne() {
        assertThat(VersionDecision.decide(null, "h1")).isEqualTo(new VersionDecision(true, 1));
    }

    @Test
    void shouldNotPublishSameHash() {
        assertThat(VersionDecision.decide(seen(3, "h1"), "h1")).isEqualTo(new VersionDecision(false, 3));
    }

    @Test
    void shouldPublishNewHashAsNextVersion() {
        assertThat(VersionDecision.decide(seen(3, "h1"), "h2")).isEqualTo(new VersionDecision(true, 4));
    }

    @Test
    void shouldKeepHighestVersionInMemoryStore() {
        InMemorySeenStore store = new InMemorySeenStore();
        store.put(seen(2, "h2"));
        store.put(seen(1, "h1"));

        assertThat(store.get("https://suaraborneo.id/togap/").getVersion()).isEqualTo(2);
        assertThat(store.size()).isEqualTo(1);
    }
}
