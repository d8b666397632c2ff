package id.pantau.ingest.extract.generic;

import id.pantau.ingest.extract.evaluation.ExtractionBench;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
 * Speed of the generic extractor on the 111 pages of the article-extraction benchmark, one thread:
 * parse + extraction, and jsoup parsing alone. Scores are pages per second. Not part of any test run;
 * the benchmark folder is the system property {@code benchmark.dir} (default {@code
 * ../shared/data/article-extraction-benchmark}, from the repository root). Run it with:
 *
 * <pre>
 * mvn -B -o -q -pl ingest-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp ingest-service/target/test-classes:ingest-service/target/classes:$(cat ingest-service/target/cp.txt) \
 *     id.pantau.ingest.extract.generic.GenericExtractorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class GenericExtractorBenchmark {

    /** Pages per invocation; {@link #setUp} fails when the benchmark folder holds another number. */
    static final int PAGES = 111;

    private final GenericExtractor extractor = new GenericExtractor();
    private List<String> pages = List.of();

    @Setup
    public void setUp() {
        Path folder = Path.of(System.getProperty("benchmark.dir", "../shared/data/article-extraction-benchmark"));
        try {
            pages = List.copyOf(ExtractionBench.loadPages(folder.resolve("html")).values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark pages in " + folder.toAbsolutePath(), e);
        }
        if (pages.size() != PAGES) {
            throw new IllegalStateException("PAGES is " + PAGES + " but " + folder + " holds " + pages.size() + " pages");
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void parseOnly(Blackhole bh) {
        for (String html : pages) {
            bh.consume(Jsoup.parse(html));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void parseAndExtract(Blackhole bh) {
        for (String html : pages) {
            bh.consume(extractor.extract(Jsoup.parse(html)));
        }
    }

    /** Runs both benchmarks and prints pages/s and the ratio of full time to parse time. */
    public static void main(String[] args) throws RunnerException {
        var results = new Runner(new OptionsBuilder()
                .include(GenericExtractorBenchmark.class.getName())
                .jvmArgsAppend("-Dbenchmark.dir=" + System.getProperty("benchmark.dir", "../shared/data/article-extraction-benchmark"))
                .build()).run();
        double parse = 0;
        double full = 0;
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            if (result.getParams().getBenchmark().endsWith("parseOnly")) {
                parse = score;
            } else {
                full = score;
            }
        }
        System.out.printf(Locale.ROOT, "parse + extraction %.0f pages/s, parse alone %.0f pages/s, time ratio %.2f%n",
                full, parse, parse / full);
    }
}
