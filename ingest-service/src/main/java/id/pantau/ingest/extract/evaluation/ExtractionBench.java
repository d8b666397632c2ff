package id.pantau.ingest.extract.evaluation;

import id.pantau.ingest.extract.generic.BatchExtraction;
import id.pantau.ingest.extract.generic.GenericExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Bench runner: extracts every page of the benchmark folder with the generic extractor, scores the
 * bodies against the ground truth (all pages, development part, held-out part) next to the anchors'
 * figures on the same pages, and measures pages/s (parse included, one thread, after warm-up, median
 * of several passes).
 *
 * <p>Usage: {@code ExtractionBench <benchmark-folder> [--passes N] [--worst N] [--dump DIR]};
 * {@code --worst} lists the worst development pages (never held-out ones), {@code --dump} writes each
 * development page's extracted body to DIR/&lt;id&gt;.txt.
 */
public final class ExtractionBench {

    private static final List<String> PARTS = List.of("all", "dev", "held-out");

    private ExtractionBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ExtractionBench <benchmark-folder> [--passes N] [--worst N] [--dump DIR]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int passes = intOption(args, "--passes", 5);
        int worst = intOption(args, "--worst", 0);
        String dump = option(args, "--dump");
        BenchmarkData data = BenchmarkData.load(folder);
        Map<String, String> pages = loadPages(data.htmlFolder());
        Map<String, String> predicted = extractAll(pages);
        Split split = Split.of(data.expected().keySet());
        report(System.out, data, split, predicted);
        if (worst > 0) {
            printWorst(System.out, data, split, predicted, worst);
        }
        if (dump != null) {
            Path dir = Files.createDirectories(Path.of(dump));
            for (String id : split.dev()) {
                Files.writeString(dir.resolve(id + ".txt"), predicted.getOrDefault(id, ""));
            }
        }
        if (passes > 0) {
            Speed extraction = speed(pages, passes, true);
            Speed parse = speed(pages, passes, false);
            System.out.printf(Locale.ROOT, "speed (one thread, median of %d passes over %d pages after warm-up):%n", passes, pages.size());
            System.out.printf(Locale.ROOT, "  parse + extraction: %.0f pages/s on CPU time, %.0f pages/s wall-clock%n",
                    extraction.cpuPagesPerSecond(), extraction.wallPagesPerSecond());
            System.out.printf(Locale.ROOT, "  jsoup parse alone:  %.0f pages/s on CPU time, %.0f pages/s wall-clock%n",
                    parse.cpuPagesPerSecond(), parse.wallPagesPerSecond());
        }
    }

    /** Reads the pages of {@code htmlFolder} into id to HTML. */
    public static Map<String, String> loadPages(Path htmlFolder) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        for (Path file : BatchExtraction.pages(htmlFolder)) {
            pages.put(BatchExtraction.pageId(file), BatchExtraction.readPage(file));
        }
        return pages;
    }

    /** Parses and extracts every page; id to body text. */
    public static Map<String, String> extractAll(Map<String, String> pages) {
        GenericExtractor extractor = new GenericExtractor();
        Map<String, String> bodies = new LinkedHashMap<>();
        pages.forEach((id, html) -> bodies.put(id, extractor.extract(Jsoup.parse(html)).text()));
        return bodies;
    }

    /** Prints pantau's and the anchors' scores on all pages, the development and the held-out part. */
    public static void report(PrintStream out, BenchmarkData data, Split split, Map<String, String> predicted) {
        out.printf(Locale.ROOT, "%-16s", "extractor");
        for (String part : PARTS) {
            out.printf(Locale.ROOT, " | %-24s", part + " (" + split.part(part).size() + ")");
        }
        out.println();
        out.printf(Locale.ROOT, "%-16s", "");
        for (int i = 0; i < PARTS.size(); i++) {
            out.printf(Locale.ROOT, " | %-24s", "F1     P      R");
        }
        out.println();
        printRow(out, "pantau-generic", data, split, predicted);
        data.anchors().entrySet().stream()
                .sorted(Comparator.comparing(e -> -data.score(e.getValue(), split.part("all")).f1()))
                .forEach(e -> printRow(out, e.getKey(), data, split, e.getValue()));
    }

    private static void printRow(PrintStream out, String name, BenchmarkData data, Split split, Map<String, String> predicted) {
        out.printf(Locale.ROOT, "%-16s", name);
        for (String part : PARTS) {
            Score score = data.score(predicted, split.part(part));
            out.printf(Locale.ROOT, " | %.3f  %.3f  %.3f   ", score.f1(), score.precision(), score.recall());
        }
        out.println();
    }

    private static void printWorst(PrintStream out, BenchmarkData data, Split split, Map<String, String> predicted, int count) {
        record Row(String id, double precision, double recall) {}
        List<Row> rows = new ArrayList<>();
        for (String id : split.dev()) {
            PageCounts counts = PageCounts.of(data.expected().get(id), predicted.getOrDefault(id, ""));
            double p = Score.pageValue(counts, true);
            double r = Score.pageValue(counts, false);
            rows.add(new Row(id, Double.isNaN(p) ? 0 : p, Double.isNaN(r) ? 0 : r));
        }
        rows.sort(Comparator.comparingDouble(row -> Math.min(row.precision(), row.recall())));
        out.println("worst development pages:");
        rows.stream().limit(count).forEach(row -> out.printf(Locale.ROOT, "  %s  P %.3f  R %.3f%n", row.id(), row.precision(), row.recall()));
    }

    /**
     * Median pages/s of parse + extraction over {@code passes} timed passes after two warm-up passes,
     * on the thread's CPU time (one core; other processes on a shared machine do not count).
     */
    public static double pagesPerSecond(Map<String, String> pages, int passes) {
        return speed(pages, passes, true).cpuPagesPerSecond();
    }

    /** Pages/s on CPU time and on wall-clock time. */
    record Speed(double cpuPagesPerSecond, double wallPagesPerSecond) {}

    static Speed speed(Map<String, String> pages, int passes, boolean extract) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        GenericExtractor extractor = new GenericExtractor();
        List<String> htmls = List.copyOf(pages.values());
        long sink = 0;
        for (int i = 0; i < 2; i++) {
            for (String html : htmls) {
                sink += extract ? extractor.extract(Jsoup.parse(html)).paragraphs().size() : Jsoup.parse(html).childNodeSize();
            }
        }
        double[] cpuRates = new double[passes];
        double[] wallRates = new double[passes];
        for (int pass = 0; pass < passes; pass++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            for (String html : htmls) {
                sink += extract ? extractor.extract(Jsoup.parse(html)).paragraphs().size() : Jsoup.parse(html).childNodeSize();
            }
            wallRates[pass] = htmls.size() / ((System.nanoTime() - wallStart) / 1e9);
            cpuRates[pass] = htmls.size() / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        Arrays.sort(cpuRates);
        Arrays.sort(wallRates);
        return new Speed(cpuRates[passes / 2], wallRates[passes / 2]);
    }

    private static int intOption(String[] args, String name, int fallback) {
        String value = option(args, name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static @Nullable String option(String[] args, String name) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
