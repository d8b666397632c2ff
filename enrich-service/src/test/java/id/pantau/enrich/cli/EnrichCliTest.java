package id.pantau.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return EnrichCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintTopicsAndQuotesOfStdinAsJson() throws Exception {
        String text = "Warga diminta menolak politik uang menjelang pencoblosan.\n\n"
                + "\u201CKalau ada yang membagikan amplop, segera laporkan ke pengawas,\u201D kata Siti Aminah, warga Sungai Raya.\n";

        int status = run(text, "enrich", "-", "--outlet", "tribun-pontianak");

        assertThat(status).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("regions", "officials", "officialMentions", "organisations", "topics", "quotes");
        assertThat(json.get("topics")).hasSize(1);
        assertThat(json.get("topics").get(0).get("topic").asText()).isEqualTo("money.politics");
        assertThat(json.get("quotes").get(0).get("text").asText()).isEqualTo("Kalau ada yang membagikan amplop, segera laporkan ke pengawas");
        assertThat(json.get("quotes").get(0).get("speaker").asText()).isEqualTo("Siti Aminah");
    }

    @Test
    void shouldReadFileArgument() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "Hoaks tentang kotak suara beredar di grup percakapan warga.");

        int status = run("", file.toString());

        assertThat(status).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("topics")).extracting(t -> t.get("topic").asText()).containsExactly("election.logistics", "hoax.black-campaign");
    }

    @Test
    void shouldExplainUsageOnMissingFile() {
        int status = run("", "--outlet", "x");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("missing text file; " + EnrichCli.USAGE + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldRefuseADateThatIsNotIsoFormat() {
        int status = run("Teks.", "-", "--date", "18/11/2024");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("--date: expected yyyy-mm-dd, got '18/11/2024'; " + EnrichCli.USAGE + System.lineSeparator());
    }

    @Test
    void shouldTakeTheArticleDate() {
        EnrichCli.Args args = EnrichCli.Args.parse(new String[] {"enrich", "-", "--date", "2024-11-18"});

        assertThat(args.date()).isEqualTo(LocalDate.of(2024, 11, 18));
    }
}
