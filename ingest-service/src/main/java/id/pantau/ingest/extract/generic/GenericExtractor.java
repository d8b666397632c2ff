package id.pantau.ingest.extract.generic;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the main article body of any page by scoring candidate blocks on the jsoup DOM. Thread-safe
 * and immutable; never throws on odd HTML and returns an empty body when nothing is found.
 */
public final class GenericExtractor {

    /** Creates an extractor with the default rules. */
    public GenericExtractor() {}

    /** Extracts the article body of {@code document}; empty when no body is found. */
    public GenericBody extract(Document document) {
        try {
            return extractUnchecked(document);
        } catch (RuntimeException | StackOverflowError e) {
            return new GenericBody(List.of());
        }
    }

    private GenericBody extractUnchecked(Document document) {
        Element best = null;
        int bestLength = 0;
        for (Element element : document.select("article, main, div, section")) {
            int length = 0;
            for (Element paragraph : element.children()) {
                if (paragraph.nameIs("p")) {
                    length += paragraph.text().length();
                }
            }
            if (length > bestLength) {
                best = element;
                bestLength = length;
            }
        }
        List<String> paragraphs = new ArrayList<>();
        if (best != null) {
            for (Element paragraph : best.children()) {
                String text = paragraph.text().strip();
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        return new GenericBody(paragraphs);
    }
}
