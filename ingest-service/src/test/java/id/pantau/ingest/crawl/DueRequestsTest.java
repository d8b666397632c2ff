package id.pantau.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.ingest.testing.MutableClock;
import id.pantau.schemas.avro.CrawlKind;
import id.pantau.schemas.avro.CrawlRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DueRequestsTest {

    private static final TopicPartition P0 = new TopicPartition("ingest.crawl.requests", 0);
    private static final TopicPartition P3 = new TopicPartition("ingest.crawl.requests", 3);
    private static final Duration POLL = Duration.ofMillis(200);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-18T08:00:00Z"));
    private final DueRequests held = new DueRequests();

    private DueRequests.Held held(TopicPartition partition, long offset, String path, Duration dueIn) {
        CrawlRequest request = CrawlRequest.newBuilder().setUrl("https://kalbaronline.com" + path).setOutletId("kalbaronline")
                .setKind(CrawlKind.ARTICLE).setDiscoveredAt(clock.instant()).setAttempt(1).build();
        return new DueRequests.Held(partition, offset, request, clock.instant().plus(dueIn));
    }

    private static List<String> urls(List<DueRequests.Held> taken) {
        return taken.stream().map(h -> h.partition().partition() + "@" + h.offset()).toList();
    }

    @Test
    void shouldGiveNothingBeforeItsDueTimeAndTheRequestOnceAtIt() {
        DueRequests.Held request = held(P0, 41, "/a/", Duration.ofSeconds(60));
        held.hold(request);

        clock.advance(Duration.ofSeconds(59));
        List<DueRequests.Held> early = held.takeDue(clock.instant(), 50);
        clock.advance(Duration.ofSeconds(1));
        List<DueRequests.Held> due = held.takeDue(clock.instant(), 50);
        List<DueRequests.Held> again = held.takeDue(clock.instant(), 50);

        assertThat(early).isEmpty();
        assertThat(due).containsExactly(request);
        assertThat(again).isEmpty();
        assertThat(held.size()).isZero();
    }

    @Test
    void shouldTakeEarliestDueFirstUpToMaxAndReturnThemInRecordOrder() {
        held.hold(held(P3, 7, "/c/", Duration.ofSeconds(10)));
        held.hold(held(P0, 12, "/b/", Duration.ofSeconds(30)));
        held.hold(held(P0, 5, "/a/", Duration.ofSeconds(20)));
        held.hold(held(P3, 9, "/d/", Duration.ofSeconds(90)));
        clock.advance(Duration.ofSeconds(60));

        List<DueRequests.Held> firstTwo = held.takeDue(clock.instant(), 2);
        List<DueRequests.Held> rest = held.takeDue(clock.instant(), 2);

        assertThat(urls(firstTwo)).containsExactly("0@5", "3@7");
        assertThat(urls(rest)).containsExactly("0@12");
        assertThat(held.size()).isEqualTo(1);
    }

    @Test
    void shouldReplaceRecordHeldAgainAfterASeekAndReleaseItWhenReadAgainDue() {
        held.hold(held(P0, 41, "/a/", Duration.ofSeconds(60)));
        held.hold(held(P0, 41, "/a/", Duration.ofSeconds(60)));

        assertThat(held.size()).isEqualTo(1);
        assertThat(held.release(P0, 41)).isTrue();
        assertThat(held.release(P0, 41)).isFalse();
        assertThat(held.size()).isZero();
        assertThat(held.lowestOffsets()).isEmpty();
    }

    @Test
    void shouldWaitForNewRecordsNoLongerThanUntilTheNextDueRequest() {
        assertThat(held.waitAtMost(clock.instant(), POLL)).as("nothing held").isEqualTo(POLL);

        held.hold(held(P0, 41, "/a/", Duration.ofSeconds(60)));
        held.hold(held(P3, 7, "/b/", Duration.ofMillis(1_050)));
        assertThat(held.waitAtMost(clock.instant(), POLL)).as("next due in 1050 ms").isEqualTo(POLL);

        clock.advance(Duration.ofMillis(1_000));
        assertThat(held.waitAtMost(clock.instant(), POLL)).as("next due in 50 ms").isEqualTo(Duration.ofMillis(50));

        clock.advance(Duration.ofMillis(80));
        assertThat(held.waitAtMost(clock.instant(), POLL)).as("one overdue").isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldGiveLowestHeldOffsetPerPartition() {
        held.hold(held(P0, 12, "/b/", Duration.ofSeconds(30)));
        held.hold(held(P0, 5, "/a/", Duration.ofSeconds(90)));
        held.hold(held(P3, 9, "/d/", Duration.ofSeconds(10)));

        assertThat(held.lowestOffsets()).isEqualTo(Map.of(P0, 5L, P3, 9L));

        clock.advance(Duration.ofSeconds(30));
        held.takeDue(clock.instant(), 50);

        assertThat(held.lowestOffsets()).isEqualTo(Map.of(P0, 5L));
    }

    @Test
    void shouldDropTheRequestsOfRevokedPartitionsOnly() {
        held.hold(held(P0, 12, "/b/", Duration.ofSeconds(30)));
        held.hold(held(P0, 5, "/a/", Duration.ofSeconds(90)));
        held.hold(held(P3, 9, "/d/", Duration.ofSeconds(10)));

        int dropped = held.drop(List.of(P0, new TopicPartition("ingest.crawl.requests", 5)));

        assertThat(dropped).isEqualTo(2);
        assertThat(held.lowestOffsets()).isEqualTo(Map.of(P3, 9L));
    }

    @Test
    void shouldRejectTakingNone() {
        assertThatThrownBy(() -> held.takeDue(clock.instant(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max: expected at least 1, got 0");
    }
}
