package id.pantau.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Writes one line per extraction of a fixed set of pages, so that a change meant to make extraction
 * faster can be shown to change nothing: the dumps of the builds before and after must be
 * byte-identical. The set: every outlet fixture article with no profile and with each outlet's
 * profile, with and without its further pages; every hostile fixture with each; and each page of the
 * extraction benchmark with each (786 extractions). Not part of any test run. Run it from the
 * repository root with:
 *
 * <pre>
 * mvn -B -o -q -pl ingest-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp ingest-service/target/test-classes:ingest-service/target/classes:$(cat ingest-service/target/cp.txt) \
 *     id.pantau.ingest.extract.ExtractionDump /tmp/dump.txt [benchmark folder, default ../shared/data/article-extraction-benchmark]
 * </pre>
 */
public final class ExtractionDump {

    private ExtractionDump() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ExtractionDump OUTPUT_FILE [BENCHMARK_FOLDER]");
            System.exit(2);
        }
        Path benchmark = Path.of(args.length > 1 ? args[1] : "../shared/data/article-extraction-benchmark").resolve("html");
        ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(Instant.parse("2024-11-20T00:00:00Z"), ZoneOffset.UTC));
        List<ExtractionProfile> profiles = new ArrayList<>();
        profiles.add(null);
        Fixtures.OUTLETS.forEach(outlet -> profiles.add(Fixtures.profile(outlet)));
        int extractions = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            for (Fixtures fixture : Fixtures.all()) {
                for (int p = 0; p < profiles.size(); p++) {
                    out.println("fixture " + fixture.name() + " profile " + p + " " + extract(extractor, fixture.html(), fixture.url(), profiles.get(p), fixture.loader()));
                    out.println("fixture-page-1 " + fixture.name() + " profile " + p + " "
                            + extract(extractor, fixture.html(), fixture.url(), profiles.get(p), PageLoader.NONE));
                    extractions += 2;
                }
            }
            for (Path page : files(Fixtures.root().resolve("hostile"))) {
                // decoded leniently: one of them is windows-1252 bytes labelled UTF-8
                String html = new String(Files.readAllBytes(page), StandardCharsets.UTF_8);
                for (int p = 0; p < profiles.size(); p++) {
                    out.println("hostile " + page.getFileName() + " profile " + p + " " + extract(extractor, html, "https://example.id/a/1", profiles.get(p), PageLoader.NONE));
                    extractions++;
                }
            }
            for (Path page : files(benchmark)) {
                String html;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                    html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (int p = 0; p < profiles.size(); p++) {
                    out.println("benchmark " + page.getFileName() + " profile " + p + " "
                            + extract(extractor, html, "https://example.com/news/" + page.getFileName(), profiles.get(p), PageLoader.NONE));
                    extractions++;
                }
            }
        }
        System.out.println("extractions " + extractions + " written to " + args[0]);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static String extract(ArticleExtractor extractor, String html, String url, ExtractionProfile profile, PageLoader pages) {
        try {
            return String.valueOf(extractor.extract(html, url, profile, pages));
        } catch (ExtractionException | TransientPageException e) {
            return "failed " + e;
        }
    }
}
