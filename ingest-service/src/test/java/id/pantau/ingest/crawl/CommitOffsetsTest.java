package id.pantau.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("ingest.crawl.requests", 0);
    private static final TopicPartition P3 = new TopicPartition("ingest.crawl.requests", 3);

    private final CommitOffsets offsets = new CommitOffsets();

    @Test
    void shouldCommitTheEndOfWhatWasHandedOverWhenNothingIsHeld() {
        offsets.advance(P0, 10);
        offsets.advance(P0, 8); // an older round's end never moves it back
        offsets.advance(P3, 3);

        assertThat(offsets.toCommit(Map.of())).isEqualTo(Map.of(P0, 10L, P3, 3L));
    }

    @Test
    void shouldNeverCommitPastTheLowestHeldRecordOfAPartition() {
        offsets.advance(P0, 50);
        offsets.advance(P3, 20);

        Map<TopicPartition, Long> toCommit = offsets.toCommit(Map.of(P0, 41L));

        assertThat(toCommit).isEqualTo(Map.of(P0, 41L, P3, 20L));
    }

    @Test
    void shouldCommitOnlyWhatChangedAndMoveOnOnceTheHeldRecordIsDone() {
        offsets.advance(P0, 50);
        offsets.advance(P3, 20);
        offsets.committed(offsets.toCommit(Map.of(P0, 41L)));

        assertThat(offsets.toCommit(Map.of(P0, 41L))).as("nothing new").isEmpty();

        offsets.advance(P0, 60);
        assertThat(offsets.toCommit(Map.of(P0, 41L))).as("new records behind the held one").isEmpty();

        assertThat(offsets.toCommit(Map.of())).as("held record processed").isEqualTo(Map.of(P0, 60L));
    }

    @Test
    void shouldNotCommitAPartitionWithoutRecordsHandedOver() {
        assertThat(offsets.toCommit(Map.of(P0, 41L))).isEmpty();
    }

    @Test
    void shouldForgetRevokedPartitions() {
        offsets.advance(P0, 50);
        offsets.advance(P3, 20);
        offsets.committed(offsets.toCommit(Map.of()));

        offsets.forget(List.of(P0));
        offsets.advance(P3, 25);

        assertThat(offsets.toCommit(Map.of())).isEqualTo(Map.of(P3, 25L));
    }
}
