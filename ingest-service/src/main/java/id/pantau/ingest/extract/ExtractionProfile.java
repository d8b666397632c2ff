package id.pantau.ingest.extract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Outlet-specific CSS selectors used by {@link ArticleExtractor}. Deserialisable by Jackson from
 * YAML with camelCase keys; every component is optional. Immutable and thread-safe.
 *
 * @param title selector of the headline element; default: JSON-LD / {@code og:title} / first {@code h1}
 * @param published selector of the element whose text (or {@code datetime}/{@code content}) is the
 *     publication date; default: JSON-LD / {@code article:published_time} / {@code <time>}
 * @param authors selector of the byline element(s) (text such as "Penulis: X | Editor: Y" is parsed)
 * @param editor selector of the element naming the editor ("Editor: yati", "Redaktur: ...")
 * @param body selector of the article body container; when absent the generic extractor is used
 * @param noise selectors of elements removed from the page before anything else; null means none
 * @param nextPage selector of the link to the next page of a multi-page article
 * @param section selector of the section/category link or breadcrumb item
 * @param tags selector of the tag links
 * @param dateline selector of an element holding the dateline, when it is not at the body's start
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ExtractionProfile(
        @Nullable String title,
        @Nullable String published,
        @Nullable String authors,
        @Nullable String editor,
        @Nullable String body,
        List<String> noise,
        @Nullable String nextPage,
        @Nullable String section,
        @Nullable String tags,
        @Nullable String dateline) {

    /** The one empty profile, so layouts cached by instance find it again. */
    private static final ExtractionProfile EMPTY = new ExtractionProfile(null, null, null, null, null, List.of(), null, null, null, null);

    /**
     * @throws IllegalArgumentException when a selector is not valid CSS; the message names the key
     */
    public ExtractionProfile {
        noise = noise == null ? List.of() : List.copyOf(noise);
        check("title", title);
        check("published", published);
        check("authors", authors);
        check("editor", editor);
        check("body", body);
        for (int i = 0; i < noise.size(); i++) {
            check("noise[" + i + "]", noise.get(i));
        }
        check("nextPage", nextPage);
        check("section", section);
        check("tags", tags);
        check("dateline", dateline);
    }

    /** The noise selectors as one selector group, so noise is removed in a single pass. */
    @JsonIgnore
    public String noiseSelector() {
        return String.join(", ", noise);
    }

    private static void check(String key, @Nullable String selector) {
        if (selector == null) {
            return;
        }
        if (selector.isBlank()) {
            throw new IllegalArgumentException("profile." + key + ": expected a CSS selector, got an empty string");
        }
        try {
            QueryParser.parse(selector);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("profile." + key + ": invalid CSS selector '" + selector + "': " + e.getMessage(), e);
        }
    }

    /** A profile with no selectors: only the metadata layers and the generic extractor apply. */
    public static ExtractionProfile empty() {
        return EMPTY;
    }
}
