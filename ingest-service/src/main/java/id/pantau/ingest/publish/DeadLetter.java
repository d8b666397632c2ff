package id.pantau.ingest.publish;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page ingest gave up on, bound for {@code news.dlq}: keyed by its host (the crawl request's key),
 * the value is the URL. Immutable.
 *
 * @param url the page's URL
 * @param host the page's host (the original crawl-request key)
 * @param reason cause code, e.g. {@code HTTP_4XX}, {@code ROBOTS_DENIED}, {@code EXTRACTION_EMPTY_BODY}
 * @param message human-readable explanation
 * @param exception class name of the exception behind it, or null
 * @param source where the crawl request came from, or null
 */
public record DeadLetter(String url, String host, String reason, String message, @Nullable String exception, @Nullable Source source) {

    /** Kafka coordinates of the crawl request. */
    public record Source(String topic, int partition, long offset) {}

    public DeadLetter {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
