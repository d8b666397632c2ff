package id.pantau.schemas.serde;

import id.pantau.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.List;

/** Test records written in the project's own words. */
final class Records {

    private Records() {}

    static RawArticle rawArticle() {
        return RawArticle.newBuilder()
                .setArticleId("a1b2c3")
                .setVersion(1)
                .setOutletId("tribun-pontianak")
                .setUrl("http://127.0.0.1/mempawah/asn-netral?utm_source=feed")
                .setCanonicalUrl("http://127.0.0.1/mempawah/asn-netral")
                .setFetchedAt(Instant.parse("2024-11-19T06:40:00Z"))
                .setPublishedAt(Instant.parse("2024-11-19T06:39:00Z"))
                .setTitle("Pj Bupati Mempawah minta ASN jaga netralitas")
                .setDateline("TRIBUNPONTIANAK.CO.ID, MEMPAWAH -")
                .setDatelinePlace("Mempawah")
                .setAuthors(List.of("Penulis Contoh"))
                .setEditor("Editor Contoh")
                .setBodyParagraphs(List.of(
                        "Penjabat Bupati Mempawah Ismail mengingatkan aparatur sipil negara agar tidak memihak.",
                        "Rapat koordinasi digelar bersama Bawaslu pada Senin."))
                .setContentHash("deadbeef")
                .setExtractionMethod("profile")
                .build();
    }
}
