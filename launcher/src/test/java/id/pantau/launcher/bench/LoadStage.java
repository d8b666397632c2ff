package id.pantau.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.launcher.demo.DemoSite;
import id.pantau.launcher.e2e.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/** One stage of {@link PipelineBench}: publishes {@code rate} articles/s for {@code seconds}, then waits for them to come through. */
final class LoadStage {

    /** Longest wait, after the last publication, for the stage's articles and alerts. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

    private final int rate;
    private final int seconds;
    private final int alertEvery;
    private final int firstArticleIndex;

    LoadStage(int rate, int seconds, int alertEvery, int firstArticleIndex) {
        this.rate = rate;
        this.seconds = seconds;
        this.alertEvery = alertEvery;
        this.firstArticleIndex = firstArticleIndex;
    }

    int articles() {
        return rate * seconds;
    }

    StageResult run(DemoSite site, Tracker tracker) throws InterruptedException {
        List<String> urls = new ArrayList<>(articles());
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int k = 0; k < articles(); k++) {
            long due = start + k * intervalNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            String url = site.publishNext().url();
            tracker.published(url, System.nanoTime(), BenchContent.raisesAlert(firstArticleIndex + k, alertEvery));
            urls.add(url);
        }
        long publishedFor = System.nanoTime() - start;
        tracker.awaitAll(urls, DRAIN_TIMEOUT);
        return StageResult.of(rate, publishedFor, tracker.outcomes(urls));
    }

    /** Publication times of the articles, and when each became searchable and its alert was delivered. Thread-safe. */
    static final class Tracker {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final SearchableProbe probe;
        private final WebhookReceiver webhook;
        private final Map<String, Long> publishedNanos = new ConcurrentHashMap<>();
        private final Map<String, Boolean> raisesAlert = new ConcurrentHashMap<>();
        /** First alert delivery per article URL, from the receiver's deliveries read so far. */
        private final Map<String, Long> alertNanos = new HashMap<>();
        private int deliveriesRead;

        Tracker(SearchableProbe probe, WebhookReceiver webhook) {
            this.probe = probe;
            this.webhook = webhook;
        }

        void published(String url, long nanos, boolean alert) {
            publishedNanos.put(url, nanos);
            raisesAlert.put(url, alert);
        }

        /** Waits until every one of {@code urls} is searchable and every alert among them delivered, or {@code timeout} passed. */
        void awaitAll(List<String> urls, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !outcomes(urls).stream().allMatch(Outcome::complete)) {
                Thread.sleep(200);
            }
            if (!outcomes(urls).stream().allMatch(Outcome::complete)) {
                System.out.println("  (stage timed out; last search error: " + probe.lastError() + ")");
            }
        }

        synchronized List<Outcome> outcomes(List<String> urls) {
            readNewDeliveries();
            List<Outcome> out = new ArrayList<>(urls.size());
            for (String url : urls) {
                out.add(new Outcome(publishedNanos.get(url), probe.searchableAt(url), raisesAlert.get(url), alertNanos.get(url)));
            }
            return out;
        }

        private void readNewDeliveries() {
            List<WebhookReceiver.Delivery> deliveries = webhook.deliveries();
            for (WebhookReceiver.Delivery delivery : deliveries.subList(deliveriesRead, deliveries.size())) {
                try {
                    alertNanos.putIfAbsent(JSON.readTree(delivery.body()).path("url").asText(), delivery.receivedNanos());
                } catch (IOException e) {
                    throw new UncheckedIOException("alert webhook body is not JSON: " + delivery.body(), e);
                }
            }
            deliveriesRead = deliveries.size();
        }
    }

    /**
     * What happened to one article.
     *
     * @param publishedNanos when the demo site published it
     * @param searchableNanos when a search first found it, or null
     * @param raisesAlert whether it should raise an alert
     * @param alertNanos when its alert reached the webhook, or null
     */
    record Outcome(long publishedNanos, Long searchableNanos, boolean raisesAlert, Long alertNanos) {

        boolean complete() {
            return searchableNanos != null && (!raisesAlert || alertNanos != null);
        }
    }
}
