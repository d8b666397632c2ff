package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NextPagesTest {

    @Test
    void shouldPreCheckAsciiLinkTextsAsTheFoldedCheckDoes() {
        List<String> words = List.of("Lanjut", "BERIKUT", "nExt", "semua", "ALL", "Halaman", "single", "SINGLE", "Berita", "home", " ", "2", ">",
                "\u00bb", "\u203a", "\u017Fingle", "\u212Aategori", "\u0130ndex");
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(4); j > 0; j--) {
                String w = words.get(random.nextInt(words.size()));
                int cut = random.nextInt(w.length() + 1);
                s.append(random.nextBoolean() ? w : w.substring(0, cut));
            }
            String text = s.toString();
            assertThat(NextPages.mayBePagination(text)).as(text).isEqualTo(NextPages.mayBePaginationFolded(text));
        }
    }
}
