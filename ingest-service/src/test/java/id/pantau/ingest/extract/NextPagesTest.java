package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

class NextPagesTest {

    /**
     * The label pre-check never drops a text either link-text pattern matches: texts built from the
     * patterns' words in any case (with the characters that fold to their letters), arrows, spaces and
     * other words, cut at random.
     */
    @Test
    void shouldKeepEveryLinkTextThePatternsMatch() {
        List<String> words = List.of("Halaman", "selanjutnya", "BERIKUTNYA", "nExt", "page", "Lanjut", "tampilkan", "Lihat", "SEMUA", "show",
                "all", "pages", "baca", "dalam", "satu", "Single", "\u017Fingle", "\u017Fhow", "L\u0131hat", "Berita", "home", " ", "  ", "\t",
                "2", ">", "\u00bb", "\u203a", "\u212Aategori", "\u0130ndex");
        Random random = new Random(5);
        int matched = 0;
        int dropped = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 1 + random.nextInt(4); j > 0; j--) {
                String w = words.get(random.nextInt(words.size()));
                int cut = random.nextInt(w.length() + 1);
                s.append(random.nextInt(4) > 0 ? w : w.substring(0, cut));
                if (random.nextBoolean()) {
                    s.append(' ');
                }
            }
            String text = s.toString().strip();
            boolean matches = NextPages.NEXT_TEXT.matcher(text).matches() || NextPages.SHOW_ALL_TEXT.matcher(text).matches();
            if (matches) {
                matched++;
                assertThat(NextPages.mayBeLabel(text)).as(text).isTrue();
            } else if (!NextPages.mayBeLabel(text)) {
                dropped++;
            }
        }
        assertThat(matched).as("texts the patterns match").isGreaterThan(1_000);
        assertThat(dropped).as("texts the pre-check drops").isGreaterThan(50_000);
    }

    @Test
    void shouldKeepLabelsWhoseLettersFoldToThePatternWords() {
        assertThat(NextPages.mayBeLabel("\u017Fingle page")).isTrue();
        assertThat(NextPages.SHOW_ALL_TEXT.matcher("\u017Fingle page").matches()).isTrue();
        assertThat(NextPages.mayBeLabel("L\u0131hat semua")).isTrue();
        assertThat(NextPages.SHOW_ALL_TEXT.matcher("L\u0131hat semua").matches()).isTrue();
        assertThat(NextPages.mayBeLabel("Berita lainnya")).isFalse();
    }

    /**
     * An anchor's pagination text is its normalised text when that is short and may be a label: the
     * check on the raw text's first kept character drops no anchor the label check on the normalised
     * text would keep.
     */
    @Test
    void shouldReadTheSamePaginationTextAsFromTheNormalisedAnchorText() {
        List<String> parts = List.of(" ", "\u00a0", "\n", "\t", "\u2003", "\u200b", "Halaman", "selanjutnya", "\u00bb", "\u203a", "\u017Fhow",
                "all", "Lihat", "semua", "Berita", "2", "next", "NEXT", "x");
        Random random = new Random(11);
        int kept = 0;
        int dropped = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 1 + random.nextInt(4); j > 0; j--) {
                s.append(parts.get(random.nextInt(parts.size())));
            }
            Element a = Jsoup.parse("<a href=\"/2\"></a>").selectFirst("a");
            a.appendChild(new TextNode(s.toString()));
            String normalised = BodyText.normalise(s.toString());
            String expected = normalised.isEmpty() || normalised.length() > 40 || !NextPages.mayBeLabel(normalised) ? null : normalised;

            String text = NextPages.paginationText(a);

            assertThat(text).as(s.toString()).isEqualTo(expected);
            if (text == null) {
                dropped++;
            } else {
                kept++;
            }
        }
        assertThat(kept).as("anchors kept").isGreaterThan(2_000);
        assertThat(dropped).as("anchors dropped").isGreaterThan(2_000);
    }
}
