package id.pantau.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("news.articles.enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("news.articles.enriched", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void shouldCommitOnlyUpToTheFirstUnacknowledgedOffset() {
        for (long offset = 10; offset <= 14; offset++) {
            tracker.register(P0, offset, 1);
        }

        tracker.ack(P0, 10);
        tracker.ack(P0, 11);
        tracker.ack(P0, 13);
        tracker.ack(P0, 14);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));
        assertThat(tracker.inFlight()).isEqualTo(1);
    }

    @Test
    void shouldCommitPastTheLastOffsetOnceAllAreAcknowledged() {
        tracker.register(P0, 5, 1);
        tracker.register(P0, 7, 1);

        tracker.ack(P0, 7);
        tracker.ack(P0, 5);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(8)));
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void shouldCommitNothingWhileTheFirstOffsetIsOutstanding() {
        tracker.register(P0, 0, 1);
        tracker.register(P0, 1, 1);

        tracker.ack(P0, 1);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(0)));
        tracker.markCommitted(Map.of(P0, new OffsetAndMetadata(0)));
        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void shouldWaitForEveryAcknowledgementOfARecordWithSeveralOperations() {
        tracker.register(P0, 3, 3);

        tracker.ack(P0, 3);
        tracker.ack(P0, 3);
        Map<TopicPartition, OffsetAndMetadata> afterTwo = tracker.committable();
        tracker.ack(P0, 3);

        assertThat(afterTwo).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(4)));
    }

    @Test
    void shouldTrackPartitionsIndependently() {
        tracker.register(P0, 0, 1);
        tracker.register(P1, 0, 1);
        tracker.register(P1, 1, 1);

        tracker.ack(P1, 0);
        tracker.ack(P1, 1);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(0), P1, new OffsetAndMetadata(2)));
    }

    @Test
    void shouldOnlyOfferOffsetsThatMovedSinceTheLastCommit() {
        tracker.register(P0, 0, 1);
        tracker.ack(P0, 0);
        tracker.markCommitted(tracker.committable());

        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void shouldIgnoreAcknowledgementsOfRevokedPartitions() {
        tracker.register(P0, 0, 1);
        tracker.forget(List.of(P0));

        tracker.ack(P0, 0);

        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void shouldRejectOffsetsThatGoBackwards() {
        tracker.register(P0, 4, 1);

        assertThatThrownBy(() -> tracker.register(P0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset 2 of news.articles.enriched-0 registered after 4; offsets must grow");
    }
}
