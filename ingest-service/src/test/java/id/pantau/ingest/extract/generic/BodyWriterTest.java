package id.pantau.ingest.extract.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BodyWriterTest {

    @Test
    void shouldDropBacaJugaLinesInEveryCommonSpelling() {
        List<String> paragraphs = write("<p>Kampanye dimulai pada akhir September di seluruh kabupaten.</p>"
                + "<p>Baca juga: <a href=/a>KPU Tetapkan Calon</a></p>"
                + "<p><b>Baca Juga :</b> <a href=/b>Debat Publik Digelar</a></p>"
                + "<p>BACA JUGA - <a href=/c>Bawaslu Siaga</a></p>"
                + "<p>Lihat juga: jadwal lengkap tahapan pilkada di laman resmi</p>"
                + "<p>Warga diminta memeriksa daftar pemilih tetap di kantor desa.</p>");

        assertThat(paragraphs).containsExactly(
                "Kampanye dimulai pada akhir September di seluruh kabupaten.",
                "Warga diminta memeriksa daftar pemilih tetap di kantor desa.");
    }

    @Test
    void shouldDropAdvertisementDateAndShortcodeLines() {
        List<String> paragraphs = write("<p>ADVERTISEMENT</p><p>SCROLL TO RESUME CONTENT</p>"
                + "<p>Selasa, 19 November 2024 | 13:39 WIB</p><p>Updated at 1:23 p.m.</p>"
                + "<p>[button link=\"/kirim\"]Kirim tulisan[/button]</p>"
                + "<p>Rapat koordinasi digelar di Pontianak pada Selasa, 19 November 2024.</p>");

        assertThat(paragraphs).containsExactly("Rapat koordinasi digelar di Pontianak pada Selasa, 19 November 2024.");
    }

    @Test
    void shouldDropBylineAndPagingLinesButKeepASentenceStartingWithOleh() {
        List<String> paragraphs = write("<p>Penulis: Ramadhan | Editor: Try Juliansyah</p>"
                + "<p>Oleh karena itu, kepala desa diminta tidak hadir dalam kampanye pasangan calon.</p>"
                + "<p>Pewarta : Dewi</p><p>Halaman selanjutnya</p><p>Halaman 1 dari 2</p>");

        assertThat(paragraphs).containsExactly("Oleh karena itu, kepala desa diminta tidak hadir dalam kampanye pasangan calon.");
    }

    @Test
    void shouldDropALinkOnlyLineButKeepALinkedSentence() {
        List<String> paragraphs = write("<p><a href=/a>Harga beras naik di Pasar Flamboyan</a></p>"
                + "<p><a href=/b>Ismail</a> membuka <a href=/c>rapat koordinasi netralitas</a>.</p>");

        assertThat(paragraphs).containsExactly("Ismail membuka rapat koordinasi netralitas.");
    }

    @Test
    void shouldKeepTheNameAndDropItsHoverCardInsideRunningText() {
        List<String> paragraphs = write("<p><span style='font-weight:400'>Pernyataan itu disampaikan Gubernur"
                + " <span class=card><a href=/p>Harisson</a><span><img src=h.jpg><a href=/1>Berita satu tentang"
                + " Harisson dan pilkada</a> <a href=/2>Berita dua tentang Harisson dan ASN</a> <a href=/3>Lainnya</a>"
                + "</span></span> di Pontianak, <a href=/x>Senin</a>.</span></p>");

        assertThat(paragraphs).containsExactly("Pernyataan itu disampaikan Gubernur Harisson di Pontianak, Senin.");
    }

    @Test
    void shouldDropAHeadingThatHeadsNothing() {
        List<String> paragraphs = write("<h2>Tahapan</h2><p>Pemungutan suara berlangsung pada 27 November 2024.</p>"
                + "<h3>Berita Terbaru</h3><ul><li><a href=/1>Satu</a></li><li><a href=/2>Dua</a></li></ul>");

        assertThat(paragraphs).containsExactly("Tahapan", "Pemungutan suara berlangsung pada 27 November 2024.");
    }

    @Test
    void shouldKeepATimeInsideASentenceButDropCaptionsAndScreenReaderText() {
        List<String> paragraphs = write("<figure><img src=a.jpg><figcaption>Suasana rapat</figcaption></figure>"
                + "<p>Rapat digelar pada <time datetime=2024-11-19>Selasa (19/11/2024)</time> di Mempawah."
                + "<span class=sr-only>Bagikan ke Facebook</span></p>");

        assertThat(paragraphs).containsExactly("Rapat digelar pada Selasa (19/11/2024) di Mempawah.");
    }

    @Test
    void shouldKeepListItemsQuotesAndTablesAsParagraphs() {
        List<String> paragraphs = write("<ul><li>Satu TPS di Desa Sungai Kunyit</li><li>Dua TPS di Desa Antibar</li></ul>"
                + "<blockquote>Kami siap mengawal pilkada.</blockquote>"
                + "<table><tr><td>Mempawah</td><td>1.234 pemilih</td></tr></table>");

        assertThat(paragraphs).containsExactly("Satu TPS di Desa Sungai Kunyit", "Dua TPS di Desa Antibar",
                "Kami siap mengawal pilkada.", "Mempawah 1.234 pemilih");
    }

    private static List<String> write(String bodyHtml) {
        Element body = Jsoup.parseBodyFragment("<div>" + bodyHtml + "</div>").body().child(0);
        return BodyWriter.write(List.of(body), true);
    }
}
