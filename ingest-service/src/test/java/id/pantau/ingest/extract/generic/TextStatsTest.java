package id.pantau.ingest.extract.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

/**
 * TextStats looks up only the elements it walked before, where it once looked up every element; asked
 * in any order, it must answer as that walk did.
 */
class TextStatsTest {

    private static final String[] TAGS = {"div", "p", "a", "span", "section", "li", "b"};
    private static final String[] TEXTS = {"Presiden", " ", "baca juga", "\u00a0x\u00a0", "kata dia.", "\n  ", "日本"};

    @Test
    void shouldMeasureLinkDensityAsTheWalkThatLookedUpEveryElementWhateverTheOrderOfQuestions() {
        Random random = new Random(5);
        for (int page = 0; page < 500; page++) {
            StringBuilder html = new StringBuilder();
            tree(random, html, 0);
            Element body = Jsoup.parse(html.toString()).body();
            List<Element> elements = new ArrayList<>(body.getAllElements());
            Collections.shuffle(elements, random);
            TextStats stats = new TextStats();
            LookUpEveryElement reference = new LookUpEveryElement();
            for (Element element : elements.subList(0, random.nextInt(elements.size() + 1))) {
                assertThat(stats.linkDensity(element)).as("%s in %s", element.cssSelector(), html)
                        .isEqualTo(reference.linkDensity(element));
            }
        }
    }

    /**
     * The walk TextStats made before it knew which elements it had walked: it looked every element up.
     * (Counts are relative to the walked root, so an element inside a link measured as part of a larger
     * walk counts its text as linked: the answer depends on the order of questions, by design kept.)
     */
    private static final class LookUpEveryElement {
        private final Map<Element, int[]> counts = new IdentityHashMap<>();

        double linkDensity(Element element) {
            int[] count = counts(element);
            return count[0] == 0 ? 0 : (double) count[1] / count[0];
        }

        private int[] counts(Element root) {
            int[] cached = counts.get(root);
            if (cached != null) {
                return cached;
            }
            Deque<int[]> stack = new ArrayDeque<>();
            int[] linkDepth = {0};
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node instanceof TextNode text) {
                        int length = TextStats.nonSpace(text.getWholeText());
                        int[] top = stack.peek();
                        if (top != null) {
                            top[0] += length;
                            top[1] += linkDepth[0] > 0 ? length : 0;
                        }
                        return FilterResult.CONTINUE;
                    }
                    if (!(node instanceof Element element)) {
                        return FilterResult.CONTINUE;
                    }
                    int[] known = element == root ? null : counts.get(element);
                    if (known != null) {
                        int[] top = stack.peek();
                        if (top != null) {
                            top[0] += known[0];
                            top[1] += linkDepth[0] > 0 ? known[0] : known[1];
                        }
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    stack.push(new int[2]);
                    if (element.nameIs("a")) {
                        linkDepth[0]++;
                    }
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node instanceof Element element) {
                        int[] count = stack.pop();
                        counts.put(element, count);
                        int[] parent = stack.peek();
                        if (parent != null) {
                            parent[0] += count[0];
                            parent[1] += count[1];
                        }
                        if (element.nameIs("a")) {
                            linkDepth[0]--;
                        }
                    }
                    return FilterResult.CONTINUE;
                }
            }, root);
            return counts.get(root);
        }
    }

    private static void tree(Random random, StringBuilder html, int depth) {
        for (int i = random.nextInt(4); i >= 0; i--) {
            if (depth > 4 || random.nextInt(3) == 0) {
                html.append(TEXTS[random.nextInt(TEXTS.length)]);
            } else {
                String tag = TAGS[random.nextInt(TAGS.length)];
                html.append('<').append(tag).append('>');
                tree(random, html, depth + 1);
                html.append("</").append(tag).append('>');
            }
        }
    }
}
