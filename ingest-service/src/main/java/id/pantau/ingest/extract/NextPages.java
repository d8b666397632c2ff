package id.pantau.ingest.extract;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the links of a multi-page article: a "show all" / "Tampilkan semua" link to a single page
 * holding the whole article, or the link to the next page (profile selector, {@code rel=next},
 * "Halaman selanjutnya", "Selanjutnya", "Next"). Only links to the article's own host count. Pure.
 */
final class NextPages {

    private static final Pattern NEXT_TEXT = Pattern.compile(
            "(?iu)^\\s*(halaman\\s+selanjutnya|selanjutnya|berikutnya|halaman\\s+berikutnya|next(\\s+page)?|lanjut)\\s*[»›>]*\\s*$|^\\s*[»›]\\s*$");
    private static final Pattern SHOW_ALL_TEXT = Pattern.compile(
            "(?iu)^\\s*(tampilkan\\s+semua(\\s+halaman)?|lihat\\s+semua(\\s+halaman)?|show\\s+all(\\s+pages)?|baca\\s+dalam\\s+satu\\s+halaman|single\\s+page)\\s*$");

    private NextPages() {}

    /** The absolute URL of a single page holding the whole article, or null. */
    static @Nullable String showAll(Document doc, String pageUrl, Set<String> visited) {
        for (Element a : doc.select("a[href]")) {
            if (SHOW_ALL_TEXT.matcher(a.text()).matches()) {
                String url = usable(a.absUrl("href"), pageUrl, visited);
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }

    /** The absolute URL of the next page, or null when this is the last page. */
    static @Nullable String next(Document doc, String pageUrl, @Nullable String profileSelector, Set<String> visited) {
        if (profileSelector != null) {
            for (Element a : doc.select(profileSelector)) {
                String url = usable(a.hasAttr("href") ? a.absUrl("href") : a.absUrl("content"), pageUrl, visited);
                if (url != null) {
                    return url;
                }
            }
        }
        for (Element link : doc.select("link[rel=next][href], a[rel=next][href]")) {
            String url = usable(link.absUrl("href"), pageUrl, visited);
            if (url != null) {
                return url;
            }
        }
        for (Element a : doc.select("a[href]")) {
            if (NEXT_TEXT.matcher(a.text()).matches()) {
                String url = usable(a.absUrl("href"), pageUrl, visited);
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
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
