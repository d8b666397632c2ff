package id.pantau.ingest.it;

/** Article pages of the integration tests, written for pantau from the seeds' facts. */
final class FixtureArticles {

    private FixtureArticles() {}

    static String page(String title, String... paragraphs) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append(" - Fixture</title></head><body><nav><a href=\"/\">Beranda</a></nav><article><h1>")
                .append(title).append("</h1>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(paragraph).append("</p>");
        }
        return html.append("</article><footer>Hak cipta Fixture</footer></body></html>").toString();
    }

    static String rakor() {
        return page("Bawaslu Kalbar gelar rakor netralitas ASN dan kades",
                "Rapat koordinasi soal kesiapsiagaan menjaga netralitas aparatur sipil negara dan kepala desa digelar di Pontianak pada 18 November 2024.",
                "Penjabat Bupati Mempawah, Ismail, menyebut sikap netral ASN dan kades sebagai syarat pokok pilkada yang jujur.");
    }

    static String rakorEdited() {
        return page("Bawaslu Kalbar gelar rakor netralitas ASN dan kades",
                "Rapat koordinasi soal kesiapsiagaan menjaga netralitas aparatur sipil negara dan kepala desa digelar di Pontianak pada 18 November 2024.",
                "Penjabat Bupati Mempawah, Ismail, menyebut sikap netral ASN dan kades sebagai syarat pokok pilkada yang jujur.",
                "Pembaruan: pemerintah kabupaten akan memantau unggahan pegawai di media sosial sampai hari pemungutan suara.");
    }

    static String togap() {
        return page("Pjs Gubernur Kaltara minta ASN Bulungan tidak berpihak",
                "Dalam kunjungan kerja ke Kabupaten Bulungan, Pjs Gubernur Kalimantan Utara Togap Simangunsong menyoroti kesiapan pilkada serentak 2024.",
                "Togap mengingatkan bahwa pilkada tahun ini berlangsung di 37 provinsi dan 508 kabupaten serta kota.");
    }

    static String gallery() {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Galeri foto</title></head>"
                + "<body><div class=\"gallery\"><img src=\"/1.jpg\" alt=\"\"><img src=\"/2.jpg\" alt=\"\"></div></body></html>";
    }
}
