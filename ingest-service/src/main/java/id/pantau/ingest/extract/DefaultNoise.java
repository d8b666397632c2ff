package id.pantau.ingest.extract;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes the page furniture every outlet has (scripts, styles, forms, navigation, asides, footers,
 * ad slots, share widgets, comment areas, related-post lists, author boxes) in one pass over the
 * document: a tag, class or id lookup per element instead of one selector evaluation per rule. Pure.
 */
final class DefaultNoise {

    /** Class names that make an element noise, compared exactly; plain lower-case ASCII. */
    static final List<String> CLASS_NAMES = List.of("adsbygoogle", "share", "social-share", "sharedaddy", "comments",
            "comment-respond", "related-posts", "author-box", "author-bio", "about-author", "saboxplugin-wrap");
    /** The id that makes an element noise. */
    private static final String NOISE_ID = "comments";

    private static final NodeFilter REMOVER = new NodeFilter() {
        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof Element element && depth > 0 && isNoise(element)) {
                return FilterResult.REMOVE;
            }
            return FilterResult.CONTINUE;
        }
    };

    private DefaultNoise() {}

    /** Removes the default noise under {@code root} (not {@code root} itself). */
    static void remove(Element root) {
        NodeTraversor.filter(REMOVER, root);
    }

    /**
     * Whether {@code element} is default noise: its tag, its id, or one of the names of its {@code
     * className()} (split at whitespace, compared exactly) is in the lists. Reads the names in place.
     */
    static boolean isNoise(Element element) {
        if (element.attributesSize() == 0) {
            return isNoiseTag(element.normalName());
        }
        return isNoise(element, element.attributes().getIgnoreCase("class"), element.id());
    }

    /** {@link #isNoise(Element)} given the element's {@code class} attribute (untrimmed) and id, as a walk has read them. */
    static boolean isNoise(Element element, String classAttribute, String id) {
        if (isNoiseByTagOrId(element, id)) {
            return true;
        }
        // className() trims the attribute (characters up to a space) before it is split at whitespace
        String classes = classAttribute.trim();
        int start = 0;
        int length = classes.length();
        for (int i = 0; i <= length; i++) {
            if (i == length || Character.isWhitespace(classes.charAt(i))) {
                if (i > start && isNoiseClass(classes, start, i - start)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** The tag and id half of {@link #isNoise(Element)}, for a caller that has compared the class names with {@link #CLASS_NAMES} itself. */
    static boolean isNoiseByTagOrId(Element element, String id) {
        return isNoiseTag(element.normalName()) || id.equals(NOISE_ID);
    }

    /**
     * Whether elements named {@code normalName} are noise: scripts, styles, embeds, forms, navigation,
     * asides and footers. A switch rather than a set, since it runs for every element of a page and
     * most names are not noise, which the switch tells from the name's hash alone.
     */
    static boolean isNoiseTag(String normalName) {
        return switch (normalName) {
            case "script", "style", "noscript", "template", "iframe", "svg", "form", "button", "nav", "aside", "footer" -> true;
            default -> false;
        };
    }

    /** Whether the {@code length} characters of {@code s} from {@code start} are one of {@link #CLASS_NAMES}. */
    private static boolean isNoiseClass(String s, int start, int length) {
        for (String name : CLASS_NAMES) {
            if (name.length() == length && s.startsWith(name, start)) {
                return true;
            }
        }
        return false;
    }
}
