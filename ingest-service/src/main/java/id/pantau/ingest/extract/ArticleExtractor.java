package id.pantau.ingest.extract;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Extracts a clean article from an outlet's HTML page. Thread-safe: one instance may serve all
 * outlets and threads.
 */
public final class ArticleExtractor {

    private final Clock clock;

    /** @param clock the clock relative dates ("2 jam yang lalu") are resolved against */
    public ArticleExtractor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Extracts the article of one page, following its further pages through {@code pages}.
     *
     * @param html the decoded page
     * @param url the URL the page was fetched from
     * @param profile the outlet's selectors, or null for metadata and generic extraction only
     * @param pages loader of further pages of a multi-page article
     * @throws ExtractionException with a cause code when no article can be had
     */
    public ExtractedArticle extract(String html, String url, @Nullable ExtractionProfile profile, PageLoader pages)
            throws ExtractionException {
        Document doc = Jsoup.parse(html, url);
        String title = doc.title();
        if (title.isBlank()) {
            throw new ExtractionException(ExtractionException.Cause.NO_TITLE, url, "no title");
        }
        List<String> body = new ArrayList<>();
        for (Element p : doc.select("p")) {
            if (!p.text().isBlank()) {
                body.add(p.text());
            }
        }
        if (body.isEmpty()) {
            throw new ExtractionException(ExtractionException.Cause.EMPTY_BODY, url, "no paragraphs");
        }
        return new ExtractedArticle(url, title, null, null, null, null, null, List.of(), null, null, List.of(), body, null,
                "id", "generic", 1);
    }

    Clock clock() {
        return clock;
    }
}
