package id.pantau.ingest.extract.generic;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the main article body of any page by scoring candidate blocks on the jsoup DOM (see {@link
 * BodyLocator}) and writing the chosen blocks as clean paragraphs (see {@link BodyWriter}). Thread-safe
 * and immutable; does not modify the document; never throws on odd HTML and returns an empty body when
 * nothing is found.
 */
public final class GenericExtractor {

    /** A body shorter than this (characters) after the strict pass is retried without class hints. */
    private static final int MIN_BODY_CHARS = 250;

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
        Element root = document.body() != null ? document.body() : document;
        Evidence evidence = Evidence.of(document);
        TextStats stats = new TextStats();
        List<String> strict = BodyWriter.write(BodyLocator.locate(root, true, evidence, stats), true, stats);
        if (length(strict) >= MIN_BODY_CHARS) {
            return new GenericBody(strict);
        }
        // a wrapper of the whole page may carry a furniture word ("page-ad-margins"): locate without
        // class hints, but still drop furniture inside the body found
        List<Element> located = BodyLocator.locate(root, false, evidence, stats);
        List<String> lenient = BodyWriter.write(located, true, stats);
        if (length(lenient) < MIN_BODY_CHARS) {
            lenient = BodyWriter.write(located, false, stats);
        }
        return new GenericBody(length(lenient) > length(strict) ? lenient : strict);
    }

    private static int length(List<String> paragraphs) {
        int length = 0;
        for (String paragraph : paragraphs) {
            length += paragraph.length();
        }
        return length;
    }
}
