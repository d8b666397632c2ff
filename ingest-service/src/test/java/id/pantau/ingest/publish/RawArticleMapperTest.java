package id.pantau.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.extract.ExtractedArticle;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.SeenArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawArticleMapperTest {

    private static final ExtractedArticle ARTICLE = new ExtractedArticle("https://pontianak.tribunnews.com/2024/11/18/rakor",
            "Pj Bupati Mempawah hadiri rakor netralitas", "Netralitas ASN jadi kunci", Instant.parse("2024-11-18T06:39:00Z"), null,
            "TRIBUNPONTIANAK.CO.ID, MEMPAWAH -", "Mempawah", List.of("Ramadhan"), "Try Juliansyah", "Mempawah", List.of("Pilkada 2024"),
            List.of("Paragraf satu.", "Paragraf dua."), "https://pontianak.tribunnews.com/foto.jpg", "id", "profile", 2);

    @Test
    void shouldMapEveryFieldAndSurviveTheSerdeRoundTrip() {
        RawArticle raw = RawArticleMapper.toRaw(ARTICLE, "tribun-pontianak", "https://pontianak.tribunnews.com/2024/11/18/rakor?utm_source=x",
                "https://pontianak.tribunnews.com/2024/11/18/rakor", "hash", 3, Instant.parse("2024-11-18T07:00:00Z"));

        byte[] bytes = Topics.RAW_ARTICLES.valueSerde().serializer().serialize("news.articles.raw", raw);
        RawArticle back = Topics.RAW_ARTICLES.valueSerde().deserializer().deserialize("news.articles.raw", bytes);

        assertThat(back).isEqualTo(raw);
        assertThat(raw.getArticleId()).isEqualTo(id.pantau.ingest.discovery.ArticleIds.of("https://pontianak.tribunnews.com/2024/11/18/rakor"));
        assertThat(raw.getVersion()).isEqualTo(3);
        assertThat(raw.getDatelinePlace()).isEqualTo("Mempawah");
        assertThat(raw.getAuthors()).containsExactly("Ramadhan");
        assertThat(raw.getEditor()).isEqualTo("Try Juliansyah");
        assertThat(raw.getPageCount()).isEqualTo(2);
        assertThat(raw.getExtractionMethod()).isEqualTo("profile");
        assertThat(raw.getPublishedAt()).isEqualTo(Instant.parse("2024-11-18T06:39:00Z"));
        assertThat(raw.getModifiedAt()).isNull();
    }

    @Test
    void shouldMakeSeenRecordOfPublishedVersion() {
        RawArticle raw = RawArticleMapper.toRaw(ARTICLE, "tribun-pontianak", "u", "https://pontianak.tribunnews.com/2024/11/18/rakor", "hash", 3,
                Instant.parse("2024-11-18T07:00:00Z"));

        SeenArticle seen = RawArticleMapper.toSeen(raw, Instant.parse("2024-11-18T07:00:01Z"));

        assertThat(seen).isEqualTo(SeenArticle.newBuilder().setCanonicalUrl("https://pontianak.tribunnews.com/2024/11/18/rakor")
                .setArticleId(raw.getArticleId()).setContentHash("hash").setVersion(3).setPublishedAt(Instant.parse("2024-11-18T07:00:01Z")).build());
    }
}
