package id.pantau.ingest.extract;

import java.io.IOException;
import java.util.Objects;

/**
 * Thrown by a {@link PageLoader} when a further page of a multi-page article failed for a passing
 * reason (a server error, 429, a timeout, a lost connection): the article is not to be made without
 * that page, but tried again as a whole later. {@link ArticleExtractor} lets it through, where any
 * other failure of a further page only ends the stitching.
 */
public final class TransientPageException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String reason;

    /**
     * @param url the URL of the page that failed
     * @param reason the failure code, such as {@code HTTP_5XX} or {@code TIMEOUT}
     * @param detail what happened, for the log and the dead letter
     */
    public TransientPageException(String url, String reason, String detail) {
        super(reason + " for page " + url + ": " + detail);
        this.url = Objects.requireNonNull(url, "url");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The URL of the page that failed. */
    public String url() {
        return url;
    }

    /** The failure code, such as {@code HTTP_5XX} or {@code TIMEOUT}. */
    public String reason() {
        return reason;
    }
}
