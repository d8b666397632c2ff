package id.pantau.enrich.tagger.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.schemas.avro.OfficialTag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfficialTaggerTest {

    private static final OfficialTagger TAGGER = OfficialTagger.of(OfficialSeed.loadDefault(), RegionGazetteer.loadDefault());

    /** Tags as "id|name|office|as written|jurisdiction|known|mentions", discovered ids shown as "disc". */
    static String render(List<OfficialTag> tags) {
        return String.join(" ; ", tags.stream()
                .map(t -> (t.getKnown() ? t.getOfficialId() : "disc") + "|" + t.getName() + "|" + t.getOffice() + "|"
                        + t.getOfficeAsWritten() + "|" + t.getJurisdictionCode() + "|" + t.getKnown() + "|" + t.getMentionCount())
                .toList());
    }

    private static String tag(String title, String body) {
        return render(TAGGER.tag(new ArticleText(title, body, null, "test", "61")).tags());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            Penjabat Gubernur Kalimantan Barat, Harisson, membuka apel. Menurut Harisson, ASN wajib netral. # harisson-pj-gubernur-kalbar|Harisson|Penjabat Gubernur Kalimantan Barat|Penjabat Gubernur Kalimantan Barat|61|true|2
            Kepala Kepolisian Daerah (Kapolda) Kalbar, Irjen Pol Pipit Rismanto, memimpin apel. Personel siap, kata Pipit. # pipit-rismanto-kapolda-kalbar|Pipit Rismanto|Kepala Kepolisian Daerah Kalimantan Barat|Kepala Kepolisian Daerah (Kapolda) Kalbar|61|true|2
            Kapolres Singkawang AKBP Budi Santoso meminta personel sigap. Semua siaga, ujar Budi. # disc|Budi Santoso|Kepala Kepolisian Resor|Kapolres Singkawang|61.72|false|2
            Penulis: Ramadhan | Editor: Try Juliansyah. Warga bernama Slamet mengaku senang. # ''
            Sekda Kab. Bulungan, Risdianto, S.Pi, M.Si, hadir dalam rapat itu. # risdianto-sekda-bulungan|Risdianto|Sekretaris Daerah Kabupaten Bulungan|Sekda Kab. Bulungan|65.01|true|1
            Kepala Dinas Pendidikan Kalbar, Dr. H. Rita Hastarita, M.Pd, membuka lomba. # disc|Rita Hastarita|Kepala Dinas|Kepala Dinas Pendidikan Kalbar|61|false|1
            Kades Sungai Bulan, Ahmad Yani, dipanggil Bawaslu. Ahmad Yani membantah. # disc|Ahmad Yani|Kepala Desa|Kades Sungai Bulan|null|false|2
            Kepala Desa Suwarni menghadiri rapat di balai, kemarin. # disc|Suwarni|Kepala Desa|Kepala Desa|null|false|1
            Dandim 1202/Singkawang Letkol Inf Andi Wijaya hadir dalam apel. # disc|Andi Wijaya|Komandan Komando Distrik Militer|Dandim 1202/Singkawang|null|false|1
            Pj Gubernur Kalbar mengingatkan ASN agar netral. # ''
            Togap Simangunsong meninjau gudang logistik. Togap meminta distribusi lancar. # togap-simangunsong-pjs-gubernur-kaltara|Togap Simangunsong|Penjabat Sementara Gubernur Kalimantan Utara||65|true|2
            Ismail, seorang pedagang, ikut antre di TPS. # ''
            Plt Kepala Dinas Kesehatan Kubu Raya, Joko Prasetyo, meninjau puskesmas. # disc|Joko Prasetyo|Pelaksana Tugas Kepala Dinas|Plt Kepala Dinas Kesehatan Kubu Raya|61.12|false|1
            Wabup Sambas Hendri Kurniawan membuka pasar murah. # disc|Hendri Kurniawan|Wakil Bupati|Wabup Sambas|61.01|false|1
            Mendagri Tito Karnavian memberi arahan. # disc|Tito Karnavian|Menteri Dalam Negeri|Mendagri|null|false|1
            Wako Singkawang Hendra Wijaya dan Wawako Singkawang Sari Dewi hadir. # disc|Hendra Wijaya|Wali Kota|Wako Singkawang|61.72|false|1 ; disc|Sari Dewi|Wakil Wali Kota|Wawako Singkawang|61.72|false|1
            Pangdam XII/Tanjungpura Mayjen TNI Iwan Santosa meninjau pasukan. # disc|Iwan Santosa|Panglima Komando Daerah Militer|Pangdam XII/Tanjungpura|null|false|1
            Kapolresta Pontianak Kombes Pol Adhe Hariadi mengecek TPS. Menurut Adhe, situasi aman. # disc|Adhe Hariadi|Kepala Kepolisian Resor Kota|Kapolresta Pontianak|61.71|false|2
            Plh Sekda Kalbar, Drs. H. Mulyadi, M.Si, membuka acara. # disc|Mulyadi|Pelaksana Harian Sekretaris Daerah|Plh Sekda Kalbar|61|false|1
            Ketua DPRD Bogor Rudi Hartono menerima aspirasi. # disc|Rudi Hartono|Ketua Dewan Perwakilan Rakyat Daerah|Ketua DPRD Bogor|null|false|1
            Hadir pula ASN, Kepala Desa, Perangkat Desa dan tokoh agama. # ''
            Pilih Gubernur, Bupati, maupun Wali Kota. Gunakan hak pilih dengan bijak. # ''
            Anggota DPRD Ketapang Rion Sardi Serap Aspirasi Warga # rion-sardi-anggota-dprd-ketapang|Rion Sardi|Anggota Dewan Perwakilan Rakyat Daerah Kabupaten Ketapang|Anggota DPRD Ketapang|61.04|true|1
            Wartawan Tribun, Ramadhan, melaporkan dari Mempawah. # ''
            Ketua KPU Kalbar Ramdan Hidayat dan Anggota Bawaslu Kalbar Lutfi Hakim hadir. # disc|Ramdan Hidayat|Ketua Komisi Pemilihan Umum|Ketua KPU Kalbar|61|false|1 ; disc|Lutfi Hakim|Anggota Badan Pengawas Pemilihan Umum|Anggota Bawaslu Kalbar|61|false|1
            Calon Bupati Sambas Satono menghadiri debat publik. Satono membawa visi baru. # ''
            Mantan Gubernur Kalbar Sutarmidji hadir di acara itu. Menurut Sutarmidji, acara meriah. # ''
            Bakal calon Wali Kota Singkawang Hendra Wijaya mendaftar ke KPU. # ''
            Paslon Bupati Sanggau Yohanes Ontot berorasi di lapangan. # ''
            Eks Kapolda Kalbar Irjen Pol Andi Rahmat kini maju sebagai calon. # ''
            Mantan Pjs Gubernur Kaltara Togap Simangunsong hadir. Togap Simangunsong memberi sambutan. # ''
            Wabup Sambas Hendri Kurniawan menemui calon kepala desa. # disc|Hendri Kurniawan|Wakil Bupati|Wabup Sambas|61.01|false|1
            Ia sudah jadi mantan. Bupati Sambas Satono lalu membuka acara. # disc|Satono|Bupati|Bupati Sambas|61.01|false|1
            Calon Bupati Sambas menyampaikan visi. Bupati Sambas Satono menyimak. # disc|Satono|Bupati|Bupati Sambas|61.01|false|1
            Wakil Ketua Bawaslu Kalbar Faisal Riza memantau rekapitulasi. # disc|Faisal Riza|Wakil Ketua Badan Pengawas Pemilihan Umum|Wakil Ketua Bawaslu Kalbar|61|false|1
            Wakil Ketua KPU Sambas Nur Aini dan Wakil Ketua DKPP Andi Wijaya hadir. # disc|Nur Aini|Wakil Ketua Komisi Pemilihan Umum|Wakil Ketua KPU Sambas|61.01|false|1 ; disc|Andi Wijaya|Wakil Ketua Dewan Kehormatan Penyelenggara Pemilu|Wakil Ketua DKPP|null|false|1
            Wakil Sekda Sambas Dedi Irawan ikut bicara. # ''
            Komisioner KPU Kalbar Ramdan mengecek gudang logistik. # disc|Ramdan|Anggota Komisi Pemilihan Umum|Komisioner KPU Kalbar|61|false|1
            Kapolres Bekasi Kota Kombes Pol Kusumo Wahyu Bintoro memimpin apel. # disc|Kusumo Wahyu Bintoro|Kepala Kepolisian Resor|Kapolres Bekasi Kota|32.75|false|1
            """)
    void shouldTagOfficialsInSentences(String body, String expected) {
        assertThat(tag("", body.strip())).isEqualTo(expected.strip().equals("''") ? "" : expected.strip());
    }

    @Test
    void shouldLinkAHeadlineMentionOfAKnownOfficialButNotDiscoverFromTitleCase() {
        assertThat(tag("Pj Gubernur Harisson Serukan Netralitas ASN", "Apel berlangsung tertib."))
                .isEqualTo("harisson-pj-gubernur-kalbar|Harisson|Penjabat Gubernur Kalimantan Barat|Pj Gubernur|61|true|1");
        assertThat(tag("Kapolres Sanggau Ajak Warga Jaga Kamtibmas", "Apel berlangsung tertib.")).isEmpty();
    }

    @Test
    void shouldListEveryMentionWithOffsetsIncludingShortNames() {
        ArticleText article = new ArticleText("", "Kapolda Kalbar Irjen Pol Pipit Rismanto hadir. Semua siap, ujar Pipit.", null, "test", null);

        OfficialTagging tagging = TAGGER.tag(article);

        assertThat(tagging.mentions()).containsExactly(
                new OfficialMention("pipit-rismanto-kapolda-kalbar", "Pipit Rismanto", 25, 39),
                new OfficialMention("pipit-rismanto-kapolda-kalbar", "Pipit", 64, 69));
        assertThat(article.text().substring(64, 69)).isEqualTo("Pipit");
    }

    @Test
    void shouldGiveTheSameTagsFromManyThreads() throws Exception {
        ArticleText article = new ArticleText("", "Kapolda Kalbar Irjen Pol Pipit Rismanto hadir. Semua siap, ujar Pipit.", null, "test", null);
        OfficialTagging expected = TAGGER.tag(article);
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<OfficialTagging>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> TAGGER.tag(article)));
            }
            for (var r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLinkAnOfficeNamedWithoutANameToItsHolderInTheArticle() {
        ArticleText article = new ArticleText("", "Pj Gubernur Kalbar Harisson membuka apel. Pj Gubernur Kalbar mengingatkan ASN. "
                + "Gubernur Kaltara meminta hal serupa.", null, "test", null);

        OfficialTagging tagging = TAGGER.tag(article);

        assertThat(tagging.mentions()).containsExactly(
                new OfficialMention("harisson-pj-gubernur-kalbar", "Harisson", 19, 27),
                new OfficialMention("harisson-pj-gubernur-kalbar", "Pj Gubernur Kalbar", 42, 60));
        assertThat(tagging.tags()).extracting(OfficialTag::getMentionCount).containsExactly(2);
    }

    @Test
    void shouldKeepDiscoveredIdsStable() {
        assertThat(OfficialTagger.discoveredId("Budi Santoso", "Kepala Kepolisian Resor Kota Singkawang"))
                .isEqualTo(OfficialTagger.discoveredId("BUDI  santoso", "kepala kepolisian resor kota singkawang"))
                .startsWith("disc-")
                .hasSize(21);
        assertThat(OfficialTagger.discoveredId("Budi Santoso", "Kepala Kepolisian Resor Kota Singkawang"))
                .isNotEqualTo(OfficialTagger.discoveredId("Budi Santoso", "Kepala Kepolisian Resor Kota Pontianak"));
    }

    @Test
    void shouldRetagAfterTheReferenceDataChanges() {
        ArticleText article = new ArticleText("", "Kapolres Singkawang AKBP Budi Santoso meminta personel sigap.", null, "test", null);
        var budi = id.pantau.schemas.avro.Official.newBuilder()
                .setId("budi-santoso-kapolres-singkawang").setName("Budi Santoso").setAliases(List.of())
                .setOffice("Kepala Kepolisian Resor Singkawang").setJurisdictionCode("61.72").build();

        OfficialTagger updated = OfficialTagger.of(List.of(budi), RegionGazetteer.loadDefault());

        assertThat(TAGGER.tag(article).tags().get(0).getKnown()).isFalse();
        assertThat(updated.tag(article).tags()).extracting(OfficialTag::getOfficialId).containsExactly("budi-santoso-kapolres-singkawang");
    }

    @Test
    void shouldLinkAReferenceOfficialOnlyOnDaysOfItsTerm() {
        var ismail = id.pantau.schemas.avro.Official.newBuilder()
                .setId("ismail-pj-bupati-mempawah").setName("Ismail").setAliases(List.of())
                .setOffice("Penjabat Bupati Mempawah").setJurisdictionCode("61.02")
                .setValidFrom(LocalDate.parse("2024-05-01")).setValidTo(LocalDate.parse("2024-12-31")).build();
        OfficialTagger tagger = OfficialTagger.of(List.of(ismail), RegionGazetteer.loadDefault());
        String body = "Penjabat Bupati Mempawah, Ismail, mengingatkan ASN agar netral. Menurut Ismail, ASN harus profesional.";

        List<OfficialTag> inTerm = tagger.tag(new ArticleText("", body, null, "test", "61", LocalDate.parse("2024-11-18"))).tags();
        List<OfficialTag> before = tagger.tag(new ArticleText("", body, null, "test", "61", LocalDate.parse("2024-04-30"))).tags();
        List<OfficialTag> after = tagger.tag(new ArticleText("", body, null, "test", "61", LocalDate.parse("2025-01-01"))).tags();
        List<OfficialTag> undated = tagger.tag(new ArticleText("", body, null, "test", "61", null)).tags();

        assertThat(inTerm).extracting(OfficialTag::getOfficialId, OfficialTag::getKnown)
                .containsExactly(tuple("ismail-pj-bupati-mempawah", true));
        assertThat(before).extracting(OfficialTag::getName, OfficialTag::getKnown, OfficialTag::getMentionCount)
                .containsExactly(tuple("Ismail", false, 2));
        assertThat(after).extracting(OfficialTag::getKnown).containsExactly(false);
        assertThat(undated).extracting(OfficialTag::getOfficialId).containsExactly("ismail-pj-bupati-mempawah");
    }

    @Test
    void shouldNotAnchorAFullNameOutsideItsTerm() {
        var rion = id.pantau.schemas.avro.Official.newBuilder()
                .setId("rion-sardi-anggota-dprd-ketapang").setName("Rion Sardi").setAliases(List.of())
                .setOffice("Anggota Dewan Perwakilan Rakyat Daerah Kabupaten Ketapang").setJurisdictionCode("61.04")
                .setValidTo(LocalDate.parse("2024-08-31")).build();
        OfficialTagger tagger = OfficialTagger.of(List.of(rion), RegionGazetteer.loadDefault());
        String body = "Rion Sardi menemui warga di balai desa.";

        assertThat(tagger.tag(new ArticleText("", body, null, "test", "61", LocalDate.parse("2024-08-20"))).tags())
                .extracting(OfficialTag::getOfficialId).containsExactly("rion-sardi-anggota-dprd-ketapang");
        assertThat(tagger.tag(new ArticleText("", body, null, "test", "61", LocalDate.parse("2024-09-02"))).tags()).isEmpty();
    }
}
