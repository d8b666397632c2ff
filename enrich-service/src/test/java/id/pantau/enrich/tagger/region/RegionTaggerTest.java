package id.pantau.enrich.tagger.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.schemas.avro.RegionTag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionTaggerTest {

    private static final RegionTagger TAGGER = new RegionTagger(RegionGazetteer.loadDefault());

    /** Tags as "code/evidence/mentions" in code order. */
    static String render(List<RegionTag> tags) {
        return String.join(" ", tags.stream().map(t -> t.getCode() + "/" + t.getEvidence() + "/" + t.getMentionCount()).toList());
    }

    private static String tag(String body) {
        return tag(body, null, null);
    }

    private static String tag(String body, @Nullable String dateline, @Nullable String outletProvince) {
        return render(TAGGER.tag(new ArticleText("", body, dateline, "test", outletProvince)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Penjabat Gubernur Kalimantan Barat membuka rapat di Kota Pontianak.            | 61/institution/1 61.71/explicit-prefix/1
            Ratusan personel berbaris di Alun-Alun Kapuas, Pontianak, Senin pagi.          | 61/rollup/0 61.71/alias/1
            Operasi Mantap Praja Kapuas 2024 dibuka oleh Polda Kalbar.                     | 61/institution/1
            Bupati Kapuas meninjau tanggul yang jebol di Kabupaten Kapuas.                 | 62/rollup/0 62.03/explicit-prefix/2
            Wali Kota Bogor bertemu Bupati Bogor membahas banjir.                          | 32/rollup/0 32.01/institution/1 32.71/institution/1
            Pemkot Bogor menyiapkan posko. Relawan di Bogor ikut membantu.                 | 32/rollup/0 32.71/institution/2
            Kabupaten Bogor menggelar apel. Aparatur di Bogor diminta netral.              | 32/rollup/0 32.01/explicit-prefix/2
            Hujan deras membuat jalan di Bekasi tergenang.                                 | 32/rollup/0
            Jalan menuju Bekasi macet, kata Bupati yang baru dilantik.                     | 32/rollup/0 32.16/context/1
            Kota Banjar di Jawa Barat menyiapkan gudang logistik.                          | 32/explicit-prefix/1 32.79/explicit-prefix/1
            Kantor Bawaslu di Martapura, Kalimantan Selatan, memanggil warga Banjar.       | 63/explicit-prefix/1 63.03/context/1 63.03.05/context/1
            Warga Banjar berkumpul di balai desa.                                          | ''
            Anak-anak melempar batu ke sungai.                                             | ''
            Wisatawan memadati Kota Batu saat libur panjang.                               | 35/rollup/0 35.79/explicit-prefix/1
            Baru-baru ini Pemkab Landak menggelar apel netralitas.                         | 61/rollup/0 61.08/institution/1
            Petani menemukan seekor landak di kebun.                                       | ''
            Warga Landak menolak politik uang.                                             | ''
            Di Kalbar, warga Landak menolak politik uang.                                  | 61/alias/1
            Di Kalbar, warga di Landak menolak politik uang.                               | 61/alias/1 61.08/context/1
            Polda Jatim mengirim bantuan ke Batu pekan ini.                                | 35/institution/1 35.79/context/1
            Kabut asap menyelimuti Kubu Raya sejak pekan lalu.                             | 61/rollup/0 61.12/alias/1
            Nelayan Kubu melaut seperti biasa.                                             | ''
            Camat Sungai Pinyuh meminta kades tetap netral.                                | 61/rollup/0 61.02/rollup/0 61.02.07/institution/1
            Rapat digelar di Sungai Pinyuh, Mempawah.                                      | 61/rollup/0 61.02/alias/1 61.02.07/context/1
            Rapat digelar di Sungai Pinyuh.                                                | ''
            Sungai Raya Dalam dipadati warga.                                              | ''
            KPU Provinsi Kaltara dan Bawaslu Kab. Bulungan hadir.                          | 65/explicit-prefix/1 65.01/explicit-prefix/1
            Mahasiswa Jambi menggelar diskusi.                                             | 15/explicit-prefix/1
            Kota Jambi menyiapkan TPS.                                                     | 15/rollup/0 15.71/explicit-prefix/1
            Polda Metro Jaya menyiagakan personel.                                         | ''
            Warga DIY dan NTB antusias.                                                    | 34/alias/1 52/alias/1
            Hasil diy para relawan dipamerkan.                                             | ''
            Kodim 1202/Singkawang menggelar bakti sosial.                                  | 61/rollup/0 61.72/institution/1
            Kekeringan melanda Kalbar dan Kalteng.                                         | 61/alias/1 62/alias/1
            Pemprov Kalbar dan Pemkot Singkawang menandatangani kesepakatan.               | 61/institution/1 61.72/institution/1
            Polres Sambas dan Polresta Pontianak menggelar patroli.                        | 61/rollup/0 61.01/institution/1 61.71/institution/1
            DPRD Ketapang memanggil KPU Kubu Raya.                                         | 61/rollup/0 61.04/institution/1 61.12/institution/1
            Logistik tiba di Kab. Sanggau dan Provinsi Kalimantan Tengah.                  | 61/rollup/0 61.03/explicit-prefix/1 62/explicit-prefix/1
            Sekda Kab. Bulungan membuka rapat di Kota Mempawah.                            | 61/rollup/0 61.02/explicit-prefix/1 65/rollup/0 65.01/explicit-prefix/1
            """)
    void shouldTagRegionsWithContext(String body, String expected) {
        assertThat(tag(body.strip())).isEqualTo(expected);
    }

    @Test
    void shouldUseDatelineAndRollUp() {
        assertThat(tag("Penjabat bupati menghadiri rapat koordinasi.", "Mempawah", "61"))
                .isEqualTo("61/rollup/0 61.02/dateline/0");
        assertThat(tag("TANJUNG SELOR - Gubernur berkunjung ke Kabupaten Bulungan.", "Tanjung Selor", "65"))
                .isEqualTo("65/rollup/0 65.01/explicit-prefix/1 65.01.05/dateline/1");
    }

    @Test
    void shouldPreferTheCityForAPairedDatelineAndTheOutletProvinceForBanjar() {
        assertThat(tag("Rapat berlangsung lancar.", "Bogor", null)).isEqualTo("32/rollup/0 32.71/dateline/0");
        assertThat(tag("Rapat berlangsung lancar.", "Banjar", "63")).isEqualTo("63/rollup/0 63.03/dateline/0");
        assertThat(tag("Rapat berlangsung lancar.", "Banjar", "32")).isEqualTo("32/rollup/0 32.79/dateline/0");
    }

    @Test
    void shouldNotTakeTheOutletsProvinceAloneAsEvidenceForANameThatIsAlsoAWord() {
        // the outlet's province says which Landak a place is, not that the word names a place at all
        assertThat(tag("Warga Landak menolak politik uang.", null, "61")).isEmpty();
        assertThat(tag("Warga di Landak menolak politik uang.", null, "61")).isEqualTo("61/rollup/0 61.08/context/1");
        assertThat(tag("Warga di Landak menolak politik uang.", null, "35")).isEmpty();
    }

    @Test
    void shouldNotTagACommonWordOpeningASentenceOnProvinceContext() {
        // review findings t12/t13: a capital letter at the start of a sentence is no evidence of a place
        assertThat(tag("Polda Jatim menyelidiki banjir bandang di Kabupaten Malang. Batu sebesar rumah menutup jalan kampung. "
                + "Baru sore harinya warga bisa lewat.", null, null))
                .isEqualTo("35/institution/1 35.07/explicit-prefix/1");
        assertThat(tag("Landak kerap merusak kebun warga, ujar petani di Kabupaten Sanggau.", null, "61"))
                .isEqualTo("61/rollup/0 61.03/explicit-prefix/1");
        assertThat(tag("Kapuas meluap lagi. Warga Pontianak bersiap.", null, "61")).isEqualTo("61/rollup/0 61.71/alias/1");
    }

    @Test
    void shouldTagACommonWordNameWithAPlaceOfItsRegencyNearby() {
        assertThat(tag("Warga Ngabang, Landak, antre di TPS sejak pagi.", null, "61"))
                .isEqualTo("61/rollup/0 61.08/context/1 61.08.01/context/1");
        assertThat(tag("Landak sering masuk kebun warga di desa itu.", "Ngabang", "61"))
                .isEqualTo("61/rollup/0 61.08/rollup/0 61.08.01/dateline/0");
    }

    @Test
    void shouldResolveABarePairedNameFromTheDateline() {
        assertThat(tag("BOGOR - Relawan di Bogor membagikan masker.", "Bogor", "32"))
                .isEqualTo("32/rollup/0 32.71/dateline/2");
    }

    @Test
    void shouldTagAKecamatanWithItsRegencyAndProvince() {
        assertThat(tag("Warga Kecamatan Sungai Kakap antre di TPS.", null, "61"))
                .isEqualTo("61/rollup/0 61.12/rollup/0 61.12.09/explicit-prefix/1");
        assertThat(tag("Warga Kecamatan Sungai Raya antre di TPS.", null, null)).isEmpty();
    }

    @Test
    void shouldReportOffsetsIntoTheTitleAndBodyText() {
        ArticleText article = new ArticleText("Apel di Kalbar", "Pemkab Mempawah siaga.", null, "test", null);

        List<RegionTag> tags = TAGGER.tag(article);

        assertThat(tags).extracting(RegionTag::getCode, RegionTag::getFirstOffset)
                .containsExactly(
                        tuple("61", 8),
                        tuple("61.02", article.bodyOffset() + 7));
        assertThat(article.text().substring(8, 14)).isEqualTo("Kalbar");
    }
}
