package id.pantau.ingest.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The fields of a page's JSON-LD article object, as printed (dates unparsed). Immutable. */
record JsonLdArticle(
        @Nullable String headline,
        @Nullable String datePublished,
        @Nullable String dateModified,
        List<String> authors,
        @Nullable String editor,
        @Nullable String section,
        List<String> keywords,
        @Nullable String articleBody,
        @Nullable String description,
        @Nullable String image,
        @Nullable String url,
        @Nullable String language) {

    JsonLdArticle {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
    }
}
