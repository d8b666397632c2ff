package id.pantau.enrich.topology;

import id.pantau.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.List;

/** Raw articles for tests, written in the project's own words. */
final class Articles {

    private Articles() {}

    static RawArticle raw(String id, int version, String outlet, String title, String... paragraphs) {
        return RawArticle.newBuilder()
                .setArticleId(id)
                .setVersion(version)
                .setOutletId(outlet)
                .setUrl("https://" + outlet + ".example/" + id)
                .setCanonicalUrl("https://" + outlet + ".example/" + id)
                .setFetchedAt(Instant.parse("2024-11-18T08:00:00Z"))
                .setTitle(title)
                .setBodyParagraphs(List.of(paragraphs))
                .setContentHash("hash-" + id + "-" + version)
                .setExtractionMethod("profile")
                .build();
    }

    /** The 18 November 2024 Bawaslu Kalbar coordination meeting, as one outlet tells it. */
    static RawArticle meetingByFirstOutlet(String id, int version) {
        return raw(id, version, "tribun-pontianak", "Pj Bupati Mempawah Ismail Ajak ASN dan Kades Jaga Netralitas",
                "Penjabat Bupati Mempawah Ismail hadir dalam rapat koordinasi kesiapsiagaan netralitas ASN dan kepala desa yang digelar"
                        + " Bawaslu Kalbar di Pontianak pada Senin, 18 November 2024.",
                "Menurut Ismail, sikap netral pegawai dan kepala desa menjadi syarat utama agar pilkada serentak 2024 berjalan jujur.",
                "\u201CKami terus mengingatkan ASN agar menjaga netralitas, termasuk saat bermedia sosial,\u201D ujar Ismail.",
                "Pj Gubernur Kalimantan Barat Harisson dalam rapat itu menyebut ada delapan dugaan pelanggaran netralitas dari 14.851 ASN"
                        + " Pemprov Kalbar.");
    }

    /** The same meeting as a second outlet tells it. */
    static RawArticle meetingBySecondOutlet(String id) {
        return raw(id, 1, "infopublik", "Harisson Buka Rakor Netralitas ASN dan Kepala Desa di Pontianak",
                "Pj Gubernur Kalimantan Barat Harisson membuka rapat koordinasi kesiapsiagaan netralitas ASN dan kepala desa yang digelar"
                        + " Bawaslu Kalbar di Pontianak, Senin 18 November 2024.",
                "Harisson mengingatkan ASN dan kepala desa agar menjaga netralitas selama pilkada serentak 2024 dan tidak ikut tim sukses.",
                "Ia menyebut delapan dugaan pelanggaran netralitas dari 14.851 ASN Pemprov Kalbar sudah ditindaklanjuti.",
                "Penjabat Bupati Mempawah Ismail yang hadir dalam rapat itu mengajak pegawai dan kepala desa bersikap netral.");
    }

    /** A different story: security for the vote in North Kalimantan. */
    static RawArticle securityStory(String id) {
        return raw(id, 1, "suara-borneo", "Ribuan Personel Gabungan Siaga di Kaltara",
                "Sebanyak 7.487 personel gabungan dari Polri, TNI, Satpol PP dan Linmas disiapkan untuk pengamanan Pilkada di Kalimantan Utara.",
                "Aparat akan berjaga di setiap tempat pemungutan suara sampai penghitungan selesai.");
    }
}
