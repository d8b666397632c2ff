package id.pantau.ingest.discovery;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A feed, sitemap or section page that cannot be read: its document is broken ({@code
 * SOURCE_UNPARSEABLE}) or it could not be fetched ({@code SOURCE_UNAVAILABLE}: 404, 5xx after retries,
 * timeout, robots.txt). Carries the source URL and the dead-letter reason.
 */
public final class UnreadableSourceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String reason;
    private final transient List<CandidateUrl> readBeforeDamage;

    public UnreadableSourceException(String url, String detail, Throwable cause) {
        this(url, detail, cause, List.of());
    }

    /**
     * A source damaged part-way, with the candidates of its complete entries before the damage.
     */
    public UnreadableSourceException(String url, String detail, Throwable cause, List<CandidateUrl> readBeforeDamage) {
        this("SOURCE_UNPARSEABLE", "cannot parse source " + url + ": " + detail, url, cause, readBeforeDamage);
    }

    private UnreadableSourceException(String reason, String message, String url, @Nullable Throwable cause, List<CandidateUrl> readBeforeDamage) {
        super(message, cause);
        this.reason = reason;
        this.url = Objects.requireNonNull(url, "url");
        this.readBeforeDamage = List.copyOf(readBeforeDamage);
    }

    /** A source that could not be fetched; {@code detail} names the cause without per-attempt details. */
    public static UnreadableSourceException unavailable(String url, String detail) {
        return new UnreadableSourceException("SOURCE_UNAVAILABLE", "cannot fetch source " + url + ": " + detail, url, null, List.of());
    }

    /** The dead-letter reason: {@code SOURCE_UNPARSEABLE} or {@code SOURCE_UNAVAILABLE}. */
    public String reason() {
        return reason;
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
