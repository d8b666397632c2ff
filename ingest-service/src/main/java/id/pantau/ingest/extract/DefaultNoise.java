package id.pantau.ingest.extract;

import java.util.Set;
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

    private static final Set<String> TAGS = Set.of("script", "style", "noscript", "template", "iframe", "svg", "form", "button",
            "nav", "aside", "footer");
    private static final Set<String> CLASSES = Set.of("adsbygoogle", "share", "social-share", "sharedaddy", "comments",
            "comment-respond", "related-posts", "author-box", "author-bio", "about-author", "saboxplugin-wrap");
    private static final Set<String> IDS = Set.of("comments");

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
     * {@link #isNoise(Element)} given the element's class names as {@link StreamingSelector#classes}
     * folds them: a class name of the list is plain lower case, so it folds to itself; only when a
     * folded name is in the list, or holds a control character (which {@code className()} would trim
     * off its ends), are the raw names checked.
     */
    static boolean isNoise(Element element, String[] foldedClasses) {
        if (TAGS.contains(element.normalName())) {
            return true;
        }
        if (foldedClasses.length == 0 && element.attributesSize() == 0) {
            return false;
        }
        String id = element.id();
        if (!id.isEmpty() && IDS.contains(id)) {
            return true;
        }
        for (String name : foldedClasses) {
            if (CLASSES.contains(name) || hasControl(name)) {
                return isNoise(element);
            }
        }
        return false;
    }

    private static boolean hasControl(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < ' ') {
                return true;
            }
        }
        return false;
    }

    static boolean isNoise(Element element) {
        if (TAGS.contains(element.normalName())) {
            return true;
        }
        String id = element.id();
        if (!id.isEmpty() && IDS.contains(id)) {
            return true;
        }
        String classes = element.className();
        if (classes.isEmpty()) {
            return false;
        }
        int start = 0;
        int length = classes.length();
        for (int i = 0; i <= length; i++) {
            if (i == length || Character.isWhitespace(classes.charAt(i))) {
                if (i > start && CLASSES.contains(classes.substring(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
