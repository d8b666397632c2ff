package id.pantau.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    private static final TopicPartition P0 = new TopicPartition("ingest.crawl.requests", 0);
    private static final TopicPartition P3 = new TopicPartition("ingest.crawl.requests", 3);

    private final PartitionProgress progress = new PartitionProgress(4, 2);

    private void take(TopicPartition partition, long from, long to) {
        for (long offset = from; offset <= to; offset++) {
            assertThat(progress.taken(partition, offset)).isTrue();
        }
    }

    @Test
    void shouldCommitTheLowestUnfinishedOffsetWhileRecordsFinishOutOfOrder() {
        take(P0, 10, 14);

        progress.finished(P0, 12);
        progress.finished(P0, 14);
        assertThat(progress.toCommit()).as("10 is still running").isEqualTo(Map.of(P0, 10L));

        progress.finished(P0, 10);
        assertThat(progress.toCommit()).as("11 is still running").isEqualTo(Map.of(P0, 11L));

        progress.finished(P0, 11);
        assertThat(progress.toCommit()).as("13 is still running").isEqualTo(Map.of(P0, 13L));

        progress.finished(P0, 13);
        assertThat(progress.toCommit()).as("all finished: the end of what was taken").isEqualTo(Map.of(P0, 15L));
    }

    @Test
    void shouldKeepEachPartitionsWatermarkApart() {
        take(P0, 0, 2);
        take(P3, 7, 8);

        progress.finished(P0, 0);
        progress.finished(P0, 1);
        progress.finished(P0, 2);
        progress.finished(P3, 8);

        assertThat(progress.toCommit()).isEqualTo(Map.of(P0, 3L, P3, 7L));
    }

    @Test
    void shouldCommitOnlyWhatChanged() {
        take(P0, 0, 1);
        take(P3, 5, 5);
        progress.finished(P3, 5);
        progress.committed(progress.toCommit());

        assertThat(progress.toCommit()).as("nothing new").isEmpty();

        take(P0, 2, 3);
        assertThat(progress.toCommit()).as("new records behind the running one").isEmpty();

        progress.finished(P0, 0);
        assertThat(progress.toCommit()).isEqualTo(Map.of(P0, 1L));
    }

    @Test
    void shouldIgnoreARecordTakenAgainAndAFinishOfAnUnknownRecord() {
        take(P0, 0, 1);
        progress.finished(P0, 0);

        assertThat(progress.taken(P0, 0)).as("finished before").isFalse();
        assertThat(progress.taken(P0, 1)).as("unfinished").isFalse();
        assertThat(progress.finished(P0, 0)).isFalse();
        assertThat(progress.finished(P3, 0)).isFalse();
        assertThat(progress.unfinished(P0)).isEqualTo(1);
        assertThat(progress.toCommit()).isEqualTo(Map.of(P0, 1L));
    }

    @Test
    void shouldCountARewoundRecordAsNotTaken() {
        take(P0, 0, 1);
        progress.finished(P0, 0);

        progress.rewind(P0, 1);

        assertThat(progress.unfinished(P0)).isZero();
        assertThat(progress.toCommit()).as("1 is read again").isEqualTo(Map.of(P0, 1L));
        assertThat(progress.taken(P0, 1)).isTrue();
    }

    @Test
    void shouldPauseAPartitionAboveTheBoundAndResumeItOnceItHasDrainedToTheResumeMark() {
        take(P0, 0, 3);
        take(P3, 0, 4);

        assertThat(progress.toPause()).as("4 is not above 4").containsExactly(P3);
        assertThat(progress.toPause()).as("already paused").isEmpty();

        progress.finished(P3, 0);
        progress.finished(P3, 3);
        assertThat(progress.toResume()).as("3 left, above the resume mark").isEmpty();

        progress.finished(P3, 4);
        assertThat(progress.toResume()).containsExactly(P3);
        assertThat(progress.toResume()).as("already resumed").isEmpty();

        take(P3, 5, 7);
        assertThat(progress.toPause()).as("5 unfinished again").containsExactly(P3);
    }

    @Test
    void shouldForgetRevokedPartitionsWithTheirUnfinishedRecordsAndPauses() {
        take(P0, 0, 5);
        take(P3, 0, 1);
        assertThat(progress.toPause()).isEqualTo(Set.of(P0));
        progress.committed(progress.toCommit());

        progress.forget(List.of(P0));

        assertThat(progress.unfinished(P0)).isZero();
        assertThat(progress.finished(P0, 3)).as("a running request finished after the revocation").isFalse();
        assertThat(progress.toResume()).isEmpty();
        assertThat(progress.toCommit()).isEmpty();
        assertThat(progress.taken(P0, 2)).as("assigned again, read from the committed offset").isTrue();
        assertThat(progress.toCommit()).isEqualTo(Map.of(P0, 2L));
    }

    @Test
    void shouldRejectAResumeMarkAboveThePauseBound() {
        assertThatThrownBy(() -> new PartitionProgress(4, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resumeAt: expected 0..4, got 5");
    }
}
