package id.pantau.enrich.tagger.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.schemas.avro.OrganisationTag;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OrganisationTaggerTest {

    private static final OrganisationTagger TAGGER = new OrganisationTagger(RegionGazetteer.loadDefault());

    /** Tags as "id|name|region|mentions". */
    static String render(List<OrganisationTag> tags) {
        return String.join(" ; ", tags.stream()
                .map(t -> t.getId() + "|" + t.getName() + "|" + t.getRegionCode() + "|" + t.getMentionCount())
                .toList());
    }

    private static String tag(String body) {
        return render(TAGGER.tag(new ArticleText("", body, null, "test", null)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            KPU, Bawaslu dan DKPP diminta bekerja sama. # kpu|Komisi Pemilihan Umum|null|1 ; bawaslu|Badan Pengawas Pemilihan Umum|null|1 ; dkpp|Dewan Kehormatan Penyelenggara Pemilu|null|1
            Personel TNI, Polri, Satpol PP dan Linmas disiagakan. # tni|Tentara Nasional Indonesia|null|1 ; polri|Kepolisian Negara Republik Indonesia|null|1 ; satpol-pp|Satuan Polisi Pamong Praja|null|1 ; linmas|Perlindungan Masyarakat|null|1
            Rapat diadakan Bawaslu Kalbar bersama Polda Kalbar. # bawaslu:61|Bawaslu Kalimantan Barat|61|1 ; polda:61|Polda Kalimantan Barat|61|1
            Pemerintah Kabupaten (Pemkab) Ketapang dan Pemkot Pontianak menandatangani nota. # pemkab:61.04|Pemerintah Kabupaten Ketapang|61.04|1 ; pemkot:61.71|Pemerintah Kota Pontianak|61.71|1
            Pemerintah Provinsi Kalimantan Barat dan Pemprov Kalbar adalah sama. # pemprov:61|Pemerintah Provinsi Kalimantan Barat|61|2
            KPU Provinsi Kaltara dan Bawaslu Kab. Bulungan hadir. # kpu:65|KPU Kalimantan Utara|65|1 ; bawaslu:65.01|Bawaslu Kabupaten Bulungan|65.01|1
            Tim pengawas Polda Kalbar memeriksa Polres Singkawang. # polda:61|Polda Kalimantan Barat|61|1 ; polres:61.72|Polres Singkawang|61.72|1
            Raker Apeksi dibuka. Forkopimda Kab. Bulungan hadir. # apeksi|Asosiasi Pemerintah Kota Seluruh Indonesia|null|1 ; forkopimda:65.01|Forkopimda Kabupaten Bulungan|65.01|1
            Anggota DPRD Kabupaten Ketapang menyerap aspirasi. KASN dan BKN memantau. # dprd:61.04|DPRD Kabupaten Ketapang|61.04|1 ; kasn|Komisi Aparatur Sipil Negara|null|1 ; bkn|Badan Kepegawaian Negara|null|1
            Kemendagri menerbitkan surat edaran. # kemendagri|Kementerian Dalam Negeri|null|1
            Pemkab menggelar apel dan Polda menyiagakan personel. # ''
            Relawan mengawasi TPS di kampung. # ''
            """)
    void shouldTagOrganisations(String body, String expected) {
        assertThat(tag(body.strip())).isEqualTo(expected.strip().equals("''") ? "" : expected.strip());
    }

    static Stream<String> aliases() {
        return TAGGER.organisations().stream().flatMap(o -> o.aliases().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliases")
    void shouldRecogniseEveryAliasOfANationalForm(String alias) {
        List<OrganisationTag> tags = TAGGER.tag(new ArticleText("", "Hadir pula " + alias + " dalam rapat.", null, "test", null));

        String id = TAGGER.organisations().stream().filter(o -> o.aliases().contains(alias)).findFirst().orElseThrow().id();
        boolean needsRegion = TAGGER.organisations().stream()
                .anyMatch(o -> o.id().equals(id) && o.rule() == OrganisationTagger.RegionRule.REQUIRED);
        assertThat(tags).extracting(OrganisationTag::getId).containsExactly(needsRegion ? new String[0] : new String[] {id});
    }

    @Test
    void shouldCountMentionsOfOneBody() {
        assertThat(tag("Bawaslu memanggil kades. Menurut Bawaslu, kades itu melanggar."))
                .isEqualTo("bawaslu|Badan Pengawas Pemilihan Umum|null|2");
    }
}
