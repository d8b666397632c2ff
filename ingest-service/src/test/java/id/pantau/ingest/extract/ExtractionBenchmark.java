package id.pantau.ingest.extract;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Extraction speed on the outlet fixture pages, on one thread: full extraction with the outlet
 * profiles, extraction with the generic extractor only, and jsoup parsing alone of the same HTML (both
 * Tribun pages included, since extraction parses both). Scores are pages per second; {@link #main}
 * prints the ratio of extraction time to parse time (target: at most 1.5).
 *
 * <p>Not part of any test run. Run it with:
 *
 * <pre>
 * mvn -B -o -q -pl ingest-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp ingest-service/target/test-classes:ingest-service/target/classes:$(cat ingest-service/target/cp.txt) \
 *     id.pantau.ingest.extract.ExtractionBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class ExtractionBenchmark {

    /** Fixture articles measured per invocation; {@link #setUp} fails when the fixture set changes. */
    static final int ARTICLES = 8;

    private final ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(Instant.parse("2024-11-20T00:00:00Z"), ZoneOffset.UTC));
    private List<Fixtures> fixtures = List.of();
    private List<ExtractionProfile> profiles = List.of();

    @Setup
    public void setUp() {
        fixtures = Fixtures.all();
        if (fixtures.size() != ARTICLES) {
            throw new IllegalStateException("ARTICLES is " + ARTICLES + " but there are " + fixtures.size() + " fixture articles");
        }
        List<ExtractionProfile> list = new ArrayList<>();
        for (Fixtures f : fixtures) {
            list.add(Fixtures.profile(f.outletId()));
        }
        profiles = List.copyOf(list);
    }

    @Benchmark
    @OperationsPerInvocation(ARTICLES)
    public void parseOnly(Blackhole bh) {
        for (Fixtures f : fixtures) {
            bh.consume(Jsoup.parse(f.html(), f.url()));
            for (var page : f.pages().entrySet()) {
                bh.consume(Jsoup.parse(page.getValue(), page.getKey()));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ARTICLES)
    public void extractWithProfile(Blackhole bh) throws ExtractionException {
        for (int i = 0; i < fixtures.size(); i++) {
            Fixtures f = fixtures.get(i);
            bh.consume(extractor.extract(f.html(), f.url(), profiles.get(i), f.loader()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ARTICLES)
    public void extractGenericOnly(Blackhole bh) throws ExtractionException {
        for (Fixtures f : fixtures) {
            bh.consume(extractor.extract(f.html(), f.url(), null, f.loader()));
        }
    }

    /** Runs the benchmark (1 fork, 3 warm-up iterations of 5 s, 5 measured of 2 s) and prints pages/s and ratios. */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(ExtractionBenchmark.class.getName() + "\\.").build()).run();
        double parse = 0;
        double profile = 0;
        double generic = 0;
        StringBuilder out = new StringBuilder("\nExtractionBenchmark, articles per second on one thread (median of iterations):\n");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceFirst(".*\\.", "");
            double[] scores = result.getBenchmarkResults().stream().flatMap(b -> b.getIterationResults().stream())
                    .mapToDouble(r -> r.getPrimaryResult().getScore()).sorted().toArray();
            double median = scores[scores.length / 2];
            out.append(String.format(Locale.ROOT, "  %-20s %10.1f%n", name, median));
            switch (name) {
                case "parseOnly" -> parse = median;
                case "extractWithProfile" -> profile = median;
                default -> generic = median;
            }
        }
        out.append(String.format(Locale.ROOT, "  time ratio extraction/parse: profile %.2f, generic %.2f (target <= 1.50)%n",
                parse / profile, parse / generic));
        out.append(cpuTimeRatios());
        System.out.print(out);
    }

    /**
     * The same three measurements in thread CPU time rather than wall time, since a shared machine's
     * load makes JMH's wall-clock throughput swing widely; each runs 10 s after a 10 s warm-up.
     */
    static String cpuTimeRatios() {
        ExtractionBenchmark bench = new ExtractionBenchmark();
        bench.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Runnable> tasks = new LinkedHashMap<>();
        tasks.put("parseOnly", () -> bench.parseOnly(bh));
        tasks.put("extractWithProfile", () -> uncheck(() -> bench.extractWithProfile(bh)));
        tasks.put("extractGenericOnly", () -> uncheck(() -> bench.extractGenericOnly(bh)));
        Map<String, Double> micros = new LinkedHashMap<>();
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, Runnable> task : tasks.entrySet()) {
                long start = mx.getCurrentThreadCpuTime();
                long runs = 0;
                while (mx.getCurrentThreadCpuTime() - start < TimeUnit.SECONDS.toNanos(10)) {
                    task.getValue().run();
                    runs++;
                }
                micros.put(task.getKey(), (mx.getCurrentThreadCpuTime() - start) / 1000.0 / runs / ARTICLES);
            }
        }
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
        return String.format(Locale.ROOT, "Thread CPU time per article: parse %.1f us, profile extraction %.1f us (ratio %.2f), "
                        + "generic extraction %.1f us (ratio %.2f)%n", micros.get("parseOnly"), micros.get("extractWithProfile"),
                micros.get("extractWithProfile") / micros.get("parseOnly"), micros.get("extractGenericOnly"),
                micros.get("extractGenericOnly") / micros.get("parseOnly"));
    }

    private interface Measured {
        void run() throws ExtractionException;
    }

    private static void uncheck(Measured measured) {
        try {
            measured.run();
        } catch (ExtractionException e) {
            throw new IllegalStateException(e);
        }
    }
}
