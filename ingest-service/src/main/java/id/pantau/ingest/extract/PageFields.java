package id.pantau.ingest.extract;

import id.pantau.ingest.extract.field.Byline;
import id.pantau.ingest.extract.field.BylineParser;
import id.pantau.ingest.extract.field.IndonesianDateParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads the metadata fields of a page (headline, byline, dates, section, tags, canonical URL,
 * language), the outlet profile's selectors first, then JSON-LD, then OpenGraph / meta / microdata.
 * Thread-safe.
 */
final class PageFields {

    /** An unclosed {@code <h1>} swallows the page; a longer "headline" is not one. */
    private static final int MAX_H1_TITLE_CHARS = 300;

    private final IndonesianDateParser dates;

    PageFields(IndonesianDateParser dates) {
        this.dates = dates;
    }

    static @Nullable String title(Document doc, ExtractionProfile p, @Nullable JsonLdArticle ld) {
        String siteName = MetaTags.first(doc, "og:site_name");
        Element h1 = doc.selectFirst("h1");
        return firstNonBlank(selectFirstText(doc, p.title()), ld == null ? null : ld.headline(),
                stripSiteName(MetaTags.first(doc, "og:title", "twitter:title"), siteName),
                h1 == null || h1.text().length() > MAX_H1_TITLE_CHARS ? null : BodyText.normalise(h1.text()), stripSiteName(BodyText.normalise(doc.title()), siteName));
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
                if ((siteName != null && tail.equalsIgnoreCase(siteName)) || (tail.length() <= 40 && tail.matches("(?i)[\\w-]+(\\.[a-z]{2,})+"))) {
                    return title.substring(0, at).strip();
                }
            }
        }
        return title;
    }

    static Byline byline(Document doc, ExtractionProfile p, @Nullable JsonLdArticle ld) {
        String authorText = selectText(doc, p.authors());
        Byline parsed = BylineParser.parse(authorText);
        List<String> authors = parsed.authors();
        if (authors.isEmpty() && authorText != null && parsed.editor() == null) {
            Byline named = BylineParser.parse("Penulis: " + authorText);
            authors = named.authors();
        }
        if (authors.isEmpty() && ld != null) {
            authors = ld.authors();
        }
        if (authors.isEmpty()) {
            String meta = MetaTags.first(doc, "author", "article:author");
            if (meta != null && !meta.startsWith("http")) {
                authors = BylineParser.parse("Penulis: " + meta).authors();
            }
        }
        String editorText = selectText(doc, p.editor());
        String editor = editorText == null ? null : BylineParser.parse(editorText).editor();
        if (editor == null && editorText != null) {
            editor = BylineParser.parse("Editor: " + editorText).editor();
        }
        return new Byline(authors, firstNonBlank(editor, parsed.editor(), ld == null ? null : ld.editor()));
    }

    @Nullable Instant published(Document doc, ExtractionProfile p, @Nullable JsonLdArticle ld) {
        if (p.published() != null) {
            for (Element e : doc.select(p.published())) {
                Instant at = dates.parse(MetaTags.dateValue(e));
                if (at != null) {
                    return at;
                }
            }
        }
        for (String candidate : new String[] {ld == null ? null : ld.datePublished(),
                MetaTags.first(doc, "article:published_time", "og:published_time", "pubdate", "publishdate", "date",
                        "content_PublishedDate", "dc.date"),
                MetaTags.microdataDate(doc, "datePublished")}) {
            Instant at = dates.parse(candidate);
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    @Nullable Instant modified(Document doc, @Nullable JsonLdArticle ld) {
        Instant at = dates.parse(ld == null ? null : ld.dateModified());
        if (at != null) {
            return at;
        }
        at = dates.parse(MetaTags.first(doc, "article:modified_time", "og:updated_time"));
        return at != null ? at : dates.parse(MetaTags.microdataDate(doc, "dateModified"));
    }

    static List<String> tags(Document doc, ExtractionProfile p, @Nullable JsonLdArticle ld) {
        Set<String> tags = new LinkedHashSet<>();
        if (p.tags() != null) {
            for (Element e : doc.select(p.tags())) {
                String text = BodyText.normalise(e.text()).replaceFirst("^#", "");
                if (!text.isEmpty()) {
                    tags.add(text);
                }
            }
        }
        if (tags.isEmpty()) {
            tags.addAll(MetaTags.all(doc, "article:tag"));
        }
        if (tags.isEmpty() && ld != null) {
            tags.addAll(ld.keywords());
        }
        if (tags.isEmpty()) {
            tags.addAll(MetaTags.splitKeywords(MetaTags.first(doc, "keywords", "news_keywords")));
        }
        return List.copyOf(tags);
    }

    static String canonical(Document doc, @Nullable JsonLdArticle ld, String url) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        String canonical = link == null ? null : link.absUrl("href");
        return Objects.requireNonNull(firstNonBlank(canonical, absolute(doc, MetaTags.first(doc, "og:url")), ld == null ? null : ld.url(), url));
    }

    static String language(Document doc, @Nullable JsonLdArticle ld) {
        Element html = doc.selectFirst("html[lang]");
        String lang = firstNonBlank(html == null ? null : html.attr("lang"), ld == null ? null : ld.language(), "id");
        return Objects.requireNonNull(lang).split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    static @Nullable String absolute(Document doc, @Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return java.net.URI.create(doc.location()).resolve(url.strip()).toString();
        } catch (IllegalArgumentException e) {
            return url.strip();
        }
    }

    /** The normalised text of the first element {@code selector} matches that has text, or null. */
    static @Nullable String selectFirstText(Document doc, @Nullable String selector) {
        if (selector == null) {
            return null;
        }
        for (Element e : doc.select(selector)) {
            String text = BodyText.normalise(e.wholeText().isBlank() ? e.attr("content") : e.text());
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    /** The normalised text of every element {@code selector} matches, joined by " | ", or null. */
    static @Nullable String selectText(Document doc, @Nullable String selector) {
        if (selector == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Element e : doc.select(selector)) {
            String text = BodyText.normalise(e.wholeText().isBlank() ? e.attr("content") : e.text());
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts.isEmpty() ? null : String.join(" | ", texts);
    }

    static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
