package id.pantau.ingest.extract.generic;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Text measures of a subtree: text length, link text length, link density. */
final class TextStats {

    private static final Set<String> INLINE = Set.of("a", "b", "strong", "i", "em", "u", "span", "font", "small",
            "sup", "sub", "mark", "abbr", "cite", "q", "code", "s", "del", "ins", "time", "big", "kbd", "var", "label");

    private TextStats() {}

    /** True for inline formatting elements. */
    static boolean isInline(Element element) {
        return INLINE.contains(element.normalName());
    }

    /** Share of the subtree's non-space characters that sit inside links, 0 when it has no text. */
    static double linkDensity(Element element) {
        int[] counts = new int[3];
        element.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    int length = nonSpace(text.getWholeText());
                    counts[0] += length;
                    if (counts[2] > 0) {
                        counts[1] += length;
                    }
                } else if (node instanceof Element e && e.nameIs("a")) {
                    counts[2]++;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.nameIs("a")) {
                    counts[2]--;
                }
            }
        });
        return counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
    }

    static int nonSpace(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u00a0') {
                count++;
            }
        }
        return count;
    }
}
