package id.pantau.ingest.extract.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchExtractionTest {

    @TempDir
    Path folder;

    @Test
    void shouldWriteOnePredictionPerPageWhenTheFolderHoldsHtmlAndGzippedHtml() throws IOException {
        Files.writeString(folder.resolve("kalbar.html"), resource("regional-article-id.html"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("kaltara.html.gz")))) {
            out.write(resource("english-article.html").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(folder.resolve("notes.txt"), "not a page");

        JsonNode json = new ObjectMapper().readTree(BatchExtraction.run(folder));

        assertThat(json.fieldNames()).toIterable().containsExactly("kalbar", "kaltara");
        JsonNode kalbar = json.get("kalbar");
        assertThat(kalbar.get("articleBody").asText()).startsWith("PONTIANAK - Penjabat Gubernur Kalimantan Barat")
                .endsWith("bersama penyelenggara pemilu di daerah.")
                .doesNotContain("Baca juga", "ADVERTISEMENT", "Berita Terkait");
        assertThat(kalbar.get("title").asText()).isEqualTo("Harisson Minta ASN Kalbar Jaga Netralitas Jelang Pilkada 2024");
        assertThat(kalbar.get("date").asText()).isEqualTo("2024-08-26T10:15:00+07:00");
        assertThat(kalbar.get("authors")).extracting(JsonNode::asText).containsExactly("Redaksi Contoh Warta");
        JsonNode kaltara = json.get("kaltara");
        assertThat(kaltara.get("articleBody").asText()).startsWith("Officials in North Kalimantan");
        assertThat(kaltara.get("title").asText()).isEqualTo("Village heads in North Kalimantan told to stay neutral");
        assertThat(kaltara.get("date").asText()).isEqualTo("2024-10-17T15:01:00+08:00");
        assertThat(kaltara.get("authors")).extracting(JsonNode::asText).containsExactly("Rina Hartono", "Budi Santoso");
    }

    @Test
    void shouldWriteNullMetadataAndAnEmptyBodyWhenThePageHasNothing() throws IOException {
        Files.writeString(folder.resolve("empty.html"), "<html><body><nav><a href=/>Home</a></nav></body></html>");

        JsonNode empty = new ObjectMapper().readTree(BatchExtraction.run(folder)).get("empty");

        assertThat(empty.get("articleBody").asText()).isEmpty();
        assertThat(empty.get("title").isNull()).isTrue();
        assertThat(empty.get("date").isNull()).isTrue();
        assertThat(empty.get("authors")).isEmpty();
    }

    @Test
    void shouldNameTheFileWhenAGzippedPageIsCorrupt() throws IOException {
        Path corrupt = folder.resolve("rusak.html.gz");
        Files.writeString(corrupt, "not gzip at all");

        assertThatThrownBy(() -> BatchExtraction.run(folder))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read page " + corrupt + ": ");
    }

    @Test
    void shouldReturnAnEmptyObjectWhenTheFolderHasNoPages() throws IOException {
        assertThat(BatchExtraction.run(folder)).isEqualTo("{ }");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BatchExtractionTest.class.getResourceAsStream("/generic/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
