package id.pantau.enrich.tagger.topic;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.enrich.tagger.fixture.FixtureArticles;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void shouldFindTheSentenceAroundAnOffset() {
        String text = "Judul Berita\n\nPj Gubernur hadir. Ia meminta ASN netral!  Rapat usai.\n\nParagraf kedua.";

        assertThat(new Sentences(text).around(text.indexOf("meminta"))).containsExactly(text.indexOf("Ia"), text.indexOf("  Rapat"));
        assertThat(new Sentences(text).around(text.indexOf("kedua"))).containsExactly(text.indexOf("Paragraf"), text.length());
    }

    @Test
    void shouldListTheStartOfEverySentenceButTheFirst() {
        String text = "Judul Berita\n\nPj Gubernur hadir. Ia meminta ASN netral!  Rapat usai.\n\nParagraf kedua.";

        assertThat(new Sentences(text).starts()).containsExactly(
                text.indexOf("Pj"), text.indexOf("Ia"), text.indexOf("Rapat"), text.indexOf("Paragraf"));
    }

    @Test
    void shouldGiveLineByLineWhatBreakingTheWholeTextGives() {
        for (String name : new String[] {"01-apel-mantap-praja.txt", "02-rakor-mempawah.txt", "05-raker-apeksi.txt"}) {
            var article = FixtureArticles.load(name);
            String text = article.text() + "\n";
            Sentences lineByLine = new Sentences(text);

            for (int offset = -1; offset <= text.length(); offset += offset % 50 == 0 ? 1 : 7) {
                assertThat(lineByLine.around(offset)).as("offset %d of %s", offset, name)
                        .containsExactly(new Sentences(text).aroundReadingWholeText(offset));
            }
        }
    }
}
