package id.pantau.ingest.extract.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class GenericExtractorTest {

    private final GenericExtractor extractor = new GenericExtractor();

    @Test
    void shouldKeepOnlyTheStoryWhenAnIndonesianPageHasSidebarCommentsRelatedListCaptionAndShareBar() throws IOException {
        GenericBody body = extractor.extract(page("regional-article-id.html"));

        assertThat(body.paragraphs()).containsExactly(
                "PONTIANAK - Penjabat Gubernur Kalimantan Barat, Harisson, kembali mengingatkan seluruh aparatur sipil"
                        + " negara di provinsi itu agar tidak memihak pasangan calon mana pun selama tahapan Pilkada 2024.",
                "Pesan itu ia sampaikan pada Senin (26/8/2024) seusai apel gelar pasukan Operasi Mantap Praja Kapuas"
                        + " 2024 di Alun-Alun Kapuas, yang dipimpin Kapolda Kalbar Irjen Pol Pipit Rismanto.",
                "Menurut Harisson, pegawai pemerintah daerah wajib melayani warga tanpa membedakan pilihan politik, dan"
                        + " pelanggaran akan diproses sesuai aturan yang berlaku.",
                "Kesiapan pengamanan",
                "Ia juga meminta aparat keamanan, pemerintah kabupaten dan kota, serta tokoh masyarakat bekerja sama"
                        + " menjaga ketertiban, dari masa kampanye hingga hari pemungutan suara pada 27 November 2024.",
                "Pengawasan kampanye di setiap kecamatan",
                "Patroli gabungan menjelang hari pemungutan suara",
                "Kami ingin pilkada berjalan aman dan damai bagi semua warga Kalimantan Barat.",
                "Pemerintah provinsi, kata dia, akan terus memantau pelaksanaan tahapan pilkada bersama penyelenggara"
                        + " pemilu di daerah.");
    }

    @Test
    void shouldKeepHeadingsListsAndDropCaptionNewsletterAndReadMoreWhenAnEnglishStoryHasFurniture() throws IOException {
        GenericBody body = extractor.extract(page("english-article.html"));

        assertThat(body.paragraphs()).containsExactly(
                "Officials in North Kalimantan have reminded village heads that they may not campaign for any"
                        + " candidate ahead of the regional elections on 27 November 2024.",
                "The reminder, issued in Tanjung Selor, covers village secretaries and staff as well, and it applies"
                        + " from the start of the campaign period until the votes are counted.",
                "What the rules say",
                "Under the national rules, a village head who backs a candidate can be warned, suspended or removed,"
                        + " depending on how serious the breach is.",
                "No appearances at campaign events in an official capacity.",
                "No use of village funds or vehicles for any campaign.",
                "Election supervisors said they would visit villages during the campaign and act on any complaint"
                        + " they receive from residents.");
    }

    @Test
    void shouldJoinTheChunksWhenTheBodyIsSplitOverSeveralBlocks() throws IOException {
        GenericBody body = extractor.extract(page("chunked-body.html"));

        assertThat(body.paragraphs()).hasSize(4);
        assertThat(body.paragraphs().get(0)).startsWith("The provincial election commission in Pontianak");
        assertThat(body.paragraphs().get(3)).startsWith("Counting is expected to finish within two days");
    }

    @Test
    void shouldFollowTheJsonLdArticleBodyWhenAnotherBlockLooksLonger() throws IOException {
        GenericBody body = extractor.extract(page("json-ld-evidence.html"));

        assertThat(body.paragraphs()).containsExactly(
                "The city government of Pontianak has finished preparing the polling stations for the regional"
                        + " elections, officials said on Tuesday.",
                "Every station has ramps for voters who use wheelchairs, and the lighting has been checked in case"
                        + " counting runs late into the night.",
                "Officials asked residents to check their names on the voter list before the day and to bring their"
                        + " identity cards when they come to vote.");
    }

    @Test
    void shouldTakeTheLongerBlockTooWhenTheJsonLdIsRemoved() throws IOException {
        Document document = page("json-ld-evidence.html");
        document.select("script").remove();

        GenericBody body = extractor.extract(document);

        assertThat(body.paragraphs().get(0)).startsWith("Our magazine has covered the city");
    }

    @Test
    void shouldFollowTheDescriptionToTheLeadParagraphWhenThereIsNoArticleBody() throws IOException {
        GenericBody body = extractor.extract(page("description-lead.html"));

        assertThat(body.paragraphs()).containsExactly(
                "Election supervisors in Sambas opened complaint desks in every district office on Monday, ahead of"
                        + " the campaign.",
                "Residents can report officials who take sides, and the desks will stay open until the votes are"
                        + " counted.");
    }

    @Test
    void shouldTakeTheWordierBlockWhenTheDescriptionIsRemoved() throws IOException {
        Document document = page("description-lead.html");
        document.select("meta").remove();

        GenericBody body = extractor.extract(document);

        assertThat(body.paragraphs().get(0)).startsWith("Readers who write to us every week");
    }

    @Test
    void shouldReturnAnEmptyBodyWhenThePageHasNoText() {
        assertThat(extractor.extract(Jsoup.parse("")).isEmpty()).isTrue();
        assertThat(extractor.extract(Jsoup.parse("<html><head><title>x</title></head></html>")).isEmpty()).isTrue();
        assertThat(extractor.extract(Jsoup.parse("<nav><a href=/>Home</a> <a href=/b>Berita</a></nav>")).isEmpty())
                .isTrue();
    }

    @Test
    void shouldNotThrowWhenNestingIsBrokenOrVeryDeep() {
        String deep = "<div>".repeat(5_000) + "<p>Kepala desa di Bulungan diminta tetap netral, kata pejabat provinsi,"
                + " selama tahapan pilkada berlangsung di daerah itu.</p>" + "</div>".repeat(5_000);
        String broken = "<table><p>Warga Sambas, Mempawah, dan Sanggau diminta datang ke TPS pada 27 November 2024,"
                + " membawa undangan</b></i></td> dan kartu identitas.<div><span></p>";

        assertThat(extractor.extract(Jsoup.parse(deep)).text()).startsWith("Kepala desa di Bulungan");
        assertThat(extractor.extract(Jsoup.parse(broken)).text()).contains("Warga Sambas, Mempawah, dan Sanggau");
    }

    @Test
    void shouldGiveTheSameBodiesWhenOneExtractorIsSharedByManyThreads() throws Exception {
        List<String> pages = List.of("regional-article-id.html", "english-article.html", "chunked-body.html",
                "json-ld-evidence.html", "description-lead.html");
        Map<String, GenericBody> expected = new HashMap<>();
        for (String name : pages) {
            expected.put(name, extractor.extract(page(name)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> same = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = pages.get(i % pages.size());
                same.add(pool.submit(() -> extractor.extract(page(name)).equals(expected.get(name))));
            }
            for (Future<Boolean> result : same) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    @Test
    void shouldLeaveTheDocumentUnchanged() throws IOException {
        Document document = page("regional-article-id.html");
        String before = document.outerHtml();

        extractor.extract(document);

        assertThat(document.outerHtml()).isEqualTo(before);
    }

    static Document page(String name) throws IOException {
        try (InputStream in = GenericExtractorTest.class.getResourceAsStream("/generic/" + name)) {
            assertThat(in).as("test resource /generic/" + name).isNotNull();
            return Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
