package id.pantau.ingest.extract.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IndonesianDateParserTest {

    private static final Instant NOW = Instant.parse("2024-11-20T10:00:00Z");
    private final IndonesianDateParser parser = new IndonesianDateParser(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', textBlock = """
            Senin (26/8/2024)                                     ; 2024-08-25T17:00:00Z
            Selasa, 19 November 2024 | 13:39 WIB                  ; 2024-11-19T06:39:00Z
            Kamis, 17 Oktober 2024 - 15:01 WIB                    ; 2024-10-17T08:01:00Z
            Senin 18 November 2024                                ; 2024-11-17T17:00:00Z
            Senin, 18 November 2024 19:41 WIB                     ; 2024-11-18T12:41:00Z
            18/11/2024 14:05                                      ; 2024-11-18T07:05:00Z
            18-11-2024 14.05 WITA                                 ; 2024-11-18T06:05:00Z
            Rabu, 2 Oktober 2024 10:25 WITA                       ; 2024-10-02T02:25:00Z
            Kamis, 21 November 2024 08:00 WIT                     ; 2024-11-20T23:00:00Z
            Kamis, 3 Jul 2025 - 09:56 WIB                         ; 2025-07-03T02:56:00Z
            Jumat, 1 Agt 2024                                     ; 2024-07-31T17:00:00Z
            12 Desember 2024 pukul 20.30 WIB                      ; 2024-12-12T13:30:00Z
            Oleh MC PROV KALIMANTAN BARAT, Selasa, 19 November 2024 | 13:39 WIB - Redaktur: Tri Antoro - 113 ; 2024-11-19T06:39:00Z
            2024-11-18T19:41:27+07:00                             ; 2024-11-18T12:41:27Z
            2024-11-18T12:41:27Z                                  ; 2024-11-18T12:41:27Z
            2024-11-18T19:41:27.123+0700                          ; 2024-11-18T12:41:27Z
            2024-11-18 19:41:27                                   ; 2024-11-18T12:41:27Z
            2024-11-18                                            ; 2024-11-17T17:00:00Z
            November 18, 2024 2:05 PM                             ; 2024-11-18T07:05:00Z
            Nov 18, 2024 12:30 am GMT+8                           ; 2024-11-17T16:30:00Z
            18 November 2024 14:05 UTC                            ; 2024-11-18T14:05:00Z
            4 hours ago                                           ; 2024-11-20T06:00:00Z
            an hour ago                                           ; 2024-11-20T09:00:00Z
            2 jam yang lalu                                       ; 2024-11-20T08:00:00Z
            5 menit lalu                                          ; 2024-11-20T09:55:00Z
            3 hari yang lalu                                      ; 2024-11-17T10:00:00Z
            1 minggu lalu                                         ; 2024-11-13T10:00:00Z
            baru saja                                             ; 2024-11-20T10:00:00Z
            """)
    void shouldParseOutletDateForms(String text, String expected) {
        assertThat(parser.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Pilkada serentak", "Redaktur: Tri Antoro", "31/02/2024", "hari ini cerah", "data hari lalu lintas",
        "99999999999999999999 jam yang lalu", "999999999999 tahun lalu"})
    void shouldReturnNullWhenTextHoldsNoDate(String text) {
        assertThat(parser.parse(text)).isNull();
    }

    @Test
    void shouldReadZonelessDatesInGivenDefaultZone() {
        IndonesianDateParser wita = new IndonesianDateParser(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.ofHours(8));

        assertThat(wita.parse("Rabu, 2 Oktober 2024 10:25")).isEqualTo(Instant.parse("2024-10-02T02:25:00Z"));
    }
}
