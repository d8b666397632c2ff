package id.pantau.ingest.fetch;

/** Why a URL was skipped or failed; the name is the dead-letter reason code. */
public enum FetchCause {
    /** robots.txt disallows the URL for our agent. */
    ROBOTS_DENIED,
    /** robots.txt could not be had (server error, network failure): the host is left alone for a while. */
    ROBOTS_UNAVAILABLE,
    /** robots.txt asks for a Crawl-delay above {@code ingest.fetch.max.crawl.delay.ms}. */
    CRAWL_DELAY_TOO_LONG,
    /** Conditional GET: the resource did not change (HTTP 304). */
    NOT_MODIFIED,
    /** Not an absolute http(s) URL. */
    MALFORMED_URL,
    /** The URL (or a redirect target) is not on one of the outlet's own hosts. */
    OFF_OUTLET_HOST,
    /** The host resolves to a loopback, link-local or private address, and config forbids those. */
    PRIVATE_ADDRESS,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** HTTP 4xx other than 429 (e.g. 404, 410, 403). */
    HTTP_4XX,
    /** HTTP 429 Too Many Requests. */
    HTTP_429,
    /** HTTP 5xx. */
    HTTP_5XX,
    /** Connect, header or whole-exchange timeout (slow-drip servers included). */
    TIMEOUT,
    /** Connection refused or reset, or another I/O error. */
    IO_ERROR,
    /** Body larger than {@code ingest.http.max.body.bytes}. */
    TOO_LARGE,
    /** A redirect leads back to a URL already visited. */
    REDIRECT_LOOP,
    /** More redirects than {@code ingest.http.max.redirects}. */
    TOO_MANY_REDIRECTS,
    /** A status the fetcher does not handle (1xx, other 3xx without Location...). */
    UNEXPECTED_STATUS
}
