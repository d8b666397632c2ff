package id.pantau.launcher.e2e;

import id.pantau.launcher.demo.DemoContent;
import id.pantau.launcher.demo.DemoContent.DemoArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the demo site publishes in {@link PipelineFaultsIT}: the bundled demo articles (five stories
 * of five outlets), then KalbarOnline's copy of Tribun Pontianak's Mempawah story (a second outlet,
 * same story: it must not raise a second alert), then the site's second round (each story again
 * under a {@code -2} URL of the same outlet). Two articles are edited while the pipeline runs (a new
 * version each). The copy and the edits are written for this test.
 */
final class E2eContent {

    /** Slug of the Mempawah neutrality story (Tribun Pontianak), copied by KalbarOnline and edited. */
    static final String MEMPAWAH = "ismail-ingatkan-asn-dan-kades-mempawah-tetap-netral";
    /** Slug of KalbarOnline's copy of it. */
    static final String MEMPAWAH_COPY = "pj-bupati-ismail-minta-asn-dan-kades-di-mempawah-netral";
    /** Slug of the Bulungan neutrality story (Suara Borneo), edited. */
    static final String BULUNGAN = "togap-simangunsong-minta-asn-bulungan-jaga-netralitas";
    static final String HARISSON_APEL = "harisson-netralitas-asn-harga-mati-di-apel-mantap-praja";
    static final String HARISSON_RAKOR = "harisson-buka-rakor-netralitas-asn-dan-kepala-desa";
    static final String PONTIANAK = "ani-sofian-ajak-warga-pontianak-jaga-kondusifitas";

    /** Story of each slug (without a round suffix): the slug of the story's first article. */
    static final Map<String, String> STORY_OF_SLUG = Map.of(
            MEMPAWAH, MEMPAWAH,
            MEMPAWAH_COPY, MEMPAWAH,
            HARISSON_APEL, HARISSON_APEL,
            HARISSON_RAKOR, HARISSON_RAKOR,
            BULUNGAN, BULUNGAN,
            PONTIANAK, PONTIANAK);

    private E2eContent() {}

    static DemoContent content() {
        DemoContent bundled = DemoContent.bundled();
        DemoArticle mempawah = bySlug(bundled, MEMPAWAH);
        List<String> paragraphs = new ArrayList<>(mempawah.paragraphs());
        paragraphs.set(0, paragraphs.get(0).replace("MEMPAWAH - ", "PONTIANAK - "));
        paragraphs.add("Berita ini juga dimuat Tribun Pontianak dan disunting ulang oleh redaksi.");
        DemoArticle copy = new DemoArticle("kalbaronline", MEMPAWAH_COPY, "Pj Bupati Ismail Minta ASN dan Kades di Mempawah Tetap Netral",
                "Redaksi Demo", "Mempawah", mempawah.tags(), paragraphs);
        List<DemoArticle> articles = new ArrayList<>(bundled.articles());
        articles.add(copy);
        return new DemoContent(bundled.outlets(), articles);
    }

    /** The Bulungan story with a closing paragraph added. */
    static DemoArticle bulunganEdited(DemoContent content) {
        return withParagraph(bySlug(content, BULUNGAN),
                "Pembaruan: Togap juga meminta camat dan lurah di Bulungan mengawasi perangkatnya hingga hari pemungutan suara.");
    }

    /** The Mempawah story with a closing paragraph added. */
    static DemoArticle mempawahEdited(DemoContent content) {
        return withParagraph(bySlug(content, MEMPAWAH),
                "Pembaruan: jadwal rapat koordinasi berikutnya akan diumumkan Pemerintah Kabupaten Mempawah pekan depan.");
    }

    /** The story of a published slug ({@code -2}, {@code -3}... round suffixes removed). */
    static String storyOf(String slug) {
        String base = slug.replaceFirst("-\\d+$", "");
        String story = STORY_OF_SLUG.get(base);
        if (story == null) {
            throw new IllegalArgumentException("no story for slug " + slug);
        }
        return story;
    }

    private static DemoArticle withParagraph(DemoArticle article, String paragraph) {
        List<String> paragraphs = new ArrayList<>(article.paragraphs());
        paragraphs.add(paragraph);
        return new DemoArticle(article.outlet(), article.slug(), article.title(), article.author(), article.section(), article.tags(),
                paragraphs);
    }

    private static DemoArticle bySlug(DemoContent content, String slug) {
        return content.articles().stream().filter(a -> a.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo content has no article " + slug));
    }
}
