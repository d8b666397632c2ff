package id.pantau.ingest.extract.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BylineParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            Penulis: Ramadhan | Editor: Try Juliansyah                                                   ; Ramadhan                 ; Try Juliansyah
            Editor: yati                                                                                 ; -                        ; yati
            ': Oleh MC PROV KALIMANTAN BARAT, Selasa, 19 November 2024 | 13:39 WIB - Redaktur: Tri Antoro - 113' ; MC PROV KALIMANTAN BARAT ; Tri Antoro
            Reporter: Ani Lestari dan Budi Santoso | Editor: Dian                                        ; Ani Lestari,Budi Santoso ; Dian
            Published by Jauhari Fatria                                                                  ; Jauhari Fatria           ; -
            Penulis : Ramadhan, Editor : Try Juliansyah                                                  ; Ramadhan                 ; Try Juliansyah
            Laporan Wartawan Tribunpontianak.co.id, Ramadhan                                             ; Ramadhan                 ; -
            By Jane Doe                                                                                  ; Jane Doe                 ; -
            Penyunting: Tri Antoro                                                                       ; -                        ; Tri Antoro
            """)
    void shouldReadAuthorsAndEditor(String text, String authors, String editor) {
        Byline byline = BylineParser.parse(text);

        assertThat(byline.authors()).containsExactlyElementsOf(authors == null ? List.of() : List.of(authors.split(",")));
        assertThat(byline.editor()).isEqualTo(editor);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Jauhari Fatria", "Senin, 18 November 2024"})
    void shouldReturnEmptyBylineWithoutLabel(String text) {
        assertThat(BylineParser.parse(text)).isEqualTo(Byline.EMPTY);
    }

    /** Text with a character outside ASCII is read with the label pattern; labels and names are told apart the same way. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            Penulis: D\u00e9d\u00e9 Rosada | Editor: \u00d1oman                           ; D\u00e9d\u00e9 Rosada             ; \u00d1oman
            Reporter: Ani dan B\u00fcdi \u2013 Redaktur: Tri                              ; Ani,B\u00fcdi                     ; Tri
            Oleh\u00a0Sari, Senin | Penyunting: \u00c9va | Editor: Budi                   ; Sari                              ; \u00c9va
            Penulis: \u2014 | Editor: D\u00e9d\u00e9                                        ; -                                 ; D\u00e9d\u00e9
            Penulis: Tribunpontianak.co.id, R\u00e4madhan                                   ; R\u00e4madhan                     ; -
            """)
    void shouldReadAuthorsAndEditorOutsideAscii(String text, String authors, String editor) {
        Byline byline = BylineParser.parse(text);

        assertThat(byline.authors()).containsExactlyElementsOf(authors == null ? List.of() : List.of(authors.split(",")));
        assertThat(byline.editor()).isEqualTo(editor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Penulis: |", "Editor: - ", "Oleh: (", "Penulis: \u2014"})
    void shouldReturnEmptyBylineWhenLabelsNameNobody(String text) {
        assertThat(BylineParser.parse(text)).isEqualTo(Byline.EMPTY);
    }
}
