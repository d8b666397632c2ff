package id.pantau.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import id.pantau.ingest.discovery.ArticleIds;
import id.pantau.ingest.extract.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRIBUN = "https://pontianak.tribunnews.com/2024/11/18/pj-bupati-mempawah-ismail-ajak-asn-dan-kades-jaga-netralitas";
    private static final Instant NOW = Instant.parse("2024-11-19T01:02:03Z");

    private record Run(int exit, String out) {}

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ExtractCli.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Path tribunPage() {
        return Fixtures.root().resolve("tribun-pontianak/pj-bupati-mempawah-netralitas-asn-kades.html");
    }

    @Test
    void shouldPrintRawArticleJsonOfFileWithShippedProfileAndSiblingPages() throws IOException {
        Run run = run("extract", tribunPage().toString(), "--outlet", "tribun-pontianak", "--url", TRIBUN);

        assertThat(run.exit()).isEqualTo(ExtractCli.OK);
        JsonNode article = JSON.readTree(run.out());
        assertThat(article.fieldNames()).toIterable().containsExactly("articleId", "version", "outletId", "url", "canonicalUrl",
                "fetchedAt", "publishedAt", "modifiedAt", "title", "lead", "dateline", "datelinePlace", "authors", "editor", "section",
                "tags", "bodyParagraphs", "leadImageUrl", "language", "contentHash", "extractionMethod", "pageCount");
        assertThat(article.get("articleId").asText()).isEqualTo(ArticleIds.of(TRIBUN)).isEqualTo("9e6f20435fbef85047da0a64ff61d67b");
        assertThat(article.get("version").asInt()).isEqualTo(1);
        assertThat(article.get("outletId").asText()).isEqualTo("tribun-pontianak");
        assertThat(article.get("url").asText()).isEqualTo(TRIBUN);
        assertThat(article.get("canonicalUrl").asText()).isEqualTo(TRIBUN);
        assertThat(article.get("fetchedAt").asText()).isEqualTo("2024-11-19T01:02:03Z");
        assertThat(article.get("contentHash").asText()).isEqualTo("2211f03bcba4c2e8457c75bb11b0fc7018c18bfc9c6367d2e79569de6d0ade11");
        assertThat(article.get("title").asText()).isEqualTo("Pj Bupati Mempawah Ismail Ajak ASN dan Kades Jaga Netralitas Jelang Pilkada Serentak 2024");
        assertThat(article.get("publishedAt").asText()).isEqualTo("2024-11-18T12:41:27Z");
        assertThat(article.get("editor").asText()).isEqualTo("Try Juliansyah");
        assertThat(article.get("datelinePlace").asText()).isEqualTo("Mempawah");
        assertThat(article.get("extractionMethod").asText()).isEqualTo("profile");
        assertThat(article.get("pageCount").asInt()).isEqualTo(2);
        assertThat(article.get("bodyParagraphs")).hasSize(9);
    }

    @Test
    void shouldUseProfileFileWhenGiven() throws IOException {
        Run run = run(tribunPage().toString(), "--outlet", "tribun-pontianak", "--url", TRIBUN, "--profile-file",
                Fixtures.root().resolve("profiles.yaml").toString());

        assertThat(run.exit()).isEqualTo(ExtractCli.OK);
        assertThat(JSON.readTree(run.out()).get("authors").get(0).asText()).isEqualTo("Ramadhan");
    }

    // review of issue #3: the usage names an outlets file, but the shipped one (no inline profiles) stopped the command
    @Test
    void shouldTakeTheShippedProfileOfAnOutletListedWithoutOneInTheOutletsFile() throws IOException {
        Path outlets = Path.of("src/main/resources/outlets.yaml");
        Run run = run(tribunPage().toString(), "--outlet", "tribun-pontianak", "--url", TRIBUN, "--profile-file", outlets.toString());

        assertThat(run.exit()).as(run.out()).isEqualTo(ExtractCli.OK);
        JsonNode article = JSON.readTree(run.out());
        assertThat(article.get("extractionMethod").asText()).isEqualTo("profile");
        assertThat(article.get("pageCount").asInt()).isEqualTo(2);
    }

    // the outlets file gives both the profile and the zone of zone-less dates: read once, both must still come from it
    @Test
    void shouldReadZoneLessDatesInTheZoneOfTheOutletAsTheProfileFileListsIt(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("tanpa-zona.html");
        Files.writeString(page, Files.readString(tribunPage()).replace("2024-11-18T19:41:27+07:00", "2024-11-18T19:41:27"));
        Path outlets = dir.resolve("outlets.yaml");
        Files.writeString(outlets, """
                outlets:
                  - id: tribun-pontianak
                    name: Tribun Pontianak
                    home: https://pontianak.tribunnews.com/
                    regions: ["64"]
                    sources:
                      - type: feed
                        url: https://pontianak.tribunnews.com/rss
                """);

        Run shipped = run(page.toString(), "--outlet", "tribun-pontianak", "--url", TRIBUN);
        Run listed = run(page.toString(), "--outlet", "tribun-pontianak", "--url", TRIBUN, "--profile-file", outlets.toString());

        assertThat(JSON.readTree(shipped.out()).get("publishedAt").asText()).as("WIB, the shipped outlet's").isEqualTo("2024-11-18T12:41:27Z");
        assertThat(listed.exit()).as(listed.out()).isEqualTo(ExtractCli.OK);
        assertThat(JSON.readTree(listed.out()).get("publishedAt").asText()).as("WITA, the listed outlet's").isEqualTo("2024-11-18T11:41:27Z");
        assertThat(JSON.readTree(listed.out()).get("extractionMethod").asText()).isEqualTo("profile");
    }

    // review of issue #3: the crawler keys a syndicated copy by its own URL, the CLI took the other site's canonical URL
    @Test
    void shouldKeyAPageWhoseCanonicalUrlIsOnAnotherSiteByItsOwnUrlAsTheCrawlerDoes(@TempDir Path dir) throws IOException {
        Path fixture = Fixtures.root().resolve("kalbaronline/harisson-rakor-bawaslu-pelanggaran-netralitas.html");
        String own = "https://www.kalbaronline.com/2024/11/18/delapan-dugaan-pelanggaran-netralitas-di-pemprov-kalbar/";
        Path syndicated = dir.resolve("salinan.html");
        Files.writeString(syndicated, Files.readString(fixture).replace(own, "https://sindikasi.example/berita/delapan-dugaan/"));

        Run run = run(syndicated.toString(), "--url", own);

        assertThat(run.exit()).as(run.out()).isEqualTo(ExtractCli.OK);
        JsonNode article = JSON.readTree(run.out());
        assertThat(article.get("canonicalUrl").asText()).isEqualTo(new id.pantau.ingest.discovery.UrlNormalizer().normalize(own));
        assertThat(article.get("outletId").asText()).isEqualTo("kalbaronline");
    }

    @Test
    void shouldUseGenericExtractorWithoutOutlet() throws IOException {
        Run run = run(Fixtures.root().resolve("infopublik/harisson-buka-rakor-netralitas-asn-kades.html").toString());

        assertThat(run.exit()).isEqualTo(ExtractCli.OK);
        JsonNode article = JSON.readTree(run.out());
        assertThat(article.get("extractionMethod").asText()).isEqualTo("generic");
        assertThat(article.get("canonicalUrl").asText())
                .isEqualTo("https://infopublik.id/kategori/nusantara/882211/harisson-netralitas-asn-dan-kepala-desa-jadi-pilar-pilkada-yang-adil");
        assertThat(article.get("url").asText()).startsWith("file:/").endsWith("/infopublik/harisson-buka-rakor-netralitas-asn-kades.html");
        assertThat(article.get("outletId").asText()).isEqualTo("infopublik");
        assertThat(article.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void shouldPrintBatchJsonForFolder(@TempDir Path dir) throws IOException {
        Files.copy(tribunPage(), dir.resolve("tribun.html"));
        Files.copy(Fixtures.root().resolve("infopublik/harisson-buka-rakor-netralitas-asn-kades.html"), dir.resolve("infopublik.html"));

        Run run = run(dir.toString());

        assertThat(run.exit()).isEqualTo(ExtractCli.OK);
        JsonNode batch = JSON.readTree(run.out());
        assertThat(batch.fieldNames()).toIterable().containsExactly("infopublik", "tribun");
        assertThat(batch.get("infopublik").get("articleBody").asText()).contains("Hotel Golden Tulip");
    }

    @Test
    void shouldFetchUrlAndItsNextPageFromServer() throws IOException {
        String base = "/2024/11/18/pj-bupati-mempawah-ismail-ajak-asn-dan-kades-jaga-netralitas";
        String page1 = Files.readString(tribunPage()).replace("https://pontianak.tribunnews.com", "");
        String page2 = Files.readString(tribunPage().resolveSibling("pj-bupati-mempawah-netralitas-asn-kades_page2.html"))
                .replace("https://pontianak.tribunnews.com", "");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            byte[] body = ("page=2".equals(query) ? page2 : page1).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals(base) ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + base;

            Run run = run(url, "--outlet", "tribun-pontianak");

            assertThat(run.exit()).isEqualTo(ExtractCli.OK);
            JsonNode article = JSON.readTree(run.out());
            assertThat(article.get("pageCount").asInt()).isEqualTo(2);
            assertThat(article.get("canonicalUrl").asText()).isEqualTo(url);
            assertThat(article.get("outletId").asText()).isEqualTo("tribun-pontianak");
        } finally {
            server.stop(0);
        }
    }

    // the CLI read files and URLs as UTF-8 only, so a windows-1252 page labelled UTF-8 printed "caf\uFFFD" where the crawler reads "café"
    @Test
    void shouldDecodeAWindows1252PageLabelledUtf8AsTheCrawlerDoes() throws IOException {
        Run run = run(hostileCp1252Page().toString(), "--url", "https://tanjungpura.id/ani-sofian-jaga-pilkada-damai/");

        assertThat(run.exit()).isEqualTo(ExtractCli.OK);
        JsonNode article = JSON.readTree(run.out());
        assertThat(article.get("title").asText()).isEqualTo("Ani Sofian: \u201cJaga Pilkada Damai\u201d");
        assertThat(article.get("bodyParagraphs").toString())
                .contains("caf\u00e9 dan warung kopi", "\u201cPerbedaan pilihan adalah hal biasa,\u201d")
                .doesNotContain("\uFFFD");
    }

    @Test
    void shouldDecodeAFetchedPageWithItsContentTypeAsTheCrawlerDoes() throws IOException {
        byte[] page = Files.readAllBytes(hostileCp1252Page());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        try {
            Run run = run("http://127.0.0.1:" + server.getAddress().getPort() + "/ani-sofian-jaga-pilkada-damai/");

            assertThat(run.exit()).isEqualTo(ExtractCli.OK);
            JsonNode article = JSON.readTree(run.out());
            assertThat(article.get("title").asText()).isEqualTo("Ani Sofian: \u201cJaga Pilkada Damai\u201d");
            assertThat(article.get("bodyParagraphs").toString()).contains("caf\u00e9 dan warung kopi").doesNotContain("\uFFFD");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldDecodeASiblingPageInWindows1252(@TempDir Path dir) throws IOException {
        Path page1 = Files.copy(tribunPage(), dir.resolve("tribun.html"));
        String page2 = Files.readString(tribunPage().resolveSibling("pj-bupati-mempawah-netralitas-asn-kades_page2.html"))
                .replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1252\">")
                .replace("menggelar apel kesiapsiagaan",
                        "menggelar apel kesiapsiagaan \u2013 juga di kafe \u201cCaf\u00e9 Kapuas\u201d \u2013");
        Files.write(dir.resolve("tribun_page2.html"), page2.getBytes(Charset.forName("windows-1252")));

        Run run = run(page1.toString(), "--outlet", "tribun-pontianak", "--url", TRIBUN);

        assertThat(run.exit()).as(run.out()).isEqualTo(ExtractCli.OK);
        assertThat(JSON.readTree(run.out()).get("bodyParagraphs").toString())
                .contains("kesiapsiagaan \u2013 juga di kafe \u201cCaf\u00e9 Kapuas\u201d \u2013");
    }

    private static Path hostileCp1252Page() {
        return Fixtures.root().resolve("hostile/windows-1252-labelled-utf8.html");
    }

    @Test
    void shouldPrintCauseWhenPageCannotBeExtracted() throws IOException {
        Run run = run(Fixtures.root().resolve("hostile/no-body.html").toString(), "--url", "https://kalbaronline.com/kosong");

        assertThat(run.exit()).isEqualTo(ExtractCli.NOT_EXTRACTED);
        assertThat(JSON.readValue(run.out(), Map.class)).containsEntry("error", "EMPTY_BODY").containsEntry("url", "https://kalbaronline.com/kosong");
    }

    @Test
    void shouldReportUsageErrors() {
        assertThat(run()).isEqualTo(new Run(ExtractCli.USAGE, "missing <file-or-url>\n" + usage()));
        assertThat(run("a.html", "--outlt", "x")).isEqualTo(new Run(ExtractCli.USAGE,
                "unknown option --outlt: expected one of [--outlet, --url, --profile-file]\n" + usage()));
        assertThat(run("a.html", "--outlet")).isEqualTo(new Run(ExtractCli.USAGE, "--outlet: missing value\n" + usage()));
        assertThat(run(tribunPage().toString(), "--outlet", "tidak-ada")).isEqualTo(new Run(ExtractCli.USAGE,
                "--outlet: no profile for outlet 'tidak-ada' on the classpath\n"));
    }

    @Test
    void shouldReportUnreadableFile(@TempDir Path dir) {
        Run run = run(dir.resolve("hilang.html").toString());

        assertThat(run.exit()).isEqualTo(ExtractCli.IO_ERROR);
        assertThat(run.out()).startsWith("cannot read " + dir.resolve("hilang.html"));
    }

    @Test
    void shouldReportUnreadableProfileFile(@TempDir Path dir) {
        Path missing = dir.resolve("hilang.yaml");

        Run run = run(tribunPage().toString(), "--outlet", "tribun-pontianak", "--profile-file", missing.toString());

        assertThat(run.exit()).isEqualTo(ExtractCli.IO_ERROR);
        // the message names the file that could not be read, not the page
        assertThat(run.out()).startsWith("cannot read profile file " + missing + ": ");
    }

    @Test
    void shouldNameAProfileFileThatIsNotYaml(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("rusak.yaml"), "outlets: [ {id: tribun-pontianak, profile: {title: h1}\n");

        Run run = run(tribunPage().toString(), "--outlet", "tribun-pontianak", "--profile-file", broken.toString());

        assertThat(run.exit()).isEqualTo(ExtractCli.IO_ERROR);
        assertThat(run.out()).startsWith("cannot read profile file " + broken + ": ").doesNotContain(tribunPage().toString());
    }

    private static String usage() {
        return "usage: extract <file-or-url-or-folder> [--outlet ID] [--url URL] [--profile-file outlets.yaml]\n";
    }
}
