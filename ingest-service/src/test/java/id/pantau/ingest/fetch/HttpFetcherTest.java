package id.pantau.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.testing.TestConfigs;
import id.pantau.ingest.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

    private final TestSite site = new TestSite();
    private final HttpFetcher fetcher = new HttpFetcher(TestConfigs.http(Duration.ofMillis(700), 1024 * 1024), Clock.systemUTC());

    @AfterEach
    void close() {
        fetcher.close();
        site.close();
    }

    private FetchOutcome fetch(String path) {
        return fetcher.fetch(site.url(path), null, host -> true);
    }

    @Test
    void shouldReturnBodyHeadersAndUserAgentWhenOk() {
        site.route("/ok", (ex, hit) -> {
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Mon, 18 Nov 2024 06:30:00 GMT");
            TestSite.send(ex, 200, "text/html; charset=utf-8", "<p>halo</p>".getBytes(StandardCharsets.UTF_8));
        });

        FetchOutcome outcome = fetch("/ok");

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) outcome;
        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("<p>halo</p>");
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(fetched.etag()).isEqualTo("\"v1\"");
        assertThat(fetched.lastModified()).isEqualTo("Mon, 18 Nov 2024 06:30:00 GMT");
        assertThat(site.received().getFirst().header("User-Agent")).isEqualTo("pantau-ingest/0.1 (+https://pantau.example/crawler)");
        assertThat(site.received().getFirst().header("Accept-Encoding")).isEqualTo("gzip, deflate");
    }

    @Test
    void shouldDecompressGzipBody() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("<p>dikompres</p>".getBytes(StandardCharsets.UTF_8));
        }
        site.route("/gz", (ex, hit) -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSite.send(ex, 200, "text/html", zipped.toByteArray());
        });

        FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) fetch("/gz");

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("<p>dikompres</p>");
    }

    @Test
    void shouldFollowRedirectAndReportFinalUrl() {
        site.route("/old", (ex, hit) -> {
            ex.getResponseHeaders().set("Location", "/new");
            TestSite.send(ex, 301, "text/plain", new byte[0]);
        });
        site.html("/new", "<p>baru</p>");

        FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) fetch("/old");

        assertThat(fetched.url()).isEqualTo(site.url("/old"));
        assertThat(fetched.finalUrl()).isEqualTo(site.url("/new"));
    }

    @Test
    void shouldFailPermanentlyOnRedirectLoop() {
        site.route("/a", (ex, hit) -> {
            ex.getResponseHeaders().set("Location", "/b");
            TestSite.send(ex, 302, "text/plain", new byte[0]);
        });
        site.route("/b", (ex, hit) -> {
            ex.getResponseHeaders().set("Location", "/a");
            TestSite.send(ex, 302, "text/plain", new byte[0]);
        });

        FetchOutcome outcome = fetch("/a");

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(FetchCause.REDIRECT_LOOP);
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.detail()).isEqualTo("redirect loop at " + site.url("/a"));
        });
        assertThat(site.hits("/a")).isEqualTo(1);
        assertThat(site.hits("/b")).isEqualTo(1);
    }

    @Test
    void shouldStopAfterRedirectLimit() {
        site.route("/hop", (ex, hit) -> {
            ex.getResponseHeaders().set("Location", "/hop?n=" + hit);
            TestSite.send(ex, 302, "text/plain", new byte[0]);
        });

        FetchOutcome outcome = fetch("/hop");

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                failed -> assertThat(failed.cause()).isEqualTo(FetchCause.TOO_MANY_REDIRECTS));
        assertThat(site.hits("/hop")).isEqualTo(6);
    }

    @Test
    void shouldFailOnMalformedRedirectLocation() {
        site.route("/odd", (ex, hit) -> {
            ex.getResponseHeaders().set("Location", "/berita baru/{x}");
            TestSite.send(ex, 302, "text/plain", new byte[0]);
        });

        FetchOutcome outcome = fetch("/odd");

        assertThat(outcome).isEqualTo(new FetchOutcome.Failed(site.url("/odd"), FetchCause.MALFORMED_URL, false, 302,
                "redirect to a malformed Location: /berita baru/{x}", null));
    }

    @Test
    void shouldRefuseRedirectToAnotherHost() {
        site.route("/away", (ex, hit) -> {
            ex.getResponseHeaders().set("Location", "http://localhost:" + site.base().substring(site.base().lastIndexOf(':') + 1) + "/x");
            TestSite.send(ex, 302, "text/plain", new byte[0]);
        });

        FetchOutcome outcome = fetcher.fetch(site.url("/away"), null, host -> host.equals("127.0.0.1"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Skipped.class,
                skipped -> assertThat(skipped.cause()).isEqualTo(FetchCause.OFF_OUTLET_HOST));
    }

    @Test
    void shouldClassifyNotFoundAsPermanent4xx() {
        FetchOutcome outcome = fetch("/hilang");

        assertThat(outcome).isEqualTo(new FetchOutcome.Failed(site.url("/hilang"), FetchCause.HTTP_4XX, false, 404,
                "HTTP 404 for " + site.url("/hilang"), null));
    }

    @Test
    void shouldClassifyServerErrorAsRetryable() {
        site.serve("/error", 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8));

        FetchOutcome outcome = fetch("/error");

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(FetchCause.HTTP_5XX);
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.status()).isEqualTo(500);
        });
    }

    @Test
    void shouldReadRetryAfterOf429() {
        site.route("/busy", (ex, hit) -> {
            ex.getResponseHeaders().set("Retry-After", "7");
            TestSite.send(ex, 429, "text/plain", new byte[0]);
        });

        FetchOutcome outcome = fetch("/busy");

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(FetchCause.HTTP_429);
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
    }

    @Test
    void shouldTimeOutSlowDripBody() {
        site.route("/drip", (ex, hit) -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                for (int i = 0; i < 40; i++) {
                    out.write('.');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();

        FetchOutcome outcome = fetch("/drip");

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(FetchCause.TIMEOUT);
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.detail()).isEqualTo("body not complete within 700 ms");
        });
        assertThat(tookMs).isBetween(650L, 2000L);
    }

    @Test
    void shouldAbortBodyAboveSizeLimitWhileStreaming() {
        byte[] chunk = new byte[64 * 1024];
        site.route("/huge", (ex, hit) -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to reject early
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 20 * 16; i++) { // 20 MB
                out.write(chunk);
            }
        });

        FetchOutcome outcome = fetch("/huge");

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(FetchCause.TOO_LARGE);
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.detail()).isEqualTo("body exceeds 1048576 bytes");
        });
    }

    @Test
    void shouldRejectDeclaredLengthAboveLimitBeforeReading() {
        site.serve("/big", 200, "text/html", new byte[2 * 1024 * 1024]);

        FetchOutcome outcome = fetch("/big");

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(FetchCause.TOO_LARGE);
            assertThat(failed.detail()).isEqualTo("Content-Length 2097152 exceeds 1048576 bytes");
        });
    }

    @Test
    void shouldSendValidatorsAndReportNotModified() {
        site.route("/feed", (ex, hit) -> {
            if ("\"f1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestSite.send(ex, 304, "application/rss+xml", new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"f1\"");
                TestSite.send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });
        FetchOutcome.Fetched first = (FetchOutcome.Fetched) fetch("/feed");

        FetchOutcome second = fetcher.fetch(site.url("/feed"), Validators.of(first), host -> true);

        assertThat(second).isInstanceOfSatisfying(FetchOutcome.Skipped.class,
                skipped -> assertThat(skipped.cause()).isEqualTo(FetchCause.NOT_MODIFIED));
        assertThat(site.received().get(1).header("If-None-Match")).isEqualTo("\"f1\"");
    }

    @Test
    void shouldRefuseLoopbackWhenPrivateAddressesAreNotAllowed() {
        var strict = new id.pantau.ingest.config.HttpConfig("pantau-ingest/0.1", URI.create("https://pantau.example/crawler"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1024 * 1024, 5, false);
        try (HttpFetcher guarded = new HttpFetcher(strict, Clock.systemUTC())) {
            site.html("/ok", "<p>x</p>");

            FetchOutcome outcome = guarded.fetch(site.url("/ok"), null, host -> true);

            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Skipped.class,
                    skipped -> assertThat(skipped.cause()).isEqualTo(FetchCause.PRIVATE_ADDRESS));
            assertThat(site.hits("/ok")).isZero();
        }
    }

    @Test
    void shouldSkipNonHttpUrl() {
        FetchOutcome outcome = fetcher.fetch("ftp://example.org/file", null, host -> true);

        assertThat(outcome).isEqualTo(new FetchOutcome.Skipped("ftp://example.org/file", FetchCause.MALFORMED_URL,
                "not an absolute http(s) URL: ftp://example.org/file"));
    }
}
