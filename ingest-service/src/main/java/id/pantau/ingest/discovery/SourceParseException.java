package id.pantau.ingest.discovery;

import java.util.List;
import java.util.Objects;

/** A feed, sitemap or section page that cannot be read; carries the source URL. */
public final class SourceParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final transient List<CandidateUrl> readBeforeDamage;

    public SourceParseException(String url, String detail, Throwable cause) {
        this(url, detail, cause, List.of());
    }

    /**
     * A source damaged part-way, with the candidates of its complete entries before the damage.
     */
    public SourceParseException(String url, String detail, Throwable cause, List<CandidateUrl> readBeforeDamage) {
        super("cannot parse source " + url + ": " + detail, cause);
        this.url = Objects.requireNonNull(url, "url");
        this.readBeforeDamage = List.copyOf(readBeforeDamage);
    }

    /** Candidates of the complete entries read before the damage; empty when none could be read. */
    public List<CandidateUrl> readBeforeDamage() {
        return readBeforeDamage;
    }

    /** The URL of the source. */
    public String url() {
        return url;
    }
}
