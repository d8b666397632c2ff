package id.pantau.ingest.extract;

import id.pantau.ingest.extract.field.Byline;
import id.pantau.ingest.extract.field.BylineParser;
import id.pantau.ingest.extract.field.IndonesianDateParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
        String editorText = selectText(profile.editor());
        String editor = editorText == null ? null : BylineParser.parse(editorText).editor();
        if (editor == null && editorText != null) {
            editor = BylineParser.parse("Editor: " + editorText).editor();
        }
        String chosen = editor;
        return new Byline(authors, first(() -> chosen, parsed::editor, () -> ld == null ? null : ld.editor()));
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
                String text = BodyText.normalise(e.text());
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
        List<String> texts = new ArrayList<>();
        for (Element e : scan.select(selector)) {
            String text = textOf(e);
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts.isEmpty() ? null : String.join(" | ", texts);
    }

    private static String textOf(Element e) {
        String text = BodyText.normalise(e.text());
        return text.isEmpty() ? BodyText.normalise(e.attr("content")) : text;
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
