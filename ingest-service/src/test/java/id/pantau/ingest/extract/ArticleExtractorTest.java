package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleExtractorTest {

    private static final Instant NOW = Instant.parse("2024-11-20T10:00:00Z");
    private static final String URL = "https://kalbar.example.id/2024/11/20/berita";
    private final ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(NOW, ZoneOffset.UTC));

    private static String hostile(String name) throws IOException {
        return Files.readString(Fixtures.root().resolve("hostile").resolve(name), StandardCharsets.UTF_8);
    }

    private static String article(String head, String body) {
        return "<!DOCTYPE html><html lang=\"id\"><head><title>Judul Berita - Kalbar Example</title>" + head + "</head><body>" + body + "</body></html>";
    }

    @Test
    void shouldFailWithTooLargeWhenPageExceedsTwentyMegabytes() {
        String huge = "<html><body><p>" + "a".repeat(20 * 1024 * 1024) + "</p></body></html>";

        assertThatThrownBy(() -> extractor.extract(huge, URL, null, PageLoader.NONE))
                .isInstanceOfSatisfying(ExtractionException.class, e -> {
                    assertThat(e.cause()).isEqualTo(ExtractionException.Cause.TOO_LARGE);
                    assertThat(e.url()).isEqualTo(URL);
                    assertThat(e.getMessage()).isEqualTo("TOO_LARGE for " + URL + ": 20971553 characters, limit 5000000");
                });
    }

    @Test
    void shouldApplyConfiguredSizeLimit() {
        ArticleExtractor small = new ArticleExtractor(Clock.systemUTC(), 100);

        assertThatThrownBy(() -> small.extract(article("", "<p>" + "b".repeat(100) + "</p>"), URL, null, PageLoader.NONE))
                .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.cause()).isEqualTo(ExtractionException.Cause.TOO_LARGE));
    }

    @Test
    void shouldRejectNonPositiveSizeLimit() {
        assertThatThrownBy(() -> new ArticleExtractor(Clock.systemUTC(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxChars: expected a positive number, got 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"title\": \"Pilkada\", \"body\": \"<p>teks</p>\"}",
        "[1, 2, 3]",
        "%PDF-1.7\n%âãÏÓ\n1 0 obj",
        "Pilkada serentak digelar 27 November 2024 di seluruh Indonesia, tanpa satu pun tag.",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title></channel></rss>",
        "\u0000\u0001\u0002PNG binary"
    })
    void shouldFailWithNotHtmlWhenInputIsNotMarkup(String input) {
        assertThatThrownBy(() -> extractor.extract(input, URL, null, PageLoader.NONE))
                .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.cause()).isEqualTo(ExtractionException.Cause.NOT_HTML));
    }

    @Test
    void shouldReadAnXhtmlPageWhoseHtmlTagComesAfterALongProlog() throws Exception {
        String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- " + "arsip redaksi ".repeat(150) + "-->\n";
        String html = prolog + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Apel netralitas ASN</title></head><body><article>"
                + "<h1>Apel netralitas ASN</h1><p>Pj Gubernur Kalbar memimpin apel netralitas ASN di Pontianak.</p>"
                + "<p>Seluruh pegawai diminta tidak berpihak menjelang pilkada serentak.</p></article></body></html>";

        ExtractedArticle article = extractor.extract(html, URL, null, PageLoader.NONE);

        assertThat(prolog.length()).isGreaterThan(1_024);
        assertThat(article.title()).isEqualTo("Apel netralitas ASN");
    }

    @Test
    void shouldFailWithEmptyBodyWhenPageHasNoBody() throws IOException {
        String html = hostile("no-body.html");

        assertThatThrownBy(() -> extractor.extract(html, URL, null, PageLoader.NONE))
                .isInstanceOfSatisfying(ExtractionException.class, e -> {
                    assertThat(e.cause()).isEqualTo(ExtractionException.Cause.EMPTY_BODY);
                    assertThat(e.getMessage()).isEqualTo("EMPTY_BODY for " + URL + ": no body paragraphs (method generic)");
                });
    }

    @Test
    void shouldFailWithNoTitleWhenPageHasNoHeadline() {
        String html = "<html><body><div><p>Paragraf pertama yang cukup panjang untuk sebuah berita.</p></div></body></html>";

        assertThatThrownBy(() -> extractor.extract(html, URL, null, PageLoader.NONE))
                .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.cause()).isEqualTo(ExtractionException.Cause.NO_TITLE));
    }

    @Test
    void shouldExtractPageWithoutHtmlHeadOrBodyTags() throws Exception {
        ExtractedArticle article = extractor.extract(hostile("no-body-tag-with-text.html"), URL, null, PageLoader.NONE);

        assertThat(article.title()).isEqualTo("Bawaslu Kalbar Petakan TPS Rawan Jelang Pemungutan Suara");
        assertThat(article.dateline()).isEqualTo("PONTIANAK -");
        assertThat(article.datelinePlace()).isEqualTo("Pontianak");
        assertThat(article.bodyParagraphs()).containsExactly(
                "Bawaslu Kalimantan Barat memetakan tempat pemungutan suara yang dinilai rawan menjelang hari pemungutan suara 27 November 2024.",
                "Pemetaan itu mencakup akses jalan, ketersediaan listrik dan riwayat pelanggaran pada pemilihan sebelumnya.",
                "Hasilnya akan dibagikan kepada kepolisian dan pemerintah daerah untuk menentukan penempatan personel.");
    }

    @Test
    void shouldExtractBrokenNestingWithProfile() throws Exception {
        ExtractionProfile profile = new ExtractionProfile(null, null, null, null, ".entry-content", List.of(), null, null, null, null);

        ExtractedArticle article = extractor.extract(hostile("broken-nesting.html"), URL, profile, PageLoader.NONE);

        assertThat(article.title()).isEqualTo("KPU Kaltara Distribusikan Logistik Pilkada ke Kecamatan");
        assertThat(article.datelinePlace()).isEqualTo("Tanjung Selor");
        // the stray paragraph inside the unclosed table is foster-parented before it, as browsers render it
        assertThat(article.bodyParagraphs()).containsExactly(
                "KPU Kalimantan Utara mulai mengirim logistik pilkada ke kecamatan di Kabupaten Bulungan.",
                "Distribusi dikawal personel gabungan Polri dan TNI",
                "agar surat suara tiba tepat waktu.",
                "Pengiriman ke wilayah perbatasan memakan waktu paling lama.",
                "Setiap kotak suara diperiksa ulang sebelum dikirim.");
    }

    @Test
    void shouldExtractMojibakeWhenWindows1252BytesAreDecodedAsUtf8() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.root().resolve("hostile/windows-1252-labelled-utf8.html"));
        String html = new String(bytes, StandardCharsets.UTF_8);

        ExtractedArticle article = extractor.extract(html, URL, null, PageLoader.NONE);

        assertThat(article.title()).isEqualTo("Ani Sofian: \uFFFDJaga Pilkada Damai\uFFFD");
        assertThat(article.dateline()).isEqualTo("TANJUNGPURA.ID (PONTIANAK) \uFFFD");
        assertThat(article.datelinePlace()).isEqualTo("Pontianak");
        assertThat(article.bodyParagraphs()).containsExactly(
                "Pj Wali Kota Pontianak Ani Sofian meminta warga menjaga suasana damai selama pilkada.",
                "Ia menyebut caf\uFFFD dan warung kopi sebagai tempat warga berdiskusi, dan meminta diskusi itu tetap santun.",
                "\uFFFDPerbedaan pilihan adalah hal biasa,\uFFFD katanya.");
    }

    @Test
    void shouldReadJsonLdGraphAndSkipBrokenScripts() throws Exception {
        String head = "<script type=\"application/ld+json\">{ this is not json </script>"
                + "<script type=\"application/ld+json\">/* yoast */ {\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\"},"
                + "{\"@type\":[\"NewsArticle\"],\"headline\":\"Bawaslu Awasi Netralitas Kades\",\"datePublished\":\"2024-11-19T08:00:00+07:00\","
                + "\"dateModified\":\"2024-11-19T09:30:00+07:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ramadhan\"},\"Try Juliansyah\"],"
                + "\"articleSection\":[\"Politik\"],\"keywords\":\"pilkada, kades,\",\"image\":[{\"url\":\"https://img.example.id/a.jpg\"}],"
                + "\"inLanguage\":\"id-ID\",}]}</script>";
        String body = "<div><p>Bawaslu mengawasi netralitas kepala desa di seluruh Kalbar menjelang hari pemungutan suara.</p>"
                + "<p>Pengawasan dilakukan bersama panitia pengawas kecamatan.</p></div>";

        ExtractedArticle article = extractor.extract(article(head, body), URL, null, PageLoader.NONE);

        assertThat(article.title()).isEqualTo("Bawaslu Awasi Netralitas Kades");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-11-19T01:00:00Z"));
        assertThat(article.modifiedAt()).isEqualTo(Instant.parse("2024-11-19T02:30:00Z"));
        assertThat(article.authors()).containsExactly("Ramadhan", "Try Juliansyah");
        assertThat(article.section()).isEqualTo("Politik");
        assertThat(article.tags()).containsExactly("pilkada", "kades");
        assertThat(article.leadImageUrl()).isEqualTo("https://img.example.id/a.jpg");
        assertThat(article.language()).isEqualTo("id");
        assertThat(article.extractionMethod()).isEqualTo("generic");
    }

    @Test
    void shouldUseJsonLdArticleBodyWhenNoProfileBody() throws Exception {
        String head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Judul\","
                + "\"articleBody\":\"PONTIANAK - Paragraf satu tentang pilkada.\\n\\nBaca juga: Berita lain\\n\\nParagraf dua tentang ASN.\"}</script>";

        ExtractedArticle article = extractor.extract(article(head, "<div>menu</div>"), URL, null, PageLoader.NONE);

        assertThat(article.extractionMethod()).isEqualTo("json-ld");
        assertThat(article.datelinePlace()).isEqualTo("Pontianak");
        assertThat(article.bodyParagraphs()).containsExactly("Paragraf satu tentang pilkada.", "Paragraf dua tentang ASN.");
    }

    // Suara Borneo (Kalimantan Utara) prints its times in WITA: a time without a zone is read in the outlet's zone
    @Test
    void shouldReadAZonelessTimeInTheOutletsZone() throws Exception {
        String head = "<meta property=\"og:title\" content=\"Apel gabungan di Tanjung Selor\">"
                + "<meta property=\"article:published_time\" content=\"2024-11-19 10:25\">";
        String html = article(head, "<article><p>Isi berita yang cukup panjang di sini.</p></article>");

        ExtractedArticle inWita = extractor.extract(html, URL, null, PageLoader.NONE, ZoneOffset.ofHours(8));
        ExtractedArticle byDefault = extractor.extract(html, URL, null, PageLoader.NONE);

        assertThat(inWita.publishedAt()).isEqualTo(Instant.parse("2024-11-19T02:25:00Z"));
        assertThat(byDefault.publishedAt()).as("WIB when no zone is given").isEqualTo(Instant.parse("2024-11-19T03:25:00Z"));
    }

    @Test
    void shouldPreferOpenGraphAndMetaWhenNoJsonLd() throws Exception {
        String head = "<meta property=\"og:title\" content=\"Judul OG - kalbar.example.id\">"
                + "<meta property=\"article:published_time\" content=\"2024-11-18T10:00:00+07:00\">"
                + "<meta property=\"article:tag\" content=\"ASN\"><meta property=\"article:tag\" content=\"Pilkada\">"
                + "<meta name=\"author\" content=\"Ani Lestari\"><link rel=\"canonical\" href=\"/2024/11/20/berita-kanonik\">";

        ExtractedArticle article = extractor.extract(article(head, "<article><p>Isi berita yang cukup panjang di sini.</p></article>"), URL, null,
                PageLoader.NONE);

        assertThat(article.title()).isEqualTo("Judul OG");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-11-18T03:00:00Z"));
        assertThat(article.tags()).containsExactly("ASN", "Pilkada");
        assertThat(article.authors()).containsExactly("Ani Lestari");
        assertThat(article.canonicalUrl()).isEqualTo("https://kalbar.example.id/2024/11/20/berita-kanonik");
    }

    @Test
    void shouldResolveRelativeDateAgainstClock() throws Exception {
        ExtractionProfile profile = new ExtractionProfile(null, ".waktu", ".penulis", null, ".isi", List.of(".iklan"), null, null, null, null);
        String body = "<span class=\"waktu\">2 jam yang lalu</span><span class=\"penulis\">Reporter: Budi | Editor: Sari</span>"
                + "<div class=\"isi\"><p>Paragraf berita.</p><div class=\"iklan\">Pasang iklan di sini</div><p>ADVERTISEMENT</p><p>Paragraf kedua.</p></div>";

        ExtractedArticle article = extractor.extract(article("", body), URL, profile, PageLoader.NONE);

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-11-20T08:00:00Z"));
        assertThat(article.authors()).containsExactly("Budi");
        assertThat(article.editor()).isEqualTo("Sari");
        assertThat(article.bodyParagraphs()).containsExactly("Paragraf berita.", "Paragraf kedua.");
        assertThat(article.extractionMethod()).isEqualTo("profile");
    }

    @Test
    void shouldFallBackToGenericWhenProfileBodyMatchesNothing() throws Exception {
        ExtractionProfile profile = new ExtractionProfile(null, null, null, null, ".layout-lama", List.of(), null, null, null, null);

        ExtractedArticle article = extractor.extract(article("", "<article><p>Isi berita tata letak baru.</p></article>"), URL, profile,
                PageLoader.NONE);

        assertThat(article.extractionMethod()).isEqualTo("generic");
        assertThat(article.bodyParagraphs()).containsExactly("Isi berita tata letak baru.");
    }

    private static String page(int n, String nextHref) {
        return article("", "<article><p>Isi halaman " + n + " bagian pertama.</p><p>Baca juga: Berita lain</p></article>"
                + (nextHref.isEmpty() ? "" : "<a href=\"" + nextHref + "\">Halaman selanjutnya</a>"));
    }

    @Test
    void shouldStopAtVisitedPageWhenPagesLinkInALoop() throws Exception {
        Map<String, String> site = Map.of(URL + "?page=2", page(2, URL + "?page=3"), URL + "?page=3", page(3, URL + "?page=2"));
        List<String> loaded = new ArrayList<>();

        ExtractedArticle article = extractor.extract(page(1, URL + "?page=2"), URL, null, url -> {
            loaded.add(url);
            return site.get(url);
        });

        assertThat(loaded).containsExactly(URL + "?page=2", URL + "?page=3");
        assertThat(article.pageCount()).isEqualTo(3);
        assertThat(article.bodyParagraphs()).containsExactly("Isi halaman 1 bagian pertama.", "Isi halaman 2 bagian pertama.",
                "Isi halaman 3 bagian pertama.");
    }

    @Test
    void shouldStopAtMaxPagesWhenPagesNeverEnd() throws Exception {
        ExtractedArticle article = extractor.extract(page(1, URL + "?page=2"), URL, null, url -> {
            int n = Integer.parseInt(url.substring(url.indexOf("page=") + 5));
            return page(n, URL + "?page=" + (n + 1));
        });

        assertThat(article.pageCount()).isEqualTo(ArticleExtractor.MAX_PAGES);
        assertThat(article.bodyParagraphs()).hasSize(ArticleExtractor.MAX_PAGES).last().isEqualTo("Isi halaman 20 bagian pertama.");
    }

    @Test
    void shouldKeepFirstPageWhenNextPageFails() throws Exception {
        ExtractedArticle article = extractor.extract(page(1, URL + "?page=2"), URL, null, url -> {
            throw new IOException("HTTP 404");
        });

        assertThat(article.pageCount()).isEqualTo(1);
        assertThat(article.bodyParagraphs()).containsExactly("Isi halaman 1 bagian pertama.");
    }

    // issue #3 (once per version): a next page that failed for a passing reason must not end the article, published truncated
    @Test
    void shouldLetPassingFailureOfNextPageThrough() {
        TransientPageException busy = new TransientPageException(URL + "?page=2", "HTTP_5XX", "HTTP 503");

        assertThatThrownBy(() -> extractor.extract(page(1, URL + "?page=2"), URL, null, url -> {
            throw busy;
        })).isSameAs(busy);
    }

    @Test
    void shouldLetPassingFailureOfShowAllPageThrough() {
        String first = article("", "<article><p>Isi halaman 1 bagian pertama.</p></article>"
                + "<a href=\"?page=2\">Halaman selanjutnya</a><a href=\"?page=all\">Tampilkan semua</a>");
        TransientPageException busy = new TransientPageException(URL + "?page=all", "TIMEOUT", "no answer in 2 s");

        assertThatThrownBy(() -> extractor.extract(first, URL, null, url -> {
            throw busy;
        })).isSameAs(busy);
    }

    // issue #3: a show-all page that cannot be had dropped the next-page link with it, so only page 1 was published
    @Test
    void shouldFollowPageLinksWhenShowAllPageCannotBeHad() throws Exception {
        String first = article("", "<article><p>Isi halaman 1 bagian pertama.</p></article>"
                + "<a href=\"?page=2\">Halaman selanjutnya</a><a href=\"?page=all\">Tampilkan semua</a>");
        List<String> loaded = new ArrayList<>();

        ExtractedArticle article = extractor.extract(first, URL, null, url -> {
            loaded.add(url);
            if (url.endsWith("page=all")) {
                throw new IOException("HTTP 404");
            }
            return url.endsWith("page=2") ? page(2, "") : null;
        });

        assertThat(loaded).containsExactly(URL + "?page=all", URL + "?page=2");
        assertThat(article.bodyParagraphs()).containsExactly("Isi halaman 1 bagian pertama.", "Isi halaman 2 bagian pertama.");
        assertThat(article.pageCount()).isEqualTo(2);
    }

    @Test
    void shouldNotFollowNextPageOnOtherHost() throws Exception {
        List<String> loaded = new ArrayList<>();

        ExtractedArticle article = extractor.extract(page(1, "https://iklan.example.com/?page=2"), URL, null, url -> {
            loaded.add(url);
            return null;
        });

        assertThat(loaded).isEmpty();
        assertThat(article.pageCount()).isEqualTo(1);
    }

    @Test
    void shouldUseShowAllPageInsteadOfFollowingPages() throws Exception {
        String first = article("", "<article><p>Isi halaman 1 bagian pertama.</p></article>"
                + "<a href=\"?page=2\">Halaman selanjutnya</a><a href=\"?page=all\">Tampilkan semua</a>");
        String all = article("", "<article><p>Isi halaman 1 bagian pertama.</p><p>Isi halaman 2 bagian pertama.</p></article>");
        List<String> loaded = new ArrayList<>();

        ExtractedArticle article = extractor.extract(first, URL, null, url -> {
            loaded.add(url);
            return url.endsWith("page=all") ? all : null;
        });

        assertThat(loaded).containsExactly(URL + "?page=all");
        assertThat(article.bodyParagraphs()).containsExactly("Isi halaman 1 bagian pertama.", "Isi halaman 2 bagian pertama.");
        assertThat(article.pageCount()).isEqualTo(1);
    }

    @Test
    void shouldStripSiteNameFromTitle() {
        assertThat(PageFields.stripSiteName("Judul Berita - Tribunpontianak.co.id", null)).isEqualTo("Judul Berita");
        assertThat(PageFields.stripSiteName("Judul Berita | InfoPublik", "InfoPublik")).isEqualTo("Judul Berita");
        assertThat(PageFields.stripSiteName("Harisson - Netralitas Harga Mati", "KalbarOnline")).isEqualTo("Harisson - Netralitas Harga Mati");
    }
}
