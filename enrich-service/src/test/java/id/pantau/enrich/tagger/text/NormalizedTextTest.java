package id.pantau.enrich.tagger.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizedTextTest {

    @Test
    void shouldFoldCaseAndPunctuationAndMapOffsetsBack() {
        NormalizedText t = NormalizedText.of("Sekda  Kab. Bulungan, “Risdianto”");

        assertThat(t.normalized()).isEqualTo("sekda kab bulungan risdianto");
        int start = t.normalized().indexOf("bulungan");
        int end = start + "bulungan".length();
        assertThat(t.original().substring(t.originalStart(start), t.originalEnd(end))).isEqualTo("Bulungan");
        assertThat(t.originalStart(t.normalized().indexOf("risdianto"))).isEqualTo(23);
    }

    @Test
    void shouldListTokensAroundASpan() {
        NormalizedText t = NormalizedText.of("Pj Wali Kota Pontianak Ani Sofian hadir.");
        int start = t.normalized().indexOf("pontianak");

        assertThat(t.tokensBefore(start, 2)).containsExactly("wali", "kota");
        assertThat(t.tokensBefore(start, 9)).containsExactly("pj", "wali", "kota");
        assertThat(t.tokensAfter(start + "pontianak".length(), 2)).containsExactly("ani", "sofian");
        assertThat(t.tokensBefore(0, 3)).isEmpty();
    }

    @Test
    void shouldCheckCapitalisationPerWord() {
        NormalizedText t = NormalizedText.of("Kubu Raya dan kubu raya, MEMPAWAH");

        assertThat(t.isCapitalised(0, 9)).isTrue();
        assertThat(t.isCapitalised(14, 23)).isFalse();
        assertThat(t.isCapitalised(25, 33)).isTrue();
    }

    @Test
    void shouldMatchKeywordsOnWordBoundariesOnly() {
        KeywordMatcher<String> m = new KeywordMatcher<>(Map.of("batu", "batu", "kubu raya", "kkr", "kubu", "kubu"));

        List<KeywordMatcher.Match<String>> found = m.findLongest(NormalizedText.of("Batubara, Kubu Raya, kubu; Batu."));

        assertThat(found).extracting(KeywordMatcher.Match::value).containsExactly("kkr", "kubu", "batu");
        assertThat(m.longestAt(NormalizedText.of("Kubu Raya"), 0)).isEqualTo(new KeywordMatcher.Match<>(0, 9, "kkr"));
        assertThat(m.longestAt(NormalizedText.of("Kuburan"), 0)).isNull();
    }
}
