package id.pantau.ingest.discovery;

import java.util.Objects;

/** A feed, sitemap or section page that cannot be read; carries the source URL. */
public final class SourceParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String url;

    public SourceParseException(String url, String detail, Throwable cause) {
        super("cannot parse source " + url + ": " + detail, cause);
        this.url = Objects.requireNonNull(url, "url");
    }

    /** The URL of the source. */
    public String url() {
        return url;
    }
}
