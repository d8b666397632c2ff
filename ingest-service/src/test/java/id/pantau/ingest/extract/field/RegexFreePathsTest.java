package id.pantau.ingest.extract.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written string helpers of the byline and dateline parsers do what the regexes they replace did. */
class RegexFreePathsTest {

    private static final List<String> SAMPLES = List.of("", " ", "Budi", "Penulis: Ramadhan | Editor: Try Juliansyah", "  Budi  -  ",
            "- Budi -", "..Budi.", ". -", "Budi -\n", "Budi \u2028", "Budi\u0085", "a\t\tb", "a \t b", "TANJUNG SELOR, Suaraborneo.id",
            "TANJUNGPURA.ID (SINGKAWANG)", "A , , B", "A,(B) ", "\u00a0Pontianak\u00a0\u00a0-", "x\r\ny", "– Sari —", ":|,", "a\u000bb\fc");

    /** Random strings over the characters the patterns care about. */
    private static List<String> randomSamples() {
        String alphabet = " \t\n\r\u000b\f\u00a0\u0085\u2028:|,.-–—()ab";
        Random random = new Random(42);
        String[] out = new String[3000];
        for (int i = 0; i < out.length; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out[i] = s.toString();
        }
        return Arrays.asList(out);
    }

    private static Iterable<String> all() {
        List<String> all = new java.util.ArrayList<>(SAMPLES);
        all.addAll(randomSamples());
        return all;
    }

    @Test
    void shouldCollapseAndTrimLikeTheBylineRegexes() {
        for (String s : all()) {
            assertThat(BylineParser.collapseSpaces(s)).as(s).isEqualTo(BylineParser.SPACES.matcher(s).replaceAll(" "));
            assertThat(BylineParser.trim(s)).as(s).isEqualTo(BylineParser.TRIM.matcher(s).replaceAll(""));
        }
    }

    @Test
    void shouldCollapseAndSplitLikeTheDatelineRegexes() {
        for (String s : all()) {
            assertThat(DatelineParser.collapseWhitespace(s)).as(s).isEqualTo(DatelineParser.WHITESPACE.matcher(s).replaceAll(" "));
            String prefix = s.strip();
            List<String> expected = Arrays.stream(DatelineParser.PART_SPLIT.split(prefix)).filter(p -> !p.isBlank()).toList();
            assertThat(DatelineParser.splitParts(prefix).stream().filter(p -> !p.isBlank()).toList()).as(s).isEqualTo(expected);
        }
    }
}
