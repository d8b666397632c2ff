package id.pantau.index.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Indexing metrics in Micrometer: documents by kind and result, dead letters by reason, bulk
 * latency, consumer lag, records in flight and the paused flag. Prometheus names:
 * {@code pantau_index_documents_total}, {@code pantau_index_dead_letters_total},
 * {@code pantau_index_bulk_latency_seconds}, {@code pantau_index_consumer_lag_records},
 * {@code pantau_index_in_flight_records}, {@code pantau_index_consumer_paused}. Thread-safe.
 */
public final class IndexMetrics {

    private static final long LAG_EVERY_MS = 1000;

    private final MeterRegistry registry;
    private final Timer bulkLatency;
    private final AtomicLong lag = new AtomicLong();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private long lastLagMs;

    public IndexMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bulkLatency = Timer.builder("pantau.index.bulk.latency")
                .description("Time from sending a bulk request to its response or failure")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("pantau.index.consumer.lag", lag, AtomicLong::get)
                .description("Records on the consumed partitions not yet read, summed")
                .baseUnit("records")
                .register(registry);
        // Register every series up front so dashboards see zeros rather than gaps.
        for (Pending.Kind kind : Pending.Kind.values()) {
            for (String result : List.of("indexed", "conflict", "rejected", "retried")) {
                countDocument(kind, result, 0);
            }
        }
    }

    void registerPipelineGauges(IntSupplier inFlight, IntSupplier paused) {
        // Micrometer holds a gauge's object weakly: the suppliers are lambdas nobody else keeps, so
        // without a strong reference the gauges read NaN after the first garbage collection
        Gauge.builder("pantau.index.in.flight", inFlight, IntSupplier::getAsInt)
                .description("Records read and not yet acknowledged by Elasticsearch")
                .baseUnit("records")
                .strongReference(true)
                .register(registry);
        Gauge.builder("pantau.index.consumer.paused", paused, IntSupplier::getAsInt)
                .description("1 while consumption is paused for backpressure")
                .strongReference(true)
                .register(registry);
    }

    void recordBulkLatency(long nanos) {
        bulkLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void countDocument(Pending.Kind kind, String result) {
        countDocument(kind, result, 1);
    }

    private void countDocument(Pending.Kind kind, String result, double amount) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        counters.computeIfAbsent("doc." + name + "." + result, k -> Counter.builder("pantau.index.documents")
                .description("Bulk item outcomes by document kind and result")
                .tag("kind", name)
                .tag("result", result)
                .register(registry)).increment(amount);
    }

    void countDeadLetter(String reason) {
        counters.computeIfAbsent("dlq." + reason, k -> Counter.builder("pantau.index.dead.letters")
                .description("Records sent to news.dlq by reason")
                .tag("reason", reason)
                .register(registry)).increment();
    }

    void countDeadLetterSkipped(String reason) {
        counters.computeIfAbsent("dlq-skipped." + reason, k -> Counter.builder("pantau.index.dead.letters.skipped")
                .description("Dead letters not sent again because their marker shows an earlier run sent them (a replay)")
                .tag("reason", reason)
                .register(registry)).increment();
    }

    /** Dead letters with {@code reason} not sent again because a marker showed they had been, so far. */
    public long deadLettersSkipped(String reason) {
        Counter counter = counters.get("dlq-skipped." + reason);
        return counter == null ? 0 : (long) counter.count();
    }

    void updateLag(Consumer<?, ?> consumer) {
        long now = System.currentTimeMillis();
        if (now - lastLagMs < LAG_EVERY_MS) {
            return;
        }
        lastLagMs = now;
        long sum = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            sum += partitionLag.orElse(0);
        }
        lag.set(sum);
    }

    /** Count of bulk items with {@code result} of {@code kind} so far. */
    public long documents(Pending.Kind kind, String result) {
        Counter counter = counters.get("doc." + kind.name().toLowerCase(Locale.ROOT) + "." + result);
        return counter == null ? 0 : (long) counter.count();
    }

    /** Dead letters sent with {@code reason} so far. */
    public long deadLetters(String reason) {
        Counter counter = counters.get("dlq." + reason);
        return counter == null ? 0 : (long) counter.count();
    }

    /** Longest bulk request seen recently, for logs and benchmarks. */
    public Duration bulkLatencyMax() {
        return Duration.ofNanos((long) bulkLatency.max(TimeUnit.NANOSECONDS));
    }

    /** One-line key=value summary for progress logs. */
    String summary() {
        Map<String, Long> sorted = new TreeMap<>();
        counters.forEach((k, c) -> {
            if (c.count() > 0) {
                sorted.put(k, (long) c.count());
            }
        });
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) -> out.append(out.isEmpty() ? "" : " ").append(k).append('=').append(v));
        out.append(" lag=").append(lag.get()).append(" bulks=").append(bulkLatency.count());
        return out.toString();
    }
}
