package id.pantau.ingest.extract;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A clean article as {@link ArticleExtractor} found it. Immutable.
 *
 * @param canonicalUrl {@code rel=canonical} / {@code og:url} / JSON-LD url, or the fetched URL
 * @param title headline
 * @param lead summary (description meta) when the page has one
 * @param publishedAt publication instant, when the page states one
 * @param modifiedAt last modification instant, when the page states one
 * @param dateline the dateline removed from the first paragraph, e.g. "TRIBUNPONTIANAK.CO.ID, MEMPAWAH -"
 * @param datelinePlace the place of the dateline in title case, e.g. "Mempawah"
 * @param authors authors in page order, without duplicates
 * @param editor the editor ("Editor:", "Redaktur:"), when named
 * @param section the outlet's section or category
 * @param tags tags in page order, without duplicates
 * @param bodyParagraphs clean body paragraphs in reading order, never empty
 * @param leadImageUrl absolute URL of the lead image
 * @param language BCP 47 language tag, "id" when the page does not say
 * @param extractionMethod the layer that gave the body: "profile", "json-ld" or "generic"
 * @param pageCount number of pages stitched into the body (1 for a single page)
 */
public record ExtractedArticle(
        String canonicalUrl,
        String title,
        @Nullable String lead,
        @Nullable Instant publishedAt,
        @Nullable Instant modifiedAt,
        @Nullable String dateline,
        @Nullable String datelinePlace,
        List<String> authors,
        @Nullable String editor,
        @Nullable String section,
        List<String> tags,
        List<String> bodyParagraphs,
        @Nullable String leadImageUrl,
        String language,
        String extractionMethod,
        int pageCount) {

    public ExtractedArticle {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        bodyParagraphs = List.copyOf(bodyParagraphs);
    }

    /** Body paragraphs joined by newlines. */
    public String bodyText() {
        return String.join("\n", bodyParagraphs);
    }
}
