package id.pantau.index.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.index.TestArticles;
import id.pantau.index.indexing.ArticleDocumentMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchFiltersTest {

    private final Map<String, Object> pontianak =
            new ArticleDocumentMapper().toDocument(TestArticles.pontianak("a1", 1, "kalbar-online"), Instant.EPOCH);

    @Test
    void shouldReadRepeatedAndCommaSeparatedValues() {
        Map<String, List<String>> params = Map.of("outlet", List.of("a,b", "c"), "region", List.of("61.71"), "from", List.of("2024-08-01"),
                "to", List.of("2024-08-31"));

        SearchFilters filters = SearchFilters.fromQuery(name -> params.getOrDefault(name, List.of()));

        assertThat(filters.outlets()).containsExactly("a", "b", "c");
        assertThat(filters.regions()).containsExactly("61.71");
        assertThat(filters.from()).isEqualTo(Instant.parse("2024-08-01T00:00:00Z"));
        assertThat(filters.to()).isEqualTo(Instant.parse("2024-08-31T23:59:59.999Z"));
    }

    @Test
    void shouldAnswer400ForAMalformedDate() {
        assertThatThrownBy(() -> SearchFilters.fromQuery(name -> name.equals("from") ? List.of("26/08/2024") : List.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("from: expected yyyy-MM-dd or an ISO-8601 instant, got '26/08/2024'");
    }

    @Test
    void shouldMatchARegionAtAnyLevel() {
        assertThat(filters(List.of(), List.of("61"), List.of()).matches(pontianak)).isTrue();
        assertThat(filters(List.of(), List.of("61.71"), List.of()).matches(pontianak)).isTrue();
        assertThat(filters(List.of(), List.of("61.04"), List.of()).matches(pontianak)).isFalse();
    }

    @Test
    void shouldRequireEveryFilterToMatch() {
        assertThat(filters(List.of("kalbar-online"), List.of("61"), List.of("neutrality.asn")).matches(pontianak)).isTrue();
        assertThat(filters(List.of("other-outlet"), List.of("61"), List.of("neutrality.asn")).matches(pontianak)).isFalse();
        assertThat(filters(List.of("kalbar-online"), List.of("61"), List.of("violence")).matches(pontianak)).isFalse();
    }

    @Test
    void shouldMatchFreeTextWordsCaseInsensitively() {
        SearchFilters text = new SearchFilters("NETRALITAS asn", List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        SearchFilters missing = new SearchFilters("banjir", List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

        assertThat(text.matches(pontianak)).isTrue();
        assertThat(missing.matches(pontianak)).isFalse();
    }

    @Test
    void shouldFilterOnThePublicationDate() {
        SearchFilters before = new SearchFilters("", List.of(), List.of(), List.of(), List.of(), List.of(), null, Instant.parse("2024-08-25T00:00:00Z"));
        SearchFilters around = new SearchFilters("", List.of(), List.of(), List.of(), List.of(), List.of(),
                Instant.parse("2024-08-26T00:00:00Z"), Instant.parse("2024-08-27T00:00:00Z"));

        assertThat(before.matches(pontianak)).isFalse();
        assertThat(around.matches(pontianak)).isTrue();
    }

    private static SearchFilters filters(List<String> outlets, List<String> regions, List<String> topics) {
        return new SearchFilters("", outlets, regions, List.of(), List.of(), topics, null, null);
    }
}
