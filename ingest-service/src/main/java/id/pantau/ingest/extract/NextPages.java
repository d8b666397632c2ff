package id.pantau.ingest.extract;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Finds the links of a multi-page article: a "show all" / "Tampilkan semua" link to a single page
 * holding the whole article, and the link to the next page (profile selector, {@code rel=next},
 * "Halaman selanjutnya", "Selanjutnya", "Next"). Only unvisited http(s) links to the article's own
 * host count. Pure.
 */
final class NextPages {

    static final Pattern NEXT_TEXT = Pattern.compile(
            "(?iu)(halaman\\s+selanjutnya|selanjutnya|berikutnya|halaman\\s+berikutnya|next(\\s+page)?|lanjut)\\s*[»›>]*|[»›]");
    static final Pattern SHOW_ALL_TEXT = Pattern.compile(
            "(?iu)tampilkan\\s+semua(\\s+halaman)?|lihat\\s+semua(\\s+halaman)?|show\\s+all(\\s+pages)?|baca\\s+dalam\\s+satu\\s+halaman|single\\s+page");
    /** What a text must start with to match {@link #NEXT_TEXT} or {@link #SHOW_ALL_TEXT}: the first word of each alternative. */
    private static final List<String> LABEL_STARTS = List.of("halaman", "selanjutnya", "berikutnya", "next", "lanjut", "\u00bb", "\u203a",
            "tampilkan", "lihat", "show", "baca", "single");
    /** The characters a label starts with: the first of each of {@link #LABEL_STARTS}. */
    private static final String LABEL_FIRST_CHARACTERS = LABEL_STARTS.stream().map(start -> start.substring(0, 1)).distinct()
            .collect(Collectors.joining());
    /** Link texts longer than this are headlines, not pagination. */
    private static final int MAX_LINK_TEXT = 40;

    /** The links found: either may be null. */
    record Links(@Nullable String showAll, @Nullable String next) {}

    private NextPages() {}

    /** The show-all and next-page links of a page, from its scan (links, anchors, profile selector matches). */
    static Links find(PageScan scan, String pageUrl, @Nullable String profileSelector, Set<String> visited) {
        String next = null;
        if (profileSelector != null) {
            for (Element a : scan.select(profileSelector)) {
                next = usable(PageScan.hasAttribute(a, "href") ? Urls.absUrl(a, "href") : Urls.absUrl(a, "content"), pageUrl, visited);
                if (next != null) {
                    break;
                }
            }
        }
        String relNext = null;
        String showAll = null;
        String nextByText = null;
        // a next page from the profile's selector wins over rel=next and link texts, so the next-page
        // pattern is not run then (rel=next is still read: it decides which anchors are checked for "show all")
        boolean nextFound = next != null;
        for (Element link : scan.links) {
            if (relNext == null && PageScan.attribute(link, "rel").equalsIgnoreCase("next")) {
                relNext = usable(Urls.absUrl(link, "href"), pageUrl, visited);
            }
        }
        for (PageScan.PaginationAnchor a : scan.paginationAnchors) {
            if (relNext == null && a.isRelNext()) {
                // anchors without href are skipped
                if (PageScan.hasAttribute(a.element(), "href")) {
                    relNext = usable(Urls.absUrl(a.element(), "href"), pageUrl, visited);
                }
                continue;
            }
            String text = a.text();
            if (text == null) {
                continue;
            }
            if (showAll == null && SHOW_ALL_TEXT.matcher(text).matches()) {
                showAll = usable(Urls.absUrl(a.element(), "href"), pageUrl, visited);
            } else if (!nextFound && nextByText == null && NEXT_TEXT.matcher(text).matches()) {
                nextByText = usable(Urls.absUrl(a.element(), "href"), pageUrl, visited);
            }
        }
        if (next == null) {
            next = relNext;
        }
        return new Links(showAll, next != null ? next : nextByText);
    }

    /**
     * The text of anchor {@code a} when it may be a pagination label: short, holding one of the words of
     * the link-text patterns ({@link #mayBeLabel}), and the anchor has an {@code href}; else null.
     */
    static @Nullable String paginationText(Element a) {
        String text = shortText(a);
        return text == null || !mayBeLabel(text) || !PageScan.hasAttribute(a, "href") ? null : text;
    }

    /**
     * The anchor's text when it is short enough to be a pagination label, else null; cheap for long
     * anchors, and for an anchor of plain text that cannot start a label (see {@link #mayBeLabel}).
     */
    private static @Nullable String shortText(Element a) {
        if (a.childNodeSize() == 1 && a.childNode(0) instanceof TextNode only) {
            String whole = only.getWholeText();
            if (whole.length() > MAX_LINK_TEXT * 2 || !mayStartLabel(whole)) {
                return null;
            }
            String text = BodyText.normalise(whole);
            return text.isEmpty() || text.length() > MAX_LINK_TEXT ? null : text;
        }
        if (a.childrenSize() > 2) {
            return null;
        }
        String text = a.text();
        return text.isEmpty() || text.length() > MAX_LINK_TEXT ? null : text;
    }

    /**
     * False when {@code text} cannot match {@link #NEXT_TEXT} or {@link #SHOW_ALL_TEXT}: both are matched
     * against the whole text, so it must start with the first word of one of their alternatives or be an
     * arrow. Compared the way the patterns' {@code (?iu)} compares letters (so "ſ" and "ı" still pass);
     * most anchors of a page (menus, headlines) are dropped here without running the two patterns.
     */
    static boolean mayBeLabel(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = fold(text.charAt(0));
        for (String start : LABEL_STARTS) {
            if (start.charAt(0) == first && startsWithFolded(text, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the first character of {@code raw} that {@link BodyText#normalise} keeps may start a label. */
    private static boolean mayStartLabel(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!BodyText.isSpace(c)) {
                return LABEL_FIRST_CHARACTERS.indexOf(fold(c)) >= 0;
            }
        }
        return false;
    }

    /** {@code c} folded as {@code (?iu)} compares it. */
    private static char fold(char c) {
        return c >= 'a' && c <= 'z' ? c : Character.toLowerCase(Character.toUpperCase(c));
    }

    /** Whether {@code text} starts with the lower-case {@code word}, each character folded as {@code (?iu)} folds it. */
    private static boolean startsWithFolded(String text, String word) {
        if (text.length() < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = text.charAt(i);
            if (c != word.charAt(i) && fold(c) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The URL without its fragment, for loop detection. */
    static String key(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static @Nullable String usable(String url, String pageUrl, Set<String> visited) {
        if (url.isEmpty() || visited.contains(key(url))) {
            return null;
        }
        String host = Urls.isPlainAbsolute(url) ? Urls.plainHost(url) : null;
        String pageHost = host != null && Urls.isPlainAbsolute(pageUrl) ? Urls.plainHost(pageUrl) : null;
        if (pageHost != null) {
            // both http(s) with a plain host name, read as URI reads them
            return host.equals(pageHost) ? key(url) : null;
        }
        try {
            URI candidate = URI.create(url);
            URI page = URI.create(pageUrl);
            String scheme = candidate.getScheme() == null ? "" : candidate.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            if (page.getHost() != null && !page.getHost().equalsIgnoreCase(candidate.getHost())) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return key(url);
    }
}
