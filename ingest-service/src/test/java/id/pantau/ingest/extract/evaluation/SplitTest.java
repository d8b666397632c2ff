package id.pantau.ingest.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    private static final List<String> IDS = IntStream.range(0, 111).mapToObj(i -> "page-" + i).toList();

    @Test
    void shouldHoldOutThirtyOneOfOneHundredElevenPages() {
        Split split = Split.of(IDS);

        assertThat(split.heldOut()).hasSize(31);
        assertThat(split.dev()).hasSize(80);
        assertThat(split.dev()).doesNotContainAnyElementsOf(split.heldOut());
        assertThat(split.part("all")).containsExactlyInAnyOrderElementsOf(IDS);
    }

    @Test
    void shouldSplitTheSameWayWhateverTheInputOrder() {
        Split forward = Split.of(IDS);
        Split backward = Split.of(IDS.reversed());

        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void shouldHoldOutTheIdsWithTheSmallestSaltedHash() {
        // SHA-256("pantau-holdout-v1:" + id) starts with d1.. for "a", 62.. for "b", 5d.. for "c"
        Split split = Split.of(List.of("a", "b", "c"), 1);

        assertThat(split.heldOut()).containsExactly("c");
        assertThat(split.dev()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void shouldRejectAnUnknownPart() {
        assertThatThrownBy(() -> Split.of(IDS).part("test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("part must be all, dev or held-out, was test");
    }
}
