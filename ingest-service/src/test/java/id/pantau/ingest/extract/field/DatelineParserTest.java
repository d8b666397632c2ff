package id.pantau.ingest.extract.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            TRIBUNPONTIANAK.CO.ID, MEMPAWAH - Penjabat Bupati hadir.      ; TRIBUNPONTIANAK.CO.ID, MEMPAWAH - ; Mempawah      ; Penjabat Bupati hadir.
            TANJUNG SELOR, Suaraborneo.id – Pjs Gubernur berkunjung.      ; TANJUNG SELOR, Suaraborneo.id –   ; Tanjung Selor ; Pjs Gubernur berkunjung.
            Pontianak, InfoPublik – Pj Gubernur membuka rakor.            ; Pontianak, InfoPublik –           ; Pontianak     ; Pj Gubernur membuka rakor.
            KalbarOnline, Pontianak – Penjabat Gubernur meminta.          ; KalbarOnline, Pontianak –         ; Pontianak     ; Penjabat Gubernur meminta.
            TANJUNGPURA.ID (SINGKAWANG)   – Raker digelar.                ; TANJUNGPURA.ID (SINGKAWANG) –     ; Singkawang    ; Raker digelar.
            KalbarOnline.com – Menjelang Pilkada.                         ; KalbarOnline.com –                ; -             ; Menjelang Pilkada.
            PONTIANAK - Hujan turun.                                      ; PONTIANAK -                       ; Pontianak     ; Hujan turun.
            SUNGAI RAYA (ANTARA) - Warga antre.                           ; SUNGAI RAYA (ANTARA) -            ; Sungai Raya   ; Warga antre.
            """)
    void shouldSplitDatelineFromParagraph(String paragraph, String text, String place, String remainder) {
        Dateline dateline = DatelineParser.parse(paragraph);

        assertThat(dateline).isEqualTo(new Dateline(text, place, remainder));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Pj Bupati Mempawah Ismail - yang hadir di Pontianak - menyampaikan sambutan.",
        "Apel tersebut dipimpin langsung oleh Kapolda Kalbar.",
        "Pontianak - kota di khatulistiwa - ramai.",
        "Alun-Alun Kapuas penuh warga."
    })
    void shouldLeaveParagraphWithoutDatelineAlone(String paragraph) {
        assertThat(DatelineParser.parse(paragraph)).isNull();
    }

    @Test
    void shouldGiveThePlaceAParseOfTheDatelineAloneGives() {
        String[] pieces = {"PONTIANAK", "Pontianak", "TANJUNG SELOR", "Suaraborneo.id", "KalbarOnline", "TRIBUNPONTIANAK.CO.ID", "antara",
            "InfoPublik", ",", ", ", " ", "-", " - ", " – ", "—", "\uFFFD", "(", ")", " (SINGKAWANG) ", "Warga", "berkumpul di", "x".repeat(30),
            "Kota", "'", ".", "\u00e9", "\uD83D\uDE00", "- -", "--"};
        Random random = new Random(3);
        int found = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            // body paragraphs are whitespace-normalised
            String paragraph = s.toString().replaceAll(" +", " ").strip();
            Dateline dateline = DatelineParser.parse(paragraph);
            if (dateline != null) {
                found++;
                Dateline alone = DatelineParser.parse(dateline.text() + " .");
                assertThat(alone).as(paragraph).isNotNull();
                assertThat(alone.place()).as(paragraph).isEqualTo(dateline.place());
            }
        }
        assertThat(found).isGreaterThan(1_000);
    }
}
