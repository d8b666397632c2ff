package id.pantau.ingest.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
 * Tribun pages included, since extraction parses both). Scores are articles per second (8 articles, 9
 * pages). The ratio is extraction time over parse time, where extraction time includes its own parse
 * of every page (input check, parse, all layers, stitching), so 1.0 would be "extraction adds nothing";
 * target: at most 1.5. {@link #main} prints the ratio twice: from JMH's wall-clock medians (the three
 * benchmarks run one after the other, so load from other processes moves it a lot) and from thread CPU
 * time with the three measurements interleaved in short chunks ({@link #cpuTimeRatios}), the figure to
 * quote on a shared machine.
 *
 * <p>Measured 23 Nov 2026 on the shared 2-core machine (load average 3 to 8), two runs each of the code
 * before and after the single-walk extraction, same harness, alternating; CPU-time ratio profile / generic:
 * before 3.59 / 4.06 and 3.62 / 4.05 (159 to 163 us per article with profiles, parse 44 to 45 us); after 1.93 / 3.26
 * and 1.73 / 2.69 (83 to 108 us per article with profiles, parse 43 to 63 us). See
 * {@code ingest-service/BENCHMARK.md}.
 *
 * <p>Second pass, 23 Nov 2026, load average 4 to 6, {@code main("cpu")}, three runs each, alternating:
 * before it (first pass merged) 2.09, 1.99, 2.00 (median 2.00), after it 1.97, 1.94, 1.93 (median 1.94),
 * parse 37 to 40 us per article in all six; target 1.5 not met. The same build gave 1.73 to 1.93 in the
 * first pass's runs, when the parse took 43 to 63 us: compare only builds measured side by side.
 *
 * <p>Third pass, 23 Nov 2026, {@code main("cpu")} with {@code -Xmx512m -XX:ActiveProcessorCount=1}, two
 * sets of three runs each, alternating (load average 2.6 to 3.1, then 4.2 falling to 1.3): before it
 * (dfc09e2) 1.87, 1.89, 1.86, 1.89, 1.85, 1.87 (median 1.87; 67.6 to 72.2 us per article with profiles),
 * after it (064e136, then 7ddd0ce) 1.52, 1.53, 1.52, 1.57, 1.49, 1.51 (median 1.52; 54.0 to 57.3 us),
 * parse 36 to 38 us per article in all twelve: the work on top of the parse went from about 33 to about
 * 19 us per article (0.60 of before in a same-JVM A/B). Target 1.5 still not met.
 *
 * <p>Fourth pass, 7 Dec 2026, on a slower machine (parse 83 to 150 us per article, at one of two
 * speeds per JVM), five JVMs each, alternating: before it 1.54 to 1.81 (median 1.62), after it 1.65
 * to 1.75 (median 1.71, every "after" JVM parsing fast); the work on top of the parse 80 to 69 us per
 * article (medians). Target 1.5 not met on that machine. Compare the microseconds on top of the parse
 * as well as the ratio: a JVM with the slow parse reads a lower ratio. Same-JVM A/Bs with two class
 * loaders proved unreliable there (the same build against itself read 1.6x slower in the second loader).
 *
 * <p>Fifth pass, 7 Dec 2026, the same machine (the parse at about three speeds per JVM: 77 to 89, 93
 * to 112 or 120 to 144 us per article): before it 13 runs, median 1.66 (1.66 to 1.75 in fast-parse
 * JVMs), after it 14 runs, median 1.57 (1.57 to 1.66 fast, 1.53 to 1.64 medium, 1.42 to 1.48 slow);
 * the work on top of the parse in fast-parse JVMs 53 to 64 us before, 47 to 51 after. Target 1.5 met
 * only in slow-parse JVMs. {@link ExtractionDump} shows the results unchanged.
 *
 * <p>Sixth measurement, 7 Dec 2026, a third machine (parse 44 to 102 us per article), the profile path
 * unchanged: 42 JVMs of builds sharing it, median 1.42 (1.38 to 1.46 in the 26 whose parse is fast,
 * 17 to 22 us on top of it; 1.51 to 1.61 in 5 of the 15 whose parse is 56 to 80 us); the fourth pass's
 * last build alongside 1.33 to 1.59 (median 1.50). Target 1.5 met by the median; the same code read 1.57
 * on the fifth pass's machine. Generic extraction, after an exact-result pass: 2.63 to 2.86 where the
 * parse is fast, against 3.04 to 3.20 before.
 *
 * <p>Not part of any test run. Run it with (add {@code cpu} after the class name for the CPU-time ratios alone):
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
    /** Invocations of one measurement in a row in {@link #cpuTimeRatios}. */
    static final int CHUNK = 20;
    /** Measured rounds of {@link #cpuTimeRatios}. */
    static final int ROUNDS = 3;

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
    public void extractWithProfile(Blackhole bh) throws ExtractionException, TransientPageException {
        for (int i = 0; i < fixtures.size(); i++) {
            Fixtures f = fixtures.get(i);
            bh.consume(extractor.extract(f.html(), f.url(), profiles.get(i), f.loader()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ARTICLES)
    public void extractGenericOnly(Blackhole bh) throws ExtractionException, TransientPageException {
        for (Fixtures f : fixtures) {
            bh.consume(extractor.extract(f.html(), f.url(), null, f.loader()));
        }
    }

    /**
     * Runs the benchmark (1 fork, 3 warm-up iterations of 5 s, 5 measured of 2 s) and prints pages/s and
     * ratios; with the argument {@code cpu}, only the interleaved CPU-time ratios (in this JVM, so a
     * profiler attached to it sees the extraction).
     */
    public static void main(String[] args) throws RunnerException {
        if (args.length > 0 && args[0].equals("cpu")) {
            System.out.print(cpuTimeRatios());
            return;
        }
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
     * load makes JMH's wall-clock throughput swing widely. The three alternate in chunks of {@value
     * #CHUNK} invocations (about 10 ms each), so parsing and extraction see the same load; after a 10 s
     * warm-up, {@value #ROUNDS} rounds of about 10 s of CPU each, and the median of the rounds' ratios.
     */
    static String cpuTimeRatios() {
        ExtractionBenchmark bench = new ExtractionBenchmark();
        bench.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Runnable> tasks = List.of(() -> bench.parseOnly(bh), () -> uncheck(() -> bench.extractWithProfile(bh)),
                () -> uncheck(() -> bench.extractGenericOnly(bh)));
        List<double[]> rounds = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            long[] cpu = new long[tasks.size()];
            long runs = 0;
            long start = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - start < TimeUnit.SECONDS.toNanos(10)) {
                for (int t = 0; t < tasks.size(); t++) {
                    long chunkStart = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < CHUNK; i++) {
                        tasks.get(t).run();
                    }
                    cpu[t] += mx.getCurrentThreadCpuTime() - chunkStart;
                }
                runs += CHUNK;
            }
            if (round > 0) { // round 0 is the warm-up
                double[] micros = new double[tasks.size()];
                for (int t = 0; t < tasks.size(); t++) {
                    micros[t] = cpu[t] / 1000.0 / runs / ARTICLES;
                }
                rounds.add(micros);
            }
        }
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
        double[] profileRatios = rounds.stream().mapToDouble(r -> r[1] / r[0]).sorted().toArray();
        double[] genericRatios = rounds.stream().mapToDouble(r -> r[2] / r[0]).sorted().toArray();
        double[] parse = rounds.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] profile = rounds.stream().mapToDouble(r -> r[1]).sorted().toArray();
        double[] generic = rounds.stream().mapToDouble(r -> r[2]).sorted().toArray();
        int m = rounds.size() / 2;
        return String.format(Locale.ROOT, "Thread CPU time per article (median of %d interleaved rounds): parse %.1f us, profile extraction %.1f us "
                        + "(ratio %.2f), generic extraction %.1f us (ratio %.2f)%n", rounds.size(), parse[m], profile[m], profileRatios[m],
                generic[m], genericRatios[m]);
    }

    private interface Measured {
        void run() throws ExtractionException, TransientPageException;
    }

    private static void uncheck(Measured measured) {
        try {
            measured.run();
        } catch (ExtractionException | TransientPageException e) {
            throw new IllegalStateException(e);
        }
    }
}
