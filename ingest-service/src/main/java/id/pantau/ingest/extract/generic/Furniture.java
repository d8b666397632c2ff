package id.pantau.ingest.extract.generic;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Decides which elements are never part of an article body: scripts, navigation, hidden blocks, ... */
final class Furniture {

    private static final Set<String> NEVER_BODY = Set.of(
            "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "button",
            "select", "input", "textarea", "option", "nav", "aside", "footer", "menu", "dialog", "head",
            "link", "meta", "video", "audio", "map", "math", "label");

    /** Also dropped from the body text (but their text may count while locating the body). */
    private static final Set<String> NOT_BODY_TEXT = Set.of("figcaption", "figure", "header", "h1", "address");

    private static final Set<String> KEEP = Set.of("html", "body", "article", "main");

    private Furniture() {}

    /** True when {@code element} and its subtree are never body: by tag, by visibility, by class hints. */
    static boolean isFurniture(Element element, boolean useClassHints) {
        String tag = element.normalName();
        if (NEVER_BODY.contains(tag)) {
            return true;
        }
        if (isHidden(element)) {
            return true;
        }
        return useClassHints && !KEEP.contains(tag) && ClassHints.isUnlikely(element);
    }

    /** True for captions, figures, headers, the title and addresses. */
    static boolean isOutsideBodyText(Element element) {
        return NOT_BODY_TEXT.contains(element.normalName());
    }

    private static boolean isHidden(Element element) {
        if (element.hasAttr("hidden")) {
            return true;
        }
        String style = element.attr("style");
        if (!style.isEmpty()) {
            String compact = style.toLowerCase(Locale.ROOT).replace(" ", "");
            if (compact.contains("display:none") || compact.contains("visibility:hidden")) {
                return true;
            }
        }
        return "true".equals(element.attr("aria-hidden")) && !KEEP.contains(element.normalName());
    }
}
