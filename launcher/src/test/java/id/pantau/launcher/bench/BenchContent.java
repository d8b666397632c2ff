package id.pantau.launcher.bench;

import id.pantau.launcher.demo.DemoContent;
import id.pantau.launcher.demo.DemoContent.DemoArticle;
import id.pantau.launcher.demo.DemoContent.DemoOutlet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Made-up articles for the pipeline bench, each a story of its own: a few sentences about a
 * Kalimantan regency around the 2024 regional election, padded with invented village and resident
 * names (about 150 of them) so that no two articles share enough words to fall into one story cluster
 * (enrich-service clusters at a content-word Jaccard similarity of 0.2 by default). Every
 * {@code alertEvery}-th article asks civil servants to stay neutral in a Kalimantan regency, which the
 * shipped rule {@code neutrality-appeal-kalimantan} alerts on. Deterministic for a seed.
 */
final class BenchContent {

    /** Rule of enrich-service's alert-rules.yaml that the neutrality articles match. */
    static final String ALERT_RULE = "neutrality-appeal-kalimantan";

    private static final List<String> REGENCIES = List.of("Mempawah", "Sambas", "Bengkayang", "Sanggau", "Sintang", "Ketapang",
            "Kapuas Hulu", "Melawi", "Sekadau", "Kayong Utara", "Bulungan", "Malinau", "Nunukan", "Berau", "Paser", "Kotawaringin Barat");
    private static final List<String> SYLLABLES = List.of("ba", "da", "ga", "ka", "la", "ma", "na", "pa", "ra", "sa", "ta", "wa", "bi",
            "di", "ki", "li", "mi", "ni", "ri", "si", "ti", "bu", "du", "gu", "ku", "lu", "mu", "nu", "ru", "su", "tu", "yo", "ng", "an",
            "ong", "em", "ir", "ul", "ep", "ot");

    private BenchContent() {}

    /** {@code outlets} stand-in outlets ({@code bench-01}, ...) and {@code articles} articles spread over them in turn. */
    static DemoContent generate(int outlets, int articles, int alertEvery, long seed) {
        List<DemoOutlet> outletList = new ArrayList<>();
        for (int i = 1; i <= outlets; i++) {
            outletList.add(new DemoOutlet(String.format("bench-%02d", i), "Bench Outlet " + i, List.of("61")));
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<DemoArticle> articleList = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            String outlet = outletList.get(i % outlets).id();
            boolean neutrality = alertEvery > 0 && i % alertEvery == 0;
            articleList.add(article(outlet, i, neutrality, random));
        }
        return new DemoContent(outletList, articleList);
    }

    /** True when the article at {@code index} of a generated set is a neutrality appeal (it raises an alert). */
    static boolean raisesAlert(int index, int alertEvery) {
        return alertEvery > 0 && index % alertEvery == 0;
    }

    private static DemoArticle article(String outlet, int index, boolean neutrality, SplittableRandom random) {
        String regency = REGENCIES.get(random.nextInt(REGENCIES.size()));
        String village = name(random);
        String resident = name(random) + " " + name(random);
        List<String> paragraphs = new ArrayList<>();
        if (neutrality) {
            paragraphs.add(regency.toUpperCase() + " - Pemerintah Kabupaten " + regency + " mengingatkan seluruh ASN dan kepala desa agar"
                    + " menjaga netralitas menjelang pemungutan suara Pilkada 27 November 2024 di Desa " + village + ".");
        } else {
            paragraphs.add(regency.toUpperCase() + " - Warga Desa " + village + " di Kabupaten " + regency
                    + " bergotong royong memperbaiki jalan dan jembatan kayu menjelang musim hujan tahun ini.");
        }
        paragraphs.add("Kegiatan itu diikuti warga dari dusun " + names(random, 40) + ". Menurut " + resident
                + ", pekerjaan dibagi per kelompok sejak pagi hari.");
        paragraphs.add("Panitia mencatat bantuan dari keluarga " + names(random, 40) + ", sementara bahan bangunan dibawa dari gudang "
                + names(random, 30) + ".");
        paragraphs.add("Rapat berikutnya direncanakan di balai " + names(random, 20) + " dengan mengundang tokoh adat " + names(random, 20)
                + ".");
        String title = (neutrality ? "ASN " + regency + " Diingatkan Menjaga Netralitas di Desa " : "Warga Gotong Royong di Desa ") + village
                + " (" + (index + 1) + ")";
        return new DemoArticle(outlet, "bench-" + (index + 1) + "-" + village.toLowerCase(), title, "Redaksi Bench", regency, List.of(regency),
                paragraphs);
    }

    private static String names(SplittableRandom random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : i == count - 1 ? " dan " : ", ").append(name(random));
        }
        return out.toString();
    }

    /** An invented proper name of two or three syllables, e.g. "Kanuri". */
    private static String name(SplittableRandom random) {
        StringBuilder name = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES.get(random.nextInt(SYLLABLES.size())));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
