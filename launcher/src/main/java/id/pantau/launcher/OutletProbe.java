package id.pantau.launcher;

import id.pantau.ingest.config.IngestConfig;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.launcher.LauncherOptions.Source;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Decides at start whether a default run ({@link Source#AUTO}) follows the real outlets or the demo
 * site: it asks every outlet's home page at once and runs live as soon as one answers at all (any
 * HTTP status counts: the network works); when none answers within the deadline, the demo runs.
 * Stateless.
 */
final class OutletProbe {

    /** How long the launcher waits for the first outlet to answer before it runs the demo. */
    static final Duration DEADLINE = Duration.ofSeconds(5);

    /** Tells whether one URL answers. */
    @FunctionalInterface
    interface Prober {
        /**
         * @return true when the host answered with any HTTP response
         * @throws Exception counted as no answer
         */
        boolean answers(URI url) throws Exception;
    }

    /**
     * What the launcher runs and why.
     *
     * @param options the options with {@link Source#LIVE} or {@link Source#DEMO}
     * @param fellBack true when a default run found no outlet and runs the demo instead
     * @param reason one plain sentence for the log
     */
    record Decision(LauncherOptions options, boolean fellBack, String reason) {}

    private OutletProbe() {}

    /**
     * Resolves {@link Source#AUTO} by probing {@code homes} (in parallel, at most {@code deadline});
     * {@code --demo} and {@code --live} are kept without any probe.
     */
    static Decision decide(LauncherOptions options, List<URI> homes, Prober prober, Duration deadline) throws InterruptedException {
        return switch (options.source()) {
            case DEMO -> new Decision(options, false, "--demo: following the local demo site");
            case LIVE -> new Decision(options, false, "--live: following the outlets of outlets.yaml without probing them");
            case AUTO -> {
                @Nullable URI answered = firstAnswering(homes, prober, deadline);
                if (answered != null) {
                    yield new Decision(options.withSource(Source.LIVE), false,
                            "outlet " + answered + " answered: following the " + homes.size() + " outlets of outlets.yaml");
                }
                yield new Decision(options.withSource(Source.DEMO), true, "No outlet could be reached (none of the " + homes.size()
                        + " home pages in outlets.yaml answered within " + deadline.toSeconds() + " s), so pantau runs its local demo site "
                        + "with made-up articles instead. Start with --live to follow the real outlets anyway, or --demo to skip this check.");
            }
        };
    }

    /**
     * The first of {@code urls} to answer, asking all at once on virtual threads, or null when none
     * answers within {@code deadline} (a slow name lookup or connect counts as no answer; its thread
     * is interrupted and left to end on its own).
     */
    static @Nullable URI firstAnswering(List<URI> urls, Prober prober, Duration deadline) throws InterruptedException {
        Objects.requireNonNull(prober, "prober");
        if (urls.isEmpty()) {
            return null;
        }
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<@Nullable URI> answers = new ExecutorCompletionService<>(pool);
            for (URI url : urls) {
                answers.submit(() -> prober.answers(url) ? url : null);
            }
            long end = System.nanoTime() + deadline.toNanos();
            for (int i = 0; i < urls.size(); i++) {
                Future<@Nullable URI> next = answers.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    return null;
                }
                try {
                    @Nullable URI url = next.get();
                    if (url != null) {
                        return url;
                    }
                } catch (ExecutionException e) {
                    // the prober failed: no answer from that outlet
                }
            }
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The home page of every outlet ingest would follow with {@code config}. */
    static List<URI> homes(IngestConfig config) {
        return OutletRegistry.forConfig(config).outlets().stream().map(outlet -> URI.create(outlet.home())).toList();
    }

    /** A client for {@link #http}: no redirects followed, HTTP/1.1 like ingest's fetcher; the caller shuts it down. */
    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Asks with one {@code HEAD} request on {@code client}, sending {@code userAgent}; gives up after {@code timeout}. */
    static Prober http(HttpClient client, String userAgent, Duration timeout) {
        return url -> {
            HttpRequest request = HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("User-Agent", userAgent).timeout(timeout).build();
            try {
                client.send(request, HttpResponse.BodyHandlers.discarding());
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }
}
