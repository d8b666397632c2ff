package id.pantau.enrich.tagger;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The text every tagger reads: headline and body joined as {@link #text()}, plus the context a careful
 * reader uses (dateline place, outlet and the outlet's province). All offsets in tags are offsets into
 * {@link #text()}. Immutable.
 *
 * @param title headline
 * @param body body paragraphs joined by blank lines
 * @param datelinePlace place named by the dateline, e.g. "Mempawah", or null
 * @param outletId outlet id, or "" when unknown (CLI on a plain text)
 * @param outletProvinceCode province code of the outlet's region focus, e.g. "61", or null
 */
public record ArticleText(
        String title, String body, @Nullable String datelinePlace, String outletId, @Nullable String outletProvinceCode) {

    public ArticleText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(outletId, "outletId");
    }

    /** Title, a blank line, then the body: the text all offsets refer to. */
    public String text() {
        return title.isEmpty() ? body : title + "\n\n" + body;
    }

    /** Offset in {@link #text()} where the body starts. */
    public int bodyOffset() {
        return title.isEmpty() ? 0 : title.length() + 2;
    }
}
