package id.pantau.launcher.bench;

import java.util.Arrays;

/**
 * What {@link PipelineBench} runs, from system properties.
 *
 * @param rates offered articles/s of each stage, in order
 * @param stageSeconds how long each stage publishes
 * @param outlets stand-in outlets, each on a loopback host of its own
 * @param alertEvery every n-th article is a neutrality appeal that raises an alert (0: none)
 */
record BenchSettings(int[] rates, int stageSeconds, int outlets, int alertEvery) {

    BenchSettings {
        if (rates.length == 0 || Arrays.stream(rates).anyMatch(r -> r < 1 || r > 1000)) {
            throw new IllegalArgumentException("bench.rates: expected comma-separated articles/s in 1..1000, got " + Arrays.toString(rates));
        }
        if (stageSeconds < 5 || stageSeconds > 3600) {
            throw new IllegalArgumentException("bench.stage.seconds: expected 5..3600, got " + stageSeconds);
        }
        // The demo site binds one 127.0.0.x address per outlet.
        if (outlets < 1 || outlets > 250) {
            throw new IllegalArgumentException("bench.outlets: expected 1..250, got " + outlets);
        }
        if (alertEvery < 0) {
            throw new IllegalArgumentException("bench.alert.every: expected 0 or more, got " + alertEvery);
        }
    }

    static BenchSettings fromSystemProperties() {
        int[] rates = Arrays.stream(System.getProperty("bench.rates", "2,5,10,20").split(",")).map(String::trim).mapToInt(Integer::parseInt)
                .toArray();
        return new BenchSettings(rates, Integer.getInteger("bench.stage.seconds", 30), Integer.getInteger("bench.outlets", 16),
                Integer.getInteger("bench.alert.every", 5));
    }

    /** Articles published over all stages. */
    int totalArticles() {
        return Arrays.stream(rates).map(rate -> rate * stageSeconds).sum();
    }
}
