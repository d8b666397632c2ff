package id.pantau.ingest.fetch;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What happened to one URL: fetched, skipped on purpose, or failed. Immutable. */
public sealed interface FetchOutcome {

    /** The URL asked for. */
    String url();

    /**
     * A 2xx response with its whole (decompressed) body.
     *
     * @param finalUrl the URL after redirects
     * @param contentType the Content-Type header, or null
     * @param etag the ETag header, or null
     * @param lastModified the Last-Modified header, or null
     */
    record Fetched(String url, String finalUrl, int status, byte[] body, @Nullable String contentType, @Nullable String etag,
            @Nullable String lastModified) implements FetchOutcome {
        public Fetched {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(finalUrl, "finalUrl");
            Objects.requireNonNull(body, "body");
        }
    }

    /** Not fetched on purpose (robots, 304, off-outlet host...); not an error of the site. */
    record Skipped(String url, FetchCause cause, String detail) implements FetchOutcome {
        public Skipped {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The fetch failed.
     *
     * @param retryable true for transient failures (5xx, 429, timeouts, I/O) worth another try
     * @param status the HTTP status, or 0 when no response was had
     * @param retryAfter the server's Retry-After, or null
     */
    record Failed(String url, FetchCause cause, boolean retryable, int status, String detail, @Nullable Duration retryAfter)
            implements FetchOutcome {
        public Failed {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }

        static Failed permanent(String url, FetchCause cause, int status, String detail) {
            return new Failed(url, cause, false, status, detail, null);
        }

        static Failed transientFailure(String url, FetchCause cause, int status, String detail) {
            return new Failed(url, cause, true, status, detail, null);
        }
    }
}
