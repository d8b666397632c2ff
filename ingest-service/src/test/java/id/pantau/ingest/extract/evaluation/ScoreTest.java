package id.pantau.ingest.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void shouldAveragePrecisionAndRecallOverPagesAndTakeF1FromTheMeans() {
        // page 1: TP 2, FP 2, FN 1 -> P 0.5, R 2/3; page 2: perfect -> P 1, R 1
        List<PageCounts> pages = List.of(PageCounts.of("a b c d e f", "a b c d e x y"), PageCounts.of("a b c d", "a b c d"));

        Score score = Score.of(pages);

        double precision = (0.5 + 1) / 2;
        double recall = (2.0 / 3 + 1) / 2;
        assertThat(score.precision()).isCloseTo(0.75, within(1e-12));
        assertThat(score.recall()).isCloseTo(recall, within(1e-12));
        assertThat(score.f1()).isCloseTo(2 * precision * recall / (precision + recall), within(1e-12));
        assertThat(score.f1()).isCloseTo(0.7894736842105263, within(1e-12));
        assertThat(score.pages()).isEqualTo(2);
    }

    @Test
    void shouldSkipAPageInPrecisionWhenNothingWasExtracted() {
        // page 1: empty extraction -> TP 0, FP 0, FN 1: skipped in precision, recall 0
        // page 2: TP 2, FP 2, FN 1 -> P 0.5, R 2/3
        List<PageCounts> pages = List.of(PageCounts.of("a b c d", ""), PageCounts.of("a b c d e f", "a b c d e x y"));

        Score score = Score.of(pages);

        assertThat(score.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(score.recall()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(score.f1()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void shouldSkipAPageInRecallWhenNothingWasExpected() {
        // page 1: nothing expected, something extracted -> TP 0, FP 1: precision 0, skipped in recall
        List<PageCounts> pages = List.of(PageCounts.of("", "a b c d"), PageCounts.of("a b c d", "a b c d"));

        Score score = Score.of(pages);

        assertThat(score.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(score.recall()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shouldCountAPageAsOneWhenBothTextsAreEmpty() {
        List<PageCounts> pages = List.of(PageCounts.of("", ""), PageCounts.of("a b c d", "x y z w"));

        Score score = Score.of(pages);

        assertThat(score.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(score.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(score.f1()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void shouldBeZeroWhenThereAreNoPages() {
        assertThat(Score.of(List.of())).isEqualTo(new Score(0, 0, 0, 0));
    }
}
