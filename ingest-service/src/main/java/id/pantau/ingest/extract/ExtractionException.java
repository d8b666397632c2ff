package id.pantau.ingest.extract;

import java.util.Objects;

/** Thrown when a page cannot be turned into an article; {@link #cause()} says why, as a code. */
public final class ExtractionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why extraction failed. */
    public enum Cause {
        /** No body paragraphs were found. */
        EMPTY_BODY,
        /** No headline was found. */
        NO_TITLE,
        /** The input is not HTML (binary, JSON, plain text...). */
        NOT_HTML,
        /** The input is larger than the extractor's size limit; decided before parsing. */
        TOO_LARGE
    }

    private final Cause cause;
    private final String url;

    public ExtractionException(Cause cause, String url, String detail) {
        super(cause + " for " + url + ": " + detail);
        this.cause = Objects.requireNonNull(cause, "cause");
        this.url = Objects.requireNonNull(url, "url");
    }

    /** The failure code. */
    public Cause cause() {
        return cause;
    }

    /** The URL of the page that failed. */
    public String url() {
        return url;
    }
}
