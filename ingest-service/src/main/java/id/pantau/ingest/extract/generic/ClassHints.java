package id.pantau.ingest.extract.generic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Class / id / itemprop / role hints: words that say a block is page furniture (comment, sidebar,
 * related, share, ad, "baca-juga", ...) or the story itself (article, content, entry, post, story,
 * text, body). The attributes are split into lower-case words at non-letters and camelCase humps
 * ({@code newsCaption} gives "news", "caption"); two adjacent words also match as one hyphenated word
 * ("baca-juga"). General rules, no per-host lists.
 */
final class ClassHints {

    /** Furniture: a block carrying one of these is dropped unless it also carries a {@link #MAYBE} word. */
    private static final Set<String> UNLIKELY = Set.of(
            "ad", "ads", "adv", "advert", "advertisement", "advertising", "adsense", "dfp", "gpt", "iklan", "banner",
            "sponsor", "sponsored", "promo", "comment", "comments", "komentar", "disqus", "replies", "respond",
            "sidebar", "side-bar", "widget", "related", "terkait", "baca-juga", "bacajuga", "readmore", "read-more",
            "recommend", "recommended", "recommendation", "recommendations", "rekomendasi", "trending", "popular",
            "terpopuler", "share", "sharing", "social", "sosmed", "newsletter", "subscribe", "subscription", "signup",
            "breadcrumb", "breadcrumbs", "pagination", "pager", "popup", "modal", "cookie", "gdpr", "consent", "footer",
            "menu", "navbar", "nav", "masthead", "toolbar", "outbrain", "taboola", "mgid", "more-stories", "tag",
            "tags", "topic", "topics", "caption", "credit", "credits", "author-box", "authorbox", "author-bio",
            "byline", "print", "skip", "jump", "login", "rating", "tooltip", "most-read", "mostread", "next-post",
            "prev-post", "post-nav", "nextprev", "author", "authors", "penulis", "subtitle", "standfirst", "dek",
            "excerpt", "sr-only", "screen-reader", "visually-hidden", "d-none");

    /** Words that keep a block even when it also carries a furniture word. */
    private static final Set<String> MAYBE = Set.of(
            "and", "article", "body", "column", "content", "main", "entry", "story", "text", "detail", "isi", "berita",
            "embed", "tweet", "instagram-media");

    /** Captions and credits are never body, even inside a "content" block. */
    private static final Set<String> CAPTION = Set.of("caption", "captions", "credit", "credits", "keterangan");

    private static final Set<String> POSITIVE = Set.of(
            "article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story", "detail", "isi",
            "artikel", "berita", "news", "txt", "paragraph");

    private static final Set<String> NEGATIVE = Set.of(
            "ad", "ads", "advert", "iklan", "banner", "combx", "comment", "comments", "com", "contact", "footer", "gdpr",
            "masthead", "media", "meta", "outbrain", "taboola", "promo", "related", "terkait", "scroll", "share",
            "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tag", "tags", "widget", "caption", "credit",
            "byline", "author", "social", "newsletter", "baca-juga", "bacajuga", "recommend", "trending", "popular",
            "nav", "menu");

    private static final Set<String> ROLES_UNLIKELY = Set.of(
            "navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog", "alert", "search",
            "toolbar");

    private ClassHints() {}

    /** The words of {@code element}'s class, id and itemprop, with adjacent pairs hyphenated. */
    static List<String> words(Element element) {
        String className = element.className();
        String id = element.id();
        String itemprop = element.attr("itemprop");
        if (className.isEmpty() && id.isEmpty() && itemprop.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        split(className, words);
        split(id, words);
        split(itemprop, words);
        int single = words.size();
        for (int i = 0; i + 1 < single; i++) {
            words.add(words.get(i) + "-" + words.get(i + 1));
        }
        return words;
    }

    private static void split(String value, List<String> words) {
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            boolean letter = c < 128 ? (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') : Character.isLetter(c);
            boolean hump = letter && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(value.charAt(i - 1));
            if (start >= 0 && (!letter || hump)) {
                words.add(value.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
    }

    /** True when the class / id / role say furniture and nothing says content (captions always). */
    static boolean isUnlikely(Element element) {
        String role = element.attr("role");
        if (!role.isEmpty() && ROLES_UNLIKELY.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        List<String> words = words(element);
        if (words.isEmpty() || !any(words, UNLIKELY)) {
            return false;
        }
        return any(words, CAPTION) || !any(words, MAYBE);
    }

    /** Class weight: +25 for a content word, -25 for a furniture word (both may apply). */
    static int weight(Element element) {
        List<String> words = words(element);
        if (words.isEmpty()) {
            return 0;
        }
        return (any(words, POSITIVE) ? 25 : 0) - (any(words, NEGATIVE) ? 25 : 0);
    }

    private static boolean any(List<String> words, Set<String> set) {
        for (String word : words) {
            if (set.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
