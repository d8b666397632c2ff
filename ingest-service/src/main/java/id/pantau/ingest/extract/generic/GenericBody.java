package id.pantau.ingest.extract.generic;

import java.util.List;

/**
 * The article body the generic extractor found: clean paragraphs in reading order (headings, list
 * items and block quotes inside the body are paragraphs of their own). Immutable.
 */
public record GenericBody(List<String> paragraphs) {

    public GenericBody {
        paragraphs = List.copyOf(paragraphs);
    }

    /** Paragraphs joined by newlines. */
    public String text() {
        return String.join("\n", paragraphs);
    }

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }
}
