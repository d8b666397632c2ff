package id.pantau.ingest.extract.generic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    static final Set<String> UNLIKELY = Set.of(
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
    static final Set<String> MAYBE = Set.of(
            "and", "article", "body", "column", "content", "main", "entry", "story", "text", "detail", "isi", "berita",
            "embed", "tweet", "instagram-media");

    /** Captions and credits are never body, even inside a "content" block. */
    static final Set<String> CAPTION = Set.of("caption", "captions", "credit", "credits", "keterangan");

    static final Set<String> POSITIVE = Set.of(
            "article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story", "detail", "isi",
            "artikel", "berita", "news", "txt", "paragraph");

    static final Set<String> NEGATIVE = Set.of(
            "ad", "ads", "advert", "iklan", "banner", "combx", "comment", "comments", "com", "contact", "footer", "gdpr",
            "masthead", "media", "meta", "outbrain", "taboola", "promo", "related", "terkait", "scroll", "share",
            "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tag", "tags", "widget", "caption", "credit",
            "byline", "author", "social", "newsletter", "baca-juga", "bacajuga", "recommend", "trending", "popular",
            "nav", "menu");

    private static final Set<String> ROLES_UNLIKELY = Set.of(
            "navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog", "alert", "search",
            "toolbar");

    private static final int IS_UNLIKELY = 1;
    private static final int IS_MAYBE = 2;
    private static final int IS_CAPTION = 4;
    private static final int IS_POSITIVE = 8;
    private static final int IS_NEGATIVE = 16;
    /** First and second half of a hyphenated word of the sets: only such pairs are joined and looked up. */
    private static final int PAIR_HEAD = 32;
    private static final int PAIR_TAIL = 64;
    private static final int MEANINGS = IS_UNLIKELY | IS_MAYBE | IS_CAPTION | IS_POSITIVE | IS_NEGATIVE;

    /** Every word of the sets and every half of their hyphenated words, with the flags of what it is. */
    private static final WordTable KNOWN;
    private static final int[] FLAGS;

    static {
        Map<String, Integer> flags = new HashMap<>();
        add(flags, UNLIKELY, IS_UNLIKELY);
        add(flags, MAYBE, IS_MAYBE);
        add(flags, CAPTION, IS_CAPTION);
        add(flags, POSITIVE, IS_POSITIVE);
        add(flags, NEGATIVE, IS_NEGATIVE);
        KNOWN = new WordTable(flags.keySet());
        FLAGS = new int[KNOWN.slots()];
        flags.forEach((word, flag) -> FLAGS[KNOWN.slotOf(word, 0, word.length())] = flag);
    }

    private static void add(Map<String, Integer> flags, Set<String> words, int flag) {
        for (String word : words) {
            flags.merge(word, flag, (a, b) -> a | b);
            int hyphen = word.indexOf('-');
            if (hyphen >= 0 && hyphen == word.lastIndexOf('-')) {
                flags.merge(word.substring(0, hyphen), PAIR_HEAD, (a, b) -> a | b);
                flags.merge(word.substring(hyphen + 1), PAIR_TAIL, (a, b) -> a | b);
            }
        }
    }

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
        forEachWord(value, (start, end) -> words.add(value.substring(start, end).toLowerCase(Locale.ROOT)));
    }

    /** Calls {@code action} with the bounds of each run of letters of {@code value}, cut at camelCase humps. */
    private static void forEachWord(String value, WordBounds action) {
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            boolean letter = c < 128 ? (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') : Character.isLetter(c);
            boolean hump = letter && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(value.charAt(i - 1));
            if (start >= 0 && (!letter || hump)) {
                action.accept(start, i);
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
        int flags = flags(element);
        return (flags & IS_UNLIKELY) != 0 && ((flags & IS_CAPTION) != 0 || (flags & IS_MAYBE) == 0);
    }

    /** Class weight: +25 for a content word, -25 for a furniture word (both may apply). */
    static int weight(Element element) {
        int flags = flags(element);
        return ((flags & IS_POSITIVE) != 0 ? 25 : 0) - ((flags & IS_NEGATIVE) != 0 ? 25 : 0);
    }

    /**
     * What the {@link #words} of {@code element} are, OR-ed: the words are looked up where they sit in
     * the attributes, and a pair is joined only when it may be a hyphenated word of the sets.
     */
    private static int flags(Element element) {
        String className = element.className();
        String id = element.id();
        String itemprop = element.attr("itemprop");
        if (className.isEmpty() && id.isEmpty() && itemprop.isEmpty()) {
            return 0;
        }
        WordFlags flags = new WordFlags();
        flags.add(className);
        flags.add(id);
        flags.add(itemprop);
        return flags.meanings;
    }

    /** OR-s the meanings of each word and of each adjacent pair, in the order of {@link #words}. */
    private static final class WordFlags {
        private int meanings;
        private String previous;
        private int previousStart;
        private int previousEnd;
        private int previousFlags;

        void add(String value) {
            forEachWord(value, (start, end) -> word(value, start, end));
        }

        private void word(String value, int start, int end) {
            int slot = KNOWN.slotOf(value, start, end);
            int flags = slot < 0 ? 0 : FLAGS[slot];
            meanings |= flags & MEANINGS;
            if ((previousFlags & PAIR_HEAD) != 0 && (flags & PAIR_TAIL) != 0) {
                String pair = previous.substring(previousStart, previousEnd).toLowerCase(Locale.ROOT) + "-"
                        + value.substring(start, end).toLowerCase(Locale.ROOT);
                int pairSlot = KNOWN.slotOf(pair, 0, pair.length());
                meanings |= pairSlot < 0 ? 0 : FLAGS[pairSlot] & MEANINGS;
            }
            previous = value;
            previousStart = start;
            previousEnd = end;
            previousFlags = flags;
        }
    }
}
