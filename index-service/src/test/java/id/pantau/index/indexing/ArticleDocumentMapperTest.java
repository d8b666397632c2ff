package id.pantau.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.index.TestArticles;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleDocumentMapperTest {

    private static final Instant INDEXED = Instant.parse("2024-08-26T04:00:00Z");
    private final ArticleDocumentMapper mapper = new ArticleDocumentMapper();

    @Test
    void shouldFlattenFacetsPerRegionLevel() {
        Map<String, Object> doc = mapper.toDocument(TestArticles.mempawah("a1", 2, "tribun-pontianak"), INDEXED);

        assertThat(doc.get("region_codes")).isEqualTo(List.of("61", "61.04", "61.04.01"));
        assertThat(doc.get("province_codes")).isEqualTo(List.of("61"));
        assertThat(doc.get("province_names")).isEqualTo(List.of("Kalimantan Barat"));
        assertThat(doc.get("regency_codes")).isEqualTo(List.of("61.04"));
        assertThat(doc.get("regency_names")).isEqualTo(List.of("Kabupaten Mempawah"));
        assertThat(doc.get("district_names")).isEqualTo(List.of("Mempawah Hilir"));
    }

    @Test
    void shouldCountACityAsTheRegencyLevel() {
        Map<String, Object> doc = mapper.toDocument(TestArticles.pontianak("a2", 1, "kalbar-online"), INDEXED);

        assertThat(doc.get("regency_codes")).isEqualTo(List.of("61.71"));
        assertThat(doc.get("district_codes")).isEqualTo(List.of());
    }

    @Test
    void shouldMapIdentityVersionDatesAndTags() {
        Map<String, Object> doc = mapper.toDocument(TestArticles.pontianak("a2", 3, "kalbar-online"), INDEXED);

        assertThat(doc.get("article_id")).isEqualTo("a2");
        assertThat(doc.get("version")).isEqualTo(3);
        assertThat(doc.get("outlet")).isEqualTo("kalbar-online");
        assertThat(doc.get("published_at")).isEqualTo(TestArticles.PUBLISHED.toEpochMilli());
        assertThat(doc.get("indexed_at")).isEqualTo(INDEXED.toEpochMilli());
        assertThat(doc.get("official_ids")).isEqualTo(List.of("off-harisson"));
        assertThat(doc.get("official_offices")).isEqualTo(List.of("Penjabat Gubernur"));
        assertThat(doc.get("organisation_ids")).isEqualTo(List.of("bawaslu:61"));
        assertThat(doc.get("topics")).isEqualTo(List.of("neutrality.asn"));
        assertThat(doc.get("story_cluster_id")).isEqualTo("cluster-a2");
        assertThat(doc.get("authors")).isEqualTo(List.of("Redaksi Uji"));
        assertThat(doc.get("body")).isEqualTo("Pemerintah provinsi mengingatkan seluruh pegawai agar tidak berpihak selama masa kampanye (versi 3)."
                + "\n\nPengawas pemilu akan menerima laporan warga bila ada pelanggaran.");
        assertThat(doc.get("quotes")).isEqualTo(List.of(Map.of("text", "Pegawai negeri wajib berdiri di tengah", "speaker", "Harisson",
                "speaker_official_id", "off-harisson", "offset", 12)));
    }

    @Test
    void shouldOnlyProduceFieldsTheStrictMappingDeclares() throws IOException {
        JsonNode properties = mappingProperties();
        Map<String, Object> doc = mapper.toDocument(TestArticles.mempawah("a3", 1, "tribun-pontianak"), INDEXED);

        List<String> undeclared = new ArrayList<>();
        collectUndeclared("", doc, properties, undeclared);

        assertThat(undeclared).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void collectUndeclared(String path, Map<String, Object> doc, JsonNode properties, List<String> out) {
        doc.forEach((field, value) -> {
            JsonNode declared = properties.get(field);
            if (declared == null) {
                out.add(path + field);
                return;
            }
            Object sample = value instanceof List<?> list && !list.isEmpty() ? list.get(0) : value;
            if (sample instanceof Map<?, ?> nested) {
                collectUndeclared(path + field + ".", (Map<String, Object>) nested, declared.get("properties"), out);
            }
        });
    }

    private static JsonNode mappingProperties() throws IOException {
        try (InputStream in = ArticleDocumentMapper.class.getResourceAsStream("/es/articles-v1.json")) {
            JsonNode template = new ObjectMapper().readTree(in);
            assertThat(template.at("/template/mappings/dynamic").asText()).isEqualTo("strict");
            return template.at("/template/mappings/properties");
        }
    }
}
