package id.pantau.enrich.tagger;

import id.pantau.enrich.tagger.text.NormalizedText;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The text every tagger reads: headline and body joined as {@link #text()}, plus the context a careful
 * reader uses (dateline place, outlet, the outlet's province and the article's date, which decides
 * which reference officials were in office). All offsets in tags are offsets into
 * {@link #text()}. Immutable and thread-safe; the joined text is built once and its normal form
 * ({@link #normalized()}) the first time a tagger asks, so the taggers share them. Equal when the
 * six components are, like a record.
 */
public final class ArticleText {

    private final String title;
    private final String body;
    private final @Nullable String datelinePlace;
    private final String outletId;
    private final @Nullable String outletProvinceCode;
    private final @Nullable LocalDate date;
    private final String text;
    /** Built on first use; a race builds an equal one twice, which is harmless. */
    private @Nullable NormalizedText normalized;

    /**
     * @param title headline
     * @param body body paragraphs joined by blank lines
     * @param datelinePlace place named by the dateline, e.g. "Mempawah", or null
     * @param outletId outlet id, or "" when unknown (CLI on a plain text)
     * @param outletProvinceCode province code of the outlet's region focus, e.g. "61", or null
     */
    public ArticleText(String title, String body, @Nullable String datelinePlace, String outletId, @Nullable String outletProvinceCode) {
        this(title, body, datelinePlace, outletId, outletProvinceCode, null);
    }

    /**
     * @param title headline
     * @param body body paragraphs joined by blank lines
     * @param datelinePlace place named by the dateline, e.g. "Mempawah", or null
     * @param outletId outlet id, or "" when unknown (CLI on a plain text)
     * @param outletProvinceCode province code of the outlet's region focus, e.g. "61", or null
     * @param date day the article speaks of (its publication day in Indonesia), or null when unknown
     */
    public ArticleText(String title, String body, @Nullable String datelinePlace, String outletId, @Nullable String outletProvinceCode,
            @Nullable LocalDate date) {
        this.date = date;
        this.title = Objects.requireNonNull(title, "title");
        this.body = Objects.requireNonNull(body, "body");
        this.datelinePlace = datelinePlace;
        this.outletId = Objects.requireNonNull(outletId, "outletId");
        this.outletProvinceCode = outletProvinceCode;
        this.text = title.isEmpty() ? body : title + "\n\n" + body;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public @Nullable String datelinePlace() {
        return datelinePlace;
    }

    public String outletId() {
        return outletId;
    }

    public @Nullable String outletProvinceCode() {
        return outletProvinceCode;
    }

    /** Day the article speaks of, or null when unknown. */
    public @Nullable LocalDate date() {
        return date;
    }

    /** Title, a blank line, then the body: the text all offsets refer to. */
    public String text() {
        return text;
    }

    /** {@link NormalizedText#of} of {@link #text()}, built once per article. */
    public NormalizedText normalized() {
        NormalizedText n = normalized;
        if (n == null) {
            n = NormalizedText.of(text);
            normalized = n;
        }
        return n;
    }

    /** Offset in {@link #text()} where the body starts. */
    public int bodyOffset() {
        return title.isEmpty() ? 0 : title.length() + 2;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ArticleText other && title.equals(other.title) && body.equals(other.body)
                && Objects.equals(datelinePlace, other.datelinePlace) && outletId.equals(other.outletId)
                && Objects.equals(outletProvinceCode, other.outletProvinceCode) && Objects.equals(date, other.date);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, body, datelinePlace, outletId, outletProvinceCode, date);
    }

    @Override
    public String toString() {
        return "ArticleText[title=" + title + ", body=" + body + ", datelinePlace=" + datelinePlace + ", outletId=" + outletId
                + ", outletProvinceCode=" + outletProvinceCode + ", date=" + date + "]";
    }
}
