package id.pantau.launcher.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Figures of one {@link LoadStage}: counts, drain rate and latency percentiles (ms). */
record StageResult(int offeredRate, int published, double publishSeconds, int searchable, int alertsExpected, int alertsDelivered,
        double drainRate, Percentiles toSearchable, Percentiles toAlert, double earlyMedianMs, double lateMedianMs) {

    static final String HEADER = String.format(Locale.ROOT, "%6s %9s %10s %9s %11s | %-27s | %-27s | %s", "rate/s", "published", "searchable",
            "alerts", "drain art/s", "published->searchable ms p50/p90/p99/max", "published->alert ms p50/p90/p99/max",
            "p50 first/last third");

    static StageResult of(int rate, long publishNanos, List<LoadStage.Outcome> outcomes) {
        List<Double> searchable = new ArrayList<>();
        List<Double> alert = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long lastDone = Long.MIN_VALUE;
        int alertsExpected = 0;
        for (LoadStage.Outcome o : outcomes) {
            first = Math.min(first, o.publishedNanos());
            if (o.searchableNanos() != null) {
                searchable.add((o.searchableNanos() - o.publishedNanos()) / 1e6);
                lastDone = Math.max(lastDone, o.searchableNanos());
            }
            if (o.raisesAlert()) {
                alertsExpected++;
                if (o.alertNanos() != null) {
                    alert.add((o.alertNanos() - o.publishedNanos()) / 1e6);
                }
            }
        }
        int third = Math.max(1, searchable.size() / 3);
        double early = Percentiles.of(searchable.subList(0, Math.min(third, searchable.size()))).p50();
        double late = Percentiles.of(searchable.subList(Math.max(0, searchable.size() - third), searchable.size())).p50();
        double drain = searchable.isEmpty() ? 0 : searchable.size() / ((lastDone - first) / 1e9);
        return new StageResult(rate, outcomes.size(), publishNanos / 1e9, searchable.size(), alertsExpected, alert.size(), drain,
                Percentiles.of(searchable), Percentiles.of(alert), early, late);
    }

    String line() {
        return String.format(Locale.ROOT, "%6d %9d %10d %4d/%-4d %11.1f | %-40s | %-35s | %.0f / %.0f", offeredRate, published, searchable,
                alertsDelivered, alertsExpected, drainRate, toSearchable, toAlert, earlyMedianMs, lateMedianMs);
    }

    /**
     * The highest offered rate the pipeline sustained: every article searchable and every alert
     * delivered, and the median latency of the stage's last third no more than twice that of its
     * first third plus one second (a backlog that keeps growing means the pipeline fell behind).
     */
    static String sustained(List<StageResult> results) {
        int best = 0;
        for (StageResult r : results) {
            boolean complete = r.searchable() == r.published() && r.alertsDelivered() == r.alertsExpected();
            boolean steady = r.lateMedianMs() <= 2 * r.earlyMedianMs() + 1000;
            if (complete && steady) {
                best = Math.max(best, r.offeredRate());
            }
        }
        return best == 0 ? "sustained: no stage kept up (see the table)"
                : "sustained: " + best + " articles/s (highest offered rate with nothing lost and latency not growing)";
    }

    /** Latency percentiles, nearest-rank, in ms. */
    record Percentiles(int count, double p50, double p90, double p99, double max) {

        static Percentiles of(List<Double> values) {
            if (values.isEmpty()) {
                return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return new Percentiles(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99), sorted.getLast());
        }

        private static double rank(List<Double> sorted, double q) {
            return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f", p50, p90, p99, max);
        }
    }
}
