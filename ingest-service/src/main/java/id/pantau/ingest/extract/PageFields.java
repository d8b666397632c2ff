package id.pantau.ingest.extract;

import id.pantau.ingest.extract.field.Byline;
import id.pantau.ingest.extract.field.BylineParser;
import id.pantau.ingest.extract.field.IndonesianDateParser;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads the metadata fields of one page (headline, byline, dates, section, tags, canonical URL,
 * language): the outlet profile's selectors first, then JSON-LD, then OpenGraph / meta / microdata.
 * Later layers are only consulted when the earlier ones give nothing. One instance per page; not
 * thread-safe (the selector cache it uses is).
 */
final class PageFields {

    /** An unclosed {@code <h1>} swallows the page; a longer "headline" is not one. */
    private static final int MAX_H1_TITLE_CHARS = 300;
    private static final Pattern DOMAIN = Pattern.compile("(?i)[\\w-]+(\\.[a-z]{2,})+");
    private static final Pattern LANGUAGE_SPLIT = Pattern.compile("[-_]");
    /** Parsed profile selectors; jsoup evaluators are immutable and may be shared between threads. */
    private static final ConcurrentHashMap<String, Evaluator> SELECTORS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_SELECTORS = 10_000;

    private final Document doc;
    private final PageScan scan;
    private final ExtractionProfile profile;
    private final @Nullable JsonLdArticle ld;
    private final MetaTags meta;
    private final IndonesianDateParser dates;

    PageFields(Document doc, PageScan scan, ExtractionProfile profile, @Nullable JsonLdArticle ld, IndonesianDateParser dates) {
        this.doc = doc;
        this.scan = scan;
        this.profile = profile;
        this.ld = ld;
        this.meta = MetaTags.of(scan.metas);
        this.dates = dates;
    }

    MetaTags meta() {
        return meta;
    }

    /** Elements of {@code doc} matching a CSS {@code selector}, with the parsed selector cached. */
    static Elements select(Element root, String selector) {
        return root.select(evaluator(selector));
    }

    /** The parsed {@code selector}, cached. */
    static Evaluator evaluator(String selector) {
        Evaluator evaluator = SELECTORS.get(selector);
        if (evaluator == null) {
            evaluator = QueryParser.parse(selector);
            if (SELECTORS.size() < MAX_CACHED_SELECTORS) {
                SELECTORS.put(selector, evaluator);
            }
        }
        return evaluator;
    }

    @Nullable String title() {
        return first(() -> selectFirstText(profile.title()), () -> ld == null ? null : ld.headline(),
                () -> stripSiteName(meta.first("og:title", "twitter:title"), meta.first("og:site_name")), this::h1,
                () -> stripSiteName(BodyText.normalise(doc.title()), meta.first("og:site_name")));
    }

    private @Nullable String h1() {
        Element h1 = scan.firstH1();
        if (h1 == null) {
            return null;
        }
        String text = h1.text();
        return text.length() > MAX_H1_TITLE_CHARS ? null : BodyText.normalise(text);
    }

    /** "Headline - Tribunpontianak.co.id" -> "Headline", when the tail is the site name or a domain. */
    static @Nullable String stripSiteName(@Nullable String title, @Nullable String siteName) {
        if (title == null) {
            return null;
        }
        for (String separator : new String[] {" | ", " - ", " – ", " — "}) {
            int at = title.lastIndexOf(separator);
            if (at > 0) {
                String tail = title.substring(at + separator.length()).strip();
                if ((siteName != null && tail.equalsIgnoreCase(siteName)) || (tail.length() <= 40 && DOMAIN.matcher(tail).matches())) {
                    return title.substring(0, at).strip();
                }
            }
        }
        return title;
    }

    Byline byline() {
        String authorText = selectText(profile.authors());
        Byline parsed = BylineParser.parse(authorText);
        List<String> authors = parsed.authors();
        if (authors.isEmpty() && authorText != null && parsed.editor() == null) {
            authors = BylineParser.parse("Penulis: " + authorText).authors();
        }
        if (authors.isEmpty() && ld != null) {
            authors = ld.authors();
        }
        if (authors.isEmpty()) {
            String name = meta.first("author", "article:author");
            if (name != null && !name.startsWith("http")) {
                authors = BylineParser.parse("Penulis: " + name).authors();
            }
        }
        String editor = null;
        if (profile.editor() != null) {
            // a profile may name one element for both; parsing is pure, so its text is parsed once
            String editorText = profile.editor().equals(profile.authors()) ? authorText : selectText(profile.editor());
            if (editorText != null) {
                editor = (editorText == authorText ? parsed : BylineParser.parse(editorText)).editor();
                if (editor == null) {
                    editor = BylineParser.parse("Editor: " + editorText).editor();
                }
            }
        }
        return new Byline(authors, firstNonBlank(editor, parsed.editor(), ld == null ? null : ld.editor()));
    }

    @Nullable Instant published() {
        if (profile.published() != null) {
            for (Element e : scan.select(profile.published())) {
                Instant at = dates.parse(MetaTags.dateValue(e));
                if (at != null) {
                    return at;
                }
            }
        }
        Instant at = dates.parse(ld == null ? null : ld.datePublished());
        if (at == null) {
            at = dates.parse(meta.first("article:published_time", "og:published_time", "pubdate", "publishdate", "date",
                    "content_publisheddate", "dc.date"));
        }
        return at != null ? at : dates.parse(MetaTags.microdataDate(scan, MetaTags.DATE_PUBLISHED));
    }

    @Nullable Instant modified() {
        Instant at = dates.parse(ld == null ? null : ld.dateModified());
        if (at == null) {
            at = dates.parse(meta.first("article:modified_time", "og:updated_time"));
        }
        return at != null ? at : dates.parse(MetaTags.microdataDate(scan, MetaTags.DATE_MODIFIED));
    }

    @Nullable String section() {
        return first(() -> selectFirstText(profile.section()), () -> ld == null ? null : ld.section(), () -> meta.first("article:section"));
    }

    List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        if (profile.tags() != null) {
            for (Element e : scan.select(profile.tags())) {
                String text = normalisedText(e);
                text = text.startsWith("#") ? text.substring(1).strip() : text;
                if (!text.isEmpty()) {
                    tags.add(text);
                }
            }
        }
        if (tags.isEmpty()) {
            tags.addAll(meta.all("article:tag"));
        }
        if (tags.isEmpty() && ld != null) {
            tags.addAll(ld.keywords());
        }
        if (tags.isEmpty()) {
            tags.addAll(MetaTags.splitKeywords(meta.first("keywords", "news_keywords")));
        }
        return List.copyOf(tags);
    }

    String canonical(String url) {
        String found = first(() -> {
            Element link = scan.canonical();
            return link == null ? null : Urls.absUrl(link, "href");
        }, () -> absolute(meta.first("og:url")), () -> ld == null ? null : ld.url());
        return found != null ? found : url;
    }

    @Nullable String lead() {
        return first(() -> meta.first("og:description", "description"), () -> ld == null ? null : ld.description());
    }

    @Nullable String leadImage() {
        return first(() -> absolute(meta.first("og:image", "twitter:image")), () -> ld == null ? null : ld.image());
    }

    String language() {
        Element html = scan.htmlLang();
        String lang = first(() -> html == null ? null : html.attr("lang"), () -> ld == null ? null : ld.language());
        return lang == null ? "id" : LANGUAGE_SPLIT.split(lang)[0].toLowerCase(Locale.ROOT);
    }

    /** The profile's dateline element text, when the profile names one. */
    @Nullable String dateline() {
        return selectFirstText(profile.dateline());
    }

    private @Nullable String absolute(@Nullable String url) {
        return Urls.resolve(doc.location(), url);
    }

    /** The normalised text of the first element {@code selector} matches that has text, or null. */
    private @Nullable String selectFirstText(@Nullable String selector) {
        if (selector == null) {
            return null;
        }
        for (Element e : scan.select(selector)) {
            String text = textOf(e);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    /** The normalised text of every element {@code selector} matches, joined by " | ", or null. */
    private @Nullable String selectText(@Nullable String selector) {
        if (selector == null) {
            return null;
        }
        // most selectors match one element: its text is the answer, without a list and a join
        String single = null;
        StringBuilder joined = null;
        for (Element e : scan.select(selector)) {
            String text = textOf(e);
            if (text.isEmpty()) {
                continue;
            }
            if (single == null) {
                single = text;
            } else {
                if (joined == null) {
                    joined = new StringBuilder(single);
                }
                joined.append(" | ").append(text);
            }
        }
        return joined != null ? joined.toString() : single;
    }

    private static String textOf(Element e) {
        String text = normalisedText(e);
        return text.isEmpty() ? BodyText.normalise(e.attr("content")) : text;
    }

    /**
     * {@code BodyText.normalise(e.text())}. A byline, title or section element usually holds text and
     * inline elements alone ({@code <span><a>Name</a></span>}, {@code Editor: <a>Name</a>}); text() then
     * joins its text nodes with nothing between them, so normalising the joined text gives the answer
     * without jsoup's walk and copies, when that text holds no character that text() treats otherwise than
     * {@link BodyText#normalise} does (see {@link #isPlainText}). One text node is used as it is.
     */
    static String normalisedText(Element e) {
        Node node = e;
        while (node instanceof Element element && element.childNodeSize() == 1) {
            node = element.childNode(0);
        }
        if (node instanceof TextNode textNode) {
            String text = textNode.getWholeText();
            return BodyText.normalise(isPlainText(text) ? text : e.text());
        }
        StringBuilder joined = new StringBuilder();
        return BodyText.normalise(appendInlineText(e, joined) ? joined.toString() : e.text());
    }

    /**
     * Appends the text of the nodes under {@code parent}; false when text() would read them otherwise:
     * an element that may add a space before or after its text (a block, a {@code <br>}, a text
     * boundary such as an image or a form field), or text that is not plain.
     */
    private static boolean appendInlineText(Element parent, StringBuilder out) {
        for (int i = 0; i < parent.childNodeSize(); i++) {
            Node child = parent.childNode(i);
            if (child instanceof TextNode text) {
                if (!isPlainText(text.getWholeText())) {
                    return false;
                }
                out.append(text.getWholeText());
            } else if (child instanceof Element element) {
                Tag tag = element.tag();
                if (tag.isBlock() || !tag.isInline() || tag.is(Tag.TextBoundary) || element.nameIs("br") || !appendInlineText(element, out)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether {@link BodyText#normalise} reads {@code text()} of this text the same as the text itself:
     * text()'s whitespace folding and trim touch only characters normalise counts as spaces, unless the
     * text holds a control character other than tab, line feed, vertical tab, form feed and carriage
     * return (trimmed by text(), not a space to normalise) or a character text() drops (soft hyphen,
     * zero-width space).
     */
    static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' ? c != '\t' && c != '\n' && c != '\u000b' && c != '\f' && c != '\r' : c == '\u00ad' || c == '\u200b') {
                return false;
            }
        }
        return true;
    }

    /** The first non-blank of three values, stripped: {@link #first} for values at hand, without the suppliers. */
    private static @Nullable String firstNonBlank(@Nullable String a, @Nullable String b, @Nullable String c) {
        String v = a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : c != null && !c.isBlank() ? c : null;
        return v == null ? null : v.strip();
    }

    /** The first non-blank value the suppliers give, stripped; later suppliers are not called. */
    @SafeVarargs
    private static @Nullable String first(Supplier<@Nullable String>... suppliers) {
        for (Supplier<@Nullable String> supplier : suppliers) {
            String v = supplier.get();
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
