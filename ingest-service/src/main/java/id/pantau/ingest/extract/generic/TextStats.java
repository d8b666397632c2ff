package id.pantau.ingest.extract.generic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Text measures of subtrees (non-space characters, characters inside links, link density), computed
 * once per element for one extraction: measuring an element measures and remembers all its
 * descendants, so nested candidates cost one walk. Not thread-safe; one instance per extraction.
 */
final class TextStats {

    private static final Set<String> INLINE = Set.of("a", "b", "strong", "i", "em", "u", "span", "font", "small",
            "sup", "sub", "mark", "abbr", "cite", "q", "code", "s", "del", "ins", "time", "big", "kbd", "var", "label");

    private final Map<Element, int[]> counts = new IdentityHashMap<>();
    /** The elements walked so far; all their descendants are in {@link #counts} too. */
    private final List<Element> walked = new ArrayList<>();

    /** True for inline formatting elements. */
    static boolean isInline(Element element) {
        return INLINE.contains(element.normalName());
    }

    /** Share of the subtree's non-space characters that sit inside links, 0 when it has no text. */
    double linkDensity(Element element) {
        int[] count = counts(element);
        return count[0] == 0 ? 0 : (double) count[1] / count[0];
    }

    /** {@code [non-space characters, of which inside links]} of the subtree. */
    private int[] counts(Element root) {
        int[] cached = counts.get(root);
        if (cached != null) {
            return cached;
        }
        List<Element> walkedInside = walkedInside(root);
        walked.add(root);
        Deque<int[]> stack = new ArrayDeque<>();
        int[] linkDepth = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    int length = nonSpace(text.getWholeText());
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
                int[] known = element != root && isOneOf(element, walkedInside) ? counts.get(element) : null;
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

    /**
     * The elements walked before that lie inside {@code root}: the walk of {@code root} reuses their
     * counts. All other elements it meets are unknown (a known one is inside one of these, which the
     * walk skips), so they are not looked up.
     */
    private List<Element> walkedInside(Element root) {
        List<Element> inside = new ArrayList<>();
        for (Element element : walked) {
            for (Element ancestor = element.parent(); ancestor != null; ancestor = ancestor.parent()) {
                if (ancestor == root) {
                    inside.add(element);
                    break;
                }
            }
        }
        return inside;
    }

    private static boolean isOneOf(Element element, List<Element> elements) {
        for (Element candidate : elements) {
            if (candidate == element) {
                return true;
            }
        }
        return false;
    }

    static int nonSpace(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && c != '\u00a0' && (c < 128 || !Character.isWhitespace(c))) {
                count++;
            }
        }
        return count;
    }
}
