package id.pantau.ingest.extract.generic;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Class / id / role hints: words that say a block is page furniture (comment, sidebar, related,
 * share, ad, "baca-juga", ...) or the story itself (article, content, entry, post, story, text,
 * body). General rules, no per-host lists.
 */
final class ClassHints {

    /** Furniture: a block whose class or id says this is dropped unless it also says "content". */
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?:^|[^a-z])(?:ad|ads|adv|advert|advertisement|adsense|dfp|gpt|iklan|banner|sponsor(?:ed)?|promo|"
                    + "comments?|komentar|disqus|replies|respond|sidebar|side-bar|widget|related|terkait|"
                    + "baca-?juga|bacajuga|readmore|read-more|recommend(?:ed|ation)?s?|rekomendasi|trending|popular|"
                    + "terpopuler|share|sharing|social|sosmed|newsletter|subscribe|subscription|signup|"
                    + "breadcrumbs?|pagination|pager|popup|modal|cookie|gdpr|consent|footer|menu|navbar|nav|"
                    + "masthead|toolbar|outbrain|taboola|mgid|more-stories|tags?|topics?|caption|credit|"
                    + "author-box|authorbox|author-bio|byline|print|skip|jump|login|rating|"
                    + "tooltip|most-read|mostread|next-post|prev-post|post-nav|nextprev)(?:$|[^a-z])");

    /** Captions and credits are never body, even inside a "content" block. */
    private static final Pattern CAPTION = Pattern.compile("(?:^|[^a-z])(?:caption|credit|keterangan)s?(?:$|[^a-z])");

    /** Words that keep a block even when it also carries a furniture word. */
    private static final Pattern MAYBE = Pattern.compile(
            "(?:^|[^a-z])(?:and|article|body|column|content|main|entry|story|text|detail|"
                    + "isi|berita|embed|tweet|twitter-tweet|instagram-media)(?:$|[^a-z])");

    private static final Pattern POSITIVE = Pattern.compile(
            "(?:^|[^a-z])(?:article|body|content|entry|hentry|h-entry|main|post|text|blog|story|detail|isi|"
                    + "artikel|berita|news|txt|paragraph|itemprop-articlebody)(?:$|[^a-z])");

    private static final Pattern NEGATIVE = Pattern.compile(
            "(?:^|[^a-z])(?:ad|ads|advert|iklan|banner|combx|comments?|com|contact|footer|gdpr|"
                    + "masthead|media|meta|outbrain|taboola|promo|related|terkait|scroll|share|shoutbox|sidebar|"
                    + "skyscraper|sponsor|shopping|tags?|widget|caption|credit|byline|author|social|newsletter|"
                    + "baca-?juga|recommend|trending|popular|nav|menu)(?:$|[^a-z])");

    private static final Set<String> ROLES_UNLIKELY =
            Set.of("navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog", "alert",
                    "search", "toolbar");

    private ClassHints() {}

    /** Class, id (and itemprop) of {@code element}, lower-cased, for matching. */
    static String signature(Element element) {
        String className = element.className();
        String id = element.id();
        String itemprop = element.attr("itemprop");
        if (className.isEmpty() && id.isEmpty() && itemprop.isEmpty()) {
            return "";
        }
        String joined = className + " " + id + (itemprop.isEmpty() ? "" : " itemprop-" + itemprop);
        StringBuilder signature = new StringBuilder(joined.length() + 8);
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(joined.charAt(i - 1))) {
                signature.append('-');
            }
            signature.append(c == '_' ? '-' : Character.toLowerCase(c));
        }
        return signature.toString();
    }

    /** True when the class / id / role say furniture and nothing says content. */
    static boolean isUnlikely(Element element) {
        String role = element.attr("role");
        if (!role.isEmpty() && ROLES_UNLIKELY.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String signature = signature(element);
        if (signature.isEmpty() || !UNLIKELY.matcher(signature).find()) {
            return false;
        }
        return CAPTION.matcher(signature).find() || !MAYBE.matcher(signature).find();
    }

    /** Class weight: +25 for a content word, -25 for a furniture word (both may apply). */
    static int weight(Element element) {
        String signature = signature(element);
        if (signature.isEmpty()) {
            return 0;
        }
        int weight = 0;
        if (POSITIVE.matcher(signature).find()) {
            weight += 25;
        }
        if (NEGATIVE.matcher(signature).find()) {
            weight -= 25;
        }
        return weight;
    }
}
