package id.pantau.enrich.tagger.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    private final KeywordMatcher<String> matcher = new KeywordMatcher<>(Map.of("bua", "B", "kota bua", "KB", "mempawah", "M", "", "empty"));

    private static List<String> spans(List<KeywordMatcher.Match<String>> matches) {
        return matches.stream().map(m -> m.start() + "-" + m.end() + ":" + m.value()).toList();
    }

    @Test
    void shouldFindOnlyWordBoundedOccurrencesOverlappingOnesIncluded() {
        NormalizedText text = NormalizedText.of("Bua, kota Bua dan buah Mempawah");

        assertThat(spans(matcher.findAll(text))).containsExactly("0-3:B", "4-12:KB", "9-12:B", "22-30:M");
        assertThat(spans(matcher.findLongest(text))).containsExactly("0-3:B", "4-12:KB", "22-30:M");
    }

    @Test
    void shouldFindLongestKeywordAtAWordStartOnly() {
        NormalizedText text = NormalizedText.of("kota bua, kotabua bua");

        assertThat(matcher.longestAt(text, 0)).isEqualTo(new KeywordMatcher.Match<>(0, 8, "KB"));
        assertThat(matcher.longestAt(text, 5)).isEqualTo(new KeywordMatcher.Match<>(5, 8, "B"));
        assertThat(matcher.longestAt(text, 13)).isNull();
        assertThat(matcher.longestAt(text, 17)).isEqualTo(new KeywordMatcher.Match<>(17, 20, "B"));
    }

    @Test
    void shouldFindAKeywordEndingWhereTheSixtyFourCharacterWindowEnds() {
        String name = "a".repeat(60) + " bua";
        KeywordMatcher<String> longNames = new KeywordMatcher<>(Map.of(name, "L"));

        assertThat(longNames.longestAt(NormalizedText.of(name + " lagi"), 0)).isEqualTo(new KeywordMatcher.Match<>(0, 64, "L"));
        assertThat(longNames.longestAt(NormalizedText.of(name + "h lagi"), 0)).isNull();
    }
}
