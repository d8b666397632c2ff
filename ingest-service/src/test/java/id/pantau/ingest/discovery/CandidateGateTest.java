package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.SourceConfig;
import id.pantau.ingest.config.SourceType;
import id.pantau.ingest.seen.InMemorySeenStore;
import id.pantau.ingest.testing.MutableClock;
import id.pantau.schemas.avro.SeenArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateGateTest {

    private static final Instant NOW = Instant.parse("2024-11-19T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemorySeenStore seen = new InMemorySeenStore();
    private final CandidateGate gate = new CandidateGate(Duration.ofHours(48), seen, clock);
    private final Outlet outlet = new Outlet("kalbaronline", "KalbarOnline", "https://kalbaronline.com/", List.of("61"), List.of(),
            List.of(new SourceConfig(SourceType.FEED, "https://kalbaronline.com/feed/", null)), null, null);

    @Test
    void shouldAdmitRecentNormalisedOwnUrlsOnce() {
        List<String> admitted = gate.admit(outlet, List.of(
                new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/?utm_source=rss", NOW.minusSeconds(3600)),
                new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/#komentar", NOW.minusSeconds(3600)),
                new CandidateUrl("https://kalbaronline.com/2019/03/02/arsip/", Instant.parse("2019-03-02T00:00:00Z")),
                new CandidateUrl("https://other.example/2024/11/18/x/", NOW),
                new CandidateUrl("https://kalbaronline.com/tentang-kami/", null)));

        assertThat(admitted).containsExactly("https://kalbaronline.com/2024/11/18/rakor/", "https://kalbaronline.com/tentang-kami/");
    }

    @Test
    void shouldNotAdmitAgainUnlessTheSourceDateMoves() {
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(3600));
        gate.admit(outlet, List.of(item));

        assertThat(gate.admit(outlet, List.of(item))).isEmpty();
        assertThat(gate.admit(outlet, List.of(new CandidateUrl(item.url(), NOW.minusSeconds(60))))).containsExactly(item.url());
    }

    // RSS pubDate does not move when an article is edited: an item still listed is fetched again after the revisit time
    @Test
    void shouldRequestAStillListedItemAgainOnceTheRevisitTimeHasPassed() {
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), Duration.ofHours(1), seen, clock);
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(3600));
        revisiting.admit(outlet, List.of(item));

        clock.advance(Duration.ofMinutes(59));
        assertThat(revisiting.admit(outlet, List.of(item))).as("before the revisit time").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(revisiting.admit(outlet, List.of(item))).as("at the revisit time").containsExactly(item.url());
        clock.advance(Duration.ofMinutes(30));
        assertThat(revisiting.admit(outlet, List.of(item))).as("half an hour after the revisit").isEmpty();
    }

    // after a restart the gate has no requests in memory: the seen-store's publication time counts
    @Test
    void shouldRevisitFromTheLastPublicationAfterARestart() {
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), Duration.ofHours(1), seen, clock);
        seen.put(SeenArticle.newBuilder().setCanonicalUrl("https://kalbaronline.com/2024/11/18/rakor/").setArticleId("a").setContentHash("h")
                .setVersion(1).setPublishedAt(NOW.minus(Duration.ofMinutes(20))).build());
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minus(Duration.ofHours(2)));

        assertThat(revisiting.admit(outlet, List.of(item))).isEmpty();
        clock.advance(Duration.ofMinutes(40));
        assertThat(revisiting.admit(outlet, List.of(item))).containsExactly(item.url());
    }

    @Test
    void shouldNeverRevisitWhenTheRevisitTimeIsZero() {
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(3600));
        gate.admit(outlet, List.of(item));

        clock.advance(Duration.ofDays(1));
        assertThat(gate.admit(outlet, List.of(item))).isEmpty();
    }

    @Test
    void shouldSkipUrlPublishedAfterItsSourceDate() {
        seen.put(SeenArticle.newBuilder().setCanonicalUrl("https://kalbaronline.com/2024/11/18/rakor/").setArticleId("a").setContentHash("h")
                .setVersion(1).setPublishedAt(NOW.minusSeconds(600)).build());

        assertThat(gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(3600))))).isEmpty();
        assertThat(gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", null)))).isEmpty();
        assertThat(gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(60)))))
                .containsExactly("https://kalbaronline.com/2024/11/18/rakor/");
    }

    @Test
    void shouldForgetOldRequestsAndUnsentOnes() {
        gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/a/", null), new CandidateUrl("https://kalbaronline.com/b/", null)));
        gate.forget("https://kalbaronline.com/b/");
        clock.advance(Duration.ofHours(97));

        assertThat(gate.evictOld()).isEqualTo(1);
        assertThat(gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/a/", null)))).containsExactly("https://kalbaronline.com/a/");
    }
}
