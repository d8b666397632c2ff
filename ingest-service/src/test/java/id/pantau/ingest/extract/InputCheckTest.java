package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InputCheckTest {

    @Test
    void shouldFindAnHtmlTagWhereThePatternFindsOne() {
        String[] starts = {"<", "<html", "<HTML", "<Html", "<head", "<body", "<BODY", "<title", "<meta", "<p", "<P", "<div", "<article", "<articles",
            "<main", "<h1", "<H2", "<h3", "<span", "<a", "<A", "<abbr", "<section", "<table", "<br", "<bR", "<b", "<!doctype", "<!DOCTYPE", "<!DocType",
            "<!doctypes", "<!doctype html", "<!", "<?xml", "<htm", "<divx", "html", "p", "!doctype"};
        String[] ends = {">", "/", " ", "  ", "\t", "\n", "\u000b", "\f", "\r", "\u00a0", "\u0085", "\u2028", "=", "x", "1", " html", "\u212A",
            "\u0130", "\u017F"};
        String[][] pieces = {starts, ends};
        Random random = new Random(43);
        int found = 0;
        int notFound = 0;
        for (int i = 0; i < 60_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                String[] kind = pieces[j % 2];
                s.append(kind[random.nextInt(kind.length)]);
            }
            String html = s.toString();
            // the region ends anywhere, also inside a tag or just before the character that ends its name
            int end = random.nextInt(html.length() + 1);
            boolean expected = InputCheck.HTML_TAG.matcher(html).region(0, end).find();
            assertThat(InputCheck.hasHtmlTag(html, end)).as("[" + html + "] to " + end).isEqualTo(expected);
            found += expected ? 1 : 0;
            notFound += expected ? 0 : 1;
        }
        assertThat(found).isGreaterThan(5_000);
        assertThat(notFound).isGreaterThan(5_000);
    }
}
