package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/** The text PageFields reads from an element is what normalising jsoup's {@code text()} gives. */
class PageFieldsTest {

    @Test
    void shouldReadElementTextAsNormalisingJsoupTextDoes() {
        String[] pieces = {"Penulis: ", "Budi", " | Editor: ", "Sari", " ", "  ", "\n", "\t", "\r\n", "\f", "\u000b", "\u00a0", "\u2003", "\u200b",
            "\u00ad", "\u0001", "\u001f", "\u0085", "\u2028", "&nbsp;", "&#173;", "&#8203;", "<a href=\"/a\">", "</a>", "<span>", "</span>", "<b>",
            "</b>", "<i class=\"fa\"></i>", "<br>", "<p>", "</p>", "<div>", "</div>", "<td>", "</td>", "<li>", "<pre>", "</pre>", "<textarea>",
            "</textarea>", "<script>var a = 1;</script>", "<!-- note -->", "<img src=\"x.png\">", "<time>", "</time>", "<svg><![CDATA[ c ]]></svg>",
            "<code>", "</code>", "<wbr>", "\uD83D\uDE00", "x"};
        Random random = new Random(47);
        int elements = 0;
        int inlineOnly = 0;
        for (int i = 0; i < 8_000; i++) {
            StringBuilder html = new StringBuilder("<div id=\"t\">");
            for (int j = random.nextInt(10); j > 0; j--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            String page = html.append("</div> after").toString();
            Document doc = Jsoup.parse(page);
            for (Element e : doc.body().getAllElements()) {
                assertThat(PageFields.normalisedText(e)).as(page).isEqualTo(BodyText.normalise(e.text()));
                elements++;
                inlineOnly += isInlineWithText(e) ? 1 : 0;
            }
        }
        // most elements are read without text(): a chain to one text node, or text and inline elements
        assertThat(elements).isGreaterThan(20_000);
        assertThat(inlineOnly).isGreaterThan(3_000);
    }

    /** Whether {@code e} holds text and no block or line-break element below it, the case read without text(). */
    private static boolean isInlineWithText(Element e) {
        return e.getAllElements().stream().skip(1).allMatch(d -> d.tag().isInline() && !d.isBlock() && !d.nameIs("br"))
                && e.textNodes().stream().anyMatch(t -> !t.isBlank())
                && e.getAllElements().stream().flatMap(d -> d.textNodes().stream()).map(TextNode::getWholeText).allMatch(PageFields::isPlainText);
    }
}
