package id.pantau.ingest.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import id.pantau.ingest.extract.generic.BatchExtraction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the bench runner's extraction and scoring on a handful of real benchmark pages from the shared
 * data folder ({@code ../../shared} from the module directory; CI checks {@code shared/} out beside
 * the repository).
 */
class ExtractionBenchTest {

    static final Path BENCHMARK = Path.of("../../shared/data/article-extraction-benchmark");

    /** Four pages: the first ids in file-name order. */
    private static final List<String> IDS = List.of(
            "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856",
            "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34",
            "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f",
            "06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85");

    private static BenchmarkData data;
    private static Map<String, String> predicted;

    @BeforeAll
    static void extractHandful() throws IOException {
        assertThat(BENCHMARK.resolve("ground-truth.json"))
                .as("benchmark data beside the repository (shared/data/article-extraction-benchmark)")
                .isRegularFile();
        data = BenchmarkData.load(BENCHMARK);
        Map<String, String> pages = new LinkedHashMap<>();
        for (String id : IDS) {
            pages.put(id, readPage(id));
        }
        predicted = ExtractionBench.extractAll(pages);
    }

    @Test
    void shouldScoreTheHandfulAboveTheMeasuredFloor() {
        Score score = data.score(predicted, IDS);

        assertThat(score.pages()).isEqualTo(4);
        // measured: F1 0.986, P 0.973, R 1.000; floors are those minus a margin of about 0.05
        assertThat(score.f1()).isGreaterThan(0.94).isLessThanOrEqualTo(1.0);
        assertThat(score.precision()).isGreaterThan(0.92).isLessThanOrEqualTo(1.0);
        assertThat(score.recall()).isGreaterThan(0.95).isLessThanOrEqualTo(1.0);
    }

    @Test
    void shouldScoreTheAnchorsOnTheSamePages() {
        assertThat(data.anchors()).containsKeys("trafilatura", "readability_js", "rs_trafilatura");

        Score trafilatura = data.score(data.anchors().get("trafilatura"), IDS);

        assertThat(trafilatura.f1()).isGreaterThan(0).isLessThanOrEqualTo(1.0);
    }

    @Test
    void shouldReportOurRowAndTheAnchorsForAllDevAndHeldOutPages() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ExtractionBench.report(new PrintStream(out, true, StandardCharsets.UTF_8), data, Split.of(IDS, 1), predicted);

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("all (4)", "dev (3)", "held-out (1)");
        assertThat(report.lines().filter(line -> line.startsWith("pantau-generic"))).hasSize(1);
        assertThat(report.lines().filter(line -> line.startsWith("trafilatura "))).hasSize(1);
    }

    @Test
    void shouldMeasureAPositiveSpeed() throws IOException {
        double pagesPerSecond = ExtractionBench.pagesPerSecond(Map.of(IDS.get(0), readPage(IDS.get(0))), 1);

        assertThat(pagesPerSecond).isPositive();
    }

    private static String readPage(String id) throws IOException {
        Path file = BENCHMARK.resolve("html").resolve(id + ".html.gz");
        assertThat(file).isRegularFile();
        return BatchExtraction.readPage(file);
    }
}
