package id.pantau.ingest.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTP client settings. Immutable.
 *
 * @param userAgent {@code ingest.http.user.agent}: product token, default {@code pantau-ingest/0.1}
 * @param contactUrl {@code ingest.http.contact.url}: page about the crawler, appended to the User-Agent
 * @param connectTimeout {@code ingest.http.connect.timeout.ms}: default 5 s
 * @param requestTimeout {@code ingest.http.request.timeout.ms}: whole exchange incl. body, default 20 s
 * @param maxBodyBytes {@code ingest.http.max.body.bytes}: default 5 MiB, after decompression
 * @param maxRedirects {@code ingest.http.max.redirects}: default 5
 * @param allowPrivateAddresses {@code ingest.http.allow.private.addresses}: default false
 */
public record HttpConfig(
        String userAgent,
        URI contactUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        long maxBodyBytes,
        int maxRedirects,
        boolean allowPrivateAddresses) {

    public HttpConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(contactUrl, "contactUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("ingest.http.user.agent: expected a non-empty text, got ''");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("ingest.http.max.body.bytes: expected an integer in 1024..104857600, got " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("ingest.http.max.redirects: expected an integer in 0..20, got " + maxRedirects);
        }
    }

    static HttpConfig from(ConfigValues v) {
        return new HttpConfig(
                v.nonBlank("ingest.http.user.agent"),
                v.httpUrl("ingest.http.contact.url"),
                v.millisIn("ingest.http.connect.timeout.ms", 100, 120_000),
                v.millisIn("ingest.http.request.timeout.ms", 100, 600_000),
                v.longIn("ingest.http.max.body.bytes", 1024, 104_857_600),
                v.intIn("ingest.http.max.redirects", 0, 20),
                v.bool("ingest.http.allow.private.addresses"));
    }

    /** The full User-Agent header: product token and contact URL, e.g. {@code pantau-ingest/0.1 (+https://...)}. */
    public String userAgentHeader() {
        return userAgent + " (+" + contactUrl + ")";
    }
}
