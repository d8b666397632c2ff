package id.pantau.ingest.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageCountsTest {

    @Test
    void shouldSplitIntoUnicodeWordTokens() {
        assertThat(PageCounts.tokens("Pj Gubernur, Harisson: \"netral!\" 27/11 café_ok — Ünal"))
                .containsExactly("Pj", "Gubernur", "Harisson", "netral", "27", "11", "café_ok", "Ünal");
    }

    @Test
    void shouldCountRepeatedShingles() {
        Map<List<String>, Integer> shingles = PageCounts.shingles("a b c d a b c d");

        assertThat(shingles).containsExactlyInAnyOrderEntriesOf(Map.of(
                List.of("a", "b", "c", "d"), 2,
                List.of("b", "c", "d", "a"), 1,
                List.of("c", "d", "a", "b"), 1,
                List.of("d", "a", "b", "c"), 1));
    }

    @Test
    void shouldHaveNoShingleWhenTheTextHasFewerThanFourTokens() {
        assertThat(PageCounts.shingles("satu dua tiga")).isEmpty();
    }

    @Test
    void shouldNormaliseCountsWhenTheExtractionHasExtraAndMissingText() {
        // expected "a b c d e f": abcd bcde cdef; extracted "a b c d e x y": abcd bcde cdex dexy
        PageCounts counts = PageCounts.of("a b c d e f", "a b c d e x y");

        // TP 2, FP 2, FN 1, sum 5
        assertThat(counts.tp()).isCloseTo(0.4, within(1e-12));
        assertThat(counts.fp()).isCloseTo(0.4, within(1e-12));
        assertThat(counts.fn()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void shouldCapTruePositivesAtTheExpectedCount() {
        // expected: abcd once; extracted: abcd twice (a b c d a b c d), plus bcda cdab dabc
        PageCounts counts = PageCounts.of("a b c d", "a b c d a b c d");

        // TP 1, FP 1 + 3 = 4, FN 0, sum 5
        assertThat(counts).isEqualTo(new PageCounts(0.2, 0.8, 0.0));
    }

    @Test
    void shouldBeAllZeroWhenNeitherTextHasShingles() {
        assertThat(PageCounts.of("", "dua kata")).isEqualTo(new PageCounts(0, 0, 0));
    }
}
