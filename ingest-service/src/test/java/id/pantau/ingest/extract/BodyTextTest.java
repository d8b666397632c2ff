package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

/** The body paragraphs, built with whitespace collapsed as text is appended, are {@code normalise} of each block's raw text. */
class BodyTextTest {

    private static final List<String> BLOCK_TAGS = List.of("p", "div", "li", "h2", "blockquote", "td");

    /** The blocks as they were built before: raw text gathered, then normalised when the block ends. */
    private static List<String> referenceBlocks(Element container) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if (List.of("figure", "figcaption", "script", "style", "noscript", "template", "iframe", "svg", "button", "select",
                            "textarea", "input", "img", "video", "audio", "picture", "object").contains(name)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (name.equals("br") || BLOCK_TAGS.contains(name) || name.equals("ul")) {
                        flush(blocks, current);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && (BLOCK_TAGS.contains(element.normalName()) || element.normalName().equals("ul"))) {
                    flush(blocks, current);
                }
                return FilterResult.CONTINUE;
            }
        }, container);
        flush(blocks, current);
        return blocks;
    }

    private static void flush(List<String> blocks, StringBuilder current) {
        String text = BodyText.normalise(current.toString());
        if (!text.isEmpty()) {
            blocks.add(text);
        }
        current.setLength(0);
    }

    @Test
    void shouldCollapseWhitespaceAcrossTextNodesAsNormaliseDoes() {
        String[] pieces = {"Kata", "satu", " ", "  ", "\n", "\t", "\u00a0", "\u2007", "\u202f", "\u200b", "\u2003", "\u3000", "\r\n", "\u000b",
                "<b>", "</b>", "<i> </i>", "<br>", "<span>\u00a0</span>", "é", "–", "<p>", "</p>", "<li>", "<figure>x</figure>", "."};
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder html = new StringBuilder("<div id=\"c\">");
            for (int j = random.nextInt(30); j > 0; j--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            Element container = Jsoup.parse(html.append("</div>").toString()).getElementById("c");
            List<String> expected = new ArrayList<>();
            expected.addAll(referenceBlocks(container));
            // paragraphs() also drops furniture and repeats; the reference blocks go through the same clean()
            assertThat(BodyText.paragraphs(List.of(container))).as(html.toString()).isEqualTo(BodyText.clean(expected));
        }
    }
}
