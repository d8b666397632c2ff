package id.pantau.ingest.extract;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Loads further pages of a multi-page article for {@link ArticleExtractor}. Implementations decide
 * politeness and charset; the extractor only asks for URLs it found in the page's next-page links.
 */
@FunctionalInterface
public interface PageLoader {

    /** A loader that never loads anything: the article is extracted from its first page only. */
    PageLoader NONE = url -> null;

    /**
     * Returns the HTML of a further page of a multi-page article.
     *
     * @param url absolute URL of the page
     * @return the decoded HTML, or null if it cannot be had (the article then ends with the pages so far)
     * @throws TransientPageException when the page failed for a passing reason; the extractor lets it
     *     through, so that the article is tried again as a whole instead of being made without the page
     * @throws IOException when loading fails otherwise; treated like null by the extractor
     */
    @Nullable String load(String url) throws IOException;
}
