package id.pantau.ingest.extract.generic;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class JsonLdTest {

    @Test
    void shouldSkipScriptsWithoutAnArticleTypeButStillReadEscapedOnes() {
        Document doc = Jsoup.parse("<script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":\"Situs\"}</script>"
                + "<script type=\"application/ld+json\">{\"@type\":\"News\\u0041rticle\",\"headline\":\"Lolos escape\"}</script>"
                + "<script type=\"application/ld+json\">{\"@type\":\"Report\",\"headline\":\"Laporan\"}</script>"
                + "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":[\"Thing\",\"BlogPosting\"],\"headline\":\"Blog\"}]}</script>");
        assertThat(JsonLd.articles(doc)).extracting(n -> n.get("headline").asText()).containsExactly("Lolos escape", "Laporan", "Blog");
        assertThat(JsonLd.firstArticle(doc.select("script")).get("headline").asText()).isEqualTo("Lolos escape");
    }
}
