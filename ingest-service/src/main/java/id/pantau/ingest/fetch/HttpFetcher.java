package id.pantau.ingest.fetch;

import id.pantau.ingest.config.HttpConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP GET with redirects followed by hand (each hop checked against the allowed hosts and the
 * address guard, loops detected), gzip/deflate decoding, a body size limit enforced while
 * streaming, a deadline for the whole exchange (slow-drip servers) and conditional GET. Knows
 * nothing of politeness: see {@link PoliteFetcher}. Thread-safe; {@link #close()} by the owner.
 */
public final class HttpFetcher implements AutoCloseable {

    private final HttpConfig config;
    private final HttpClient client;
    private final AddressGuard guard;
    private final Clock clock;
    private final ScheduledExecutorService watchdog;

    /** @param clock the clock a Retry-After date is compared with (deadlines use the monotonic clock) */
    public HttpFetcher(HttpConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = new AddressGuard(config.allowPrivateAddresses());
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ingest-http-deadline").factory());
    }

    /**
     * Fetches {@code url}.
     *
     * @param validators validators of a previous response for a conditional GET, or null
     * @param hostAllowed which hosts the URL and its redirects may go to
     */
    public FetchOutcome fetch(String url, @Nullable Validators validators, Predicate<String> hostAllowed) {
        Set<String> visited = new HashSet<>();
        String current = url;
        for (int hop = 0; ; hop++) {
            URI uri;
            try {
                uri = new URI(current);
            } catch (URISyntaxException e) {
                return new FetchOutcome.Skipped(url, FetchCause.MALFORMED_URL, "not a URL: " + current);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return new FetchOutcome.Skipped(url, FetchCause.MALFORMED_URL, "not an absolute http(s) URL: " + current);
            }
            if (!hostAllowed.test(uri.getHost())) {
                return new FetchOutcome.Skipped(url, FetchCause.OFF_OUTLET_HOST, "host " + uri.getHost() + " is not the outlet's: " + current);
            }
            FetchCause refused = guard.check(uri.getHost());
            if (refused != null) {
                return new FetchOutcome.Skipped(url, refused, "host " + uri.getHost() + " refused: " + refused);
            }
            visited.add(current);
            Exchange exchange = exchange(url, uri, validators);
            if (exchange.outcome != null) {
                return exchange.outcome;
            }
            String location = Objects.requireNonNull(exchange.location);
            String next;
            try {
                next = uri.resolve(location.trim()).toString();
            } catch (IllegalArgumentException e) {
                return FetchOutcome.Failed.permanent(url, FetchCause.MALFORMED_URL, exchange.status, "redirect to a malformed Location: " + location);
            }
            if (visited.contains(next)) {
                return FetchOutcome.Failed.permanent(url, FetchCause.REDIRECT_LOOP, exchange.status, "redirect loop at " + next);
            }
            if (hop + 1 > config.maxRedirects()) {
                return FetchOutcome.Failed.permanent(url, FetchCause.TOO_MANY_REDIRECTS, exchange.status,
                        "more than " + config.maxRedirects() + " redirects, last to " + next);
            }
            current = next;
        }
    }

    private record Exchange(@Nullable FetchOutcome outcome, @Nullable String location, int status) {}

    private Exchange exchange(String url, URI uri, @Nullable Validators validators) {
        long startNanos = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(config.requestTimeout())
                .header("User-Agent", config.userAgentHeader())
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,*/*;q=0.8")
                .header("Accept-Encoding", "gzip, deflate")
                .header("Accept-Language", "id,en;q=0.5");
        if (validators != null) {
            if (validators.etag() != null) {
                request.header("If-None-Match", validators.etag());
            }
            if (validators.lastModified() != null) {
                request.header("If-Modified-Since", validators.lastModified());
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            return done(FetchOutcome.Failed.transientFailure(url, FetchCause.TIMEOUT, 0, "connect timeout after " + config.connectTimeout().toMillis() + " ms"));
        } catch (HttpTimeoutException e) {
            return done(FetchOutcome.Failed.transientFailure(url, FetchCause.TIMEOUT, 0, "no response within " + config.requestTimeout().toMillis() + " ms"));
        } catch (ConnectException e) {
            return done(FetchOutcome.Failed.transientFailure(url, FetchCause.IO_ERROR, 0, "cannot connect to " + uri.getHost() + ": " + e.getMessage()));
        } catch (IOException e) {
            return done(FetchOutcome.Failed.transientFailure(url, FetchCause.IO_ERROR, 0, e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done(FetchOutcome.Failed.transientFailure(url, FetchCause.IO_ERROR, 0, "interrupted"));
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400 && status != 304) {
            closeQuietly(response.body());
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) {
                return done(FetchOutcome.Failed.permanent(url, FetchCause.UNEXPECTED_STATUS, status, "HTTP " + status + " without Location"));
            }
            return new Exchange(null, location, status);
        }
        if (status == 304) {
            closeQuietly(response.body());
            return done(new FetchOutcome.Skipped(url, FetchCause.NOT_MODIFIED, "HTTP 304 for " + uri));
        }
        if (status == 429 || status == 503) {
            closeQuietly(response.body());
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant());
            FetchCause cause = status == 429 ? FetchCause.HTTP_429 : FetchCause.HTTP_5XX;
            return done(new FetchOutcome.Failed(url, cause, true, status, "HTTP " + status + " for " + uri, retryAfter));
        }
        if (status >= 500) {
            closeQuietly(response.body());
            return done(FetchOutcome.Failed.transientFailure(url, FetchCause.HTTP_5XX, status, "HTTP " + status + " for " + uri));
        }
        if (status >= 400) {
            closeQuietly(response.body());
            return done(FetchOutcome.Failed.permanent(url, FetchCause.HTTP_4XX, status, "HTTP " + status + " for " + uri));
        }
        if (status < 200 || status >= 300) {
            closeQuietly(response.body());
            return done(FetchOutcome.Failed.permanent(url, FetchCause.UNEXPECTED_STATUS, status, "HTTP " + status + " for " + uri));
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > config.maxBodyBytes()) {
            closeQuietly(response.body());
            return done(FetchOutcome.Failed.permanent(url, FetchCause.TOO_LARGE, status,
                    "Content-Length " + declared + " exceeds " + config.maxBodyBytes() + " bytes"));
        }
        long remaining = config.requestTimeout().toMillis() - (System.nanoTime() - startNanos) / 1_000_000;
        return readBody(url, uri, response, Math.max(1, remaining));
    }

    private Exchange readBody(String url, URI uri, HttpResponse<InputStream> response, long remainingMillis) {
        int status = response.statusCode();
        InputStream raw = response.body();
        AtomicBoolean timedOut = new AtomicBoolean();
        // HttpClient's request timeout ends with the headers; this deadline covers the body too.
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            timedOut.set(true);
            closeQuietly(raw);
        }, remainingMillis, TimeUnit.MILLISECONDS);
        try (InputStream body = decoded(raw, response.headers().firstValue("Content-Encoding").orElse(""))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                total += n;
                if (total > config.maxBodyBytes()) {
                    return done(FetchOutcome.Failed.permanent(url, FetchCause.TOO_LARGE, status,
                            "body exceeds " + config.maxBodyBytes() + " bytes"));
                }
                out.write(buffer, 0, n);
            }
            if (timedOut.get()) {
                return done(timeout(url, status));
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return done(new FetchOutcome.Fetched(url, uri.toString(), status, out.toByteArray(), contentType,
                    response.headers().firstValue("ETag").orElse(null), response.headers().firstValue("Last-Modified").orElse(null)));
        } catch (IOException e) {
            if (timedOut.get()) {
                return done(timeout(url, status));
            }
            return done(FetchOutcome.Failed.transientFailure(url, FetchCause.IO_ERROR, status, "reading body: " + e.getMessage()));
        } finally {
            deadline.cancel(false);
        }
    }

    private FetchOutcome.Failed timeout(String url, int status) {
        return FetchOutcome.Failed.transientFailure(url, FetchCause.TIMEOUT, status,
                "body not complete within " + config.requestTimeout().toMillis() + " ms");
    }

    private static InputStream decoded(InputStream raw, String encoding) throws IOException {
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
    }

    private static Exchange done(FetchOutcome outcome) {
        return new Exchange(outcome, null, 0);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a response body we no longer need; nothing to recover
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.close();
    }
}
