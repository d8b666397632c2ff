package id.pantau.index.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Search over the articles alias: free text with the standard analyzer, filters, facet counts and
 * pagination; article lookup; alert listing; and the ordered scan the live feed resumes from.
 * Thread-safe.
 */
public final class SearchService {

    /** Facet name to the keyword field it counts. */
    static final Map<String, String> FACETS = facets();
    private static final int FACET_SIZE = 20;
    private static final int MAX_WINDOW = 10_000;
    private static final int MAX_HISTOGRAM_DAYS = 731;

    private final ElasticsearchClient es;
    private final String articlesAlias;
    private final String alertsAlias;

    public SearchService(ElasticsearchClient es, String articlesAlias, String alertsAlias) {
        this.es = es;
        this.articlesAlias = articlesAlias;
        this.alertsAlias = alertsAlias;
    }

    /** One facet value and how many matching articles carry it. */
    public record FacetCount(String key, long count) {}

    /** A page of search results. */
    public record SearchPage(long total, int page, int size, List<Map<String, Object>> hits, Map<String, List<FacetCount>> facets) {}

    /** Searches with {@code filters}; {@code page} counts from 0. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public SearchPage search(SearchFilters filters, int page, int size) throws IOException {
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw new ApiException(400, "page * size must stay within " + MAX_WINDOW + " results; narrow the filters");
        }
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        FACETS.forEach((name, field) -> aggs.put(name, Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)))));
        SearchResponse<Map> response = es.search(s -> {
            s.index(articlesAlias).query(query(filters)).from(page * size).size(size).trackTotalHits(t -> t.enabled(true)).aggregations(aggs);
            if (!filters.q().isEmpty()) {
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            }
            return s.sort(o -> o.field(f -> f.field("published_at").order(SortOrder.Desc).missing("_last")))
                    .sort(o -> o.field(f -> f.field("article_id").order(SortOrder.Asc)));
        }, Map.class);
        List<Map<String, Object>> hits = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            hits.add(summary((Map<String, Object>) hit.source(), hit.score()));
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String name : FACETS.keySet()) {
            List<FacetCount> counts = new ArrayList<>();
            for (StringTermsBucket bucket : response.aggregations().get(name).sterms().buckets().array()) {
                counts.add(new FacetCount(bucket.key().stringValue(), bucket.docCount()));
            }
            facets.put(name, counts);
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchPage(total, page, size, hits, facets);
    }

    /** Matching articles published on one UTC day ({@code yyyy-MM-dd}). */
    public record DayCount(String date, long count) {}

    /** Mentions per day: one bucket per UTC day of {@code published_at}, gaps included as 0. */
    public record Histogram(String field, String interval, @JsonProperty("time_zone") String timeZone, List<DayCount> buckets) {}

    /**
     * Articles per publication day (UTC) that pass {@code filters}, which must name an official or a
     * region: a {@code date_histogram} with empty days filled in, and stretched to the whole
     * {@code from..to} range when both are given (at most {@value #MAX_HISTOGRAM_DAYS} days).
     *
     * @throws ApiException 400 without an official or region, or for a longer range
     */
    public Histogram histogram(SearchFilters filters) throws IOException {
        if (filters.officials().isEmpty() && filters.regions().isEmpty()) {
            throw new ApiException(400, "histogram: give official= or region=");
        }
        boolean bounded = filters.from() != null && filters.to() != null;
        if (bounded && Duration.between(filters.from(), filters.to()).toDays() >= MAX_HISTOGRAM_DAYS) {
            throw new ApiException(400, "histogram: from..to may span at most " + MAX_HISTOGRAM_DAYS + " days");
        }
        SearchResponse<Void> response = es.search(s -> s.index(articlesAlias).query(query(filters)).size(0)
                .aggregations("per_day", a -> a.dateHistogram(d -> {
                    d.field("published_at").calendarInterval(CalendarInterval.Day).timeZone("UTC").format("yyyy-MM-dd").minDocCount(0);
                    if (bounded) {
                        d.extendedBounds(b -> b.min(FieldDateMath.of(m -> m.value(filters.from().toEpochMilli())))
                                .max(FieldDateMath.of(m -> m.value(filters.to().toEpochMilli()))));
                    }
                    return d;
                })), Void.class);
        List<DayCount> days = new ArrayList<>();
        for (DateHistogramBucket bucket : response.aggregations().get("per_day").dateHistogram().buckets().array()) {
            days.add(new DayCount(bucket.keyAsString(), bucket.docCount()));
        }
        return new Histogram("published_at", "day", "UTC", days);
    }

    /** The stored article, or null when there is none. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public @Nullable Map<String, Object> article(String id) throws IOException {
        GetResponse<Map> response = es.get(g -> g.index(articlesAlias).id(id), Map.class);
        return response.found() ? (Map<String, Object>) response.source() : null;
    }

    /** Alerts, newest first, optionally of one rule. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Map<String, Object> alerts(@Nullable String ruleId, int page, int size) throws IOException {
        Query query = ruleId == null || ruleId.isBlank() ? Query.of(q -> q.matchAll(m -> m)) : Query.of(q -> q.term(t -> t.field("rule_id").value(ruleId)));
        SearchResponse<Map> response = es.search(s -> s.index(alertsAlias).query(query).from(page * size).size(size)
                .sort(o -> o.field(f -> f.field("raised_at").order(SortOrder.Desc))), Map.class);
        List<Map<String, Object>> hits = response.hits().hits().stream().map(h -> (Map<String, Object>) h.source()).toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return Map.of("total", total, "page", page, "size", size, "alerts", hits);
    }

    /**
     * Articles passing {@code filters} whose feed position {@code (indexed_at, article_id)} is after
     * {@code after} and at or before {@code upTo}, oldest first, at most {@code limit}: one page of
     * the catch-up part of a resumed live feed. Refreshes the articles index first when
     * {@code refresh}, so every document acknowledged so far is visible.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<Map<String, Object>> indexedBetween(SearchFilters filters, FeedHub.Position after, FeedHub.Position upTo, int limit,
            boolean refresh) throws IOException {
        if (refresh) {
            es.indices().refresh(r -> r.index(articlesAlias));
        }
        Query bounded = Query.of(q -> q.bool(b -> {
            b.filter(query(filters)).filter(f -> f.range(r -> r.untyped(u -> u.field("indexed_at").format("epoch_millis")
                    .lte(JsonData.of(upTo.indexedAt())))));
            if (after.articleId() == null) {
                // The end of a millisecond: everything from the next one on.
                b.filter(f -> f.range(r -> r.untyped(u -> u.field("indexed_at").format("epoch_millis").gt(JsonData.of(after.indexedAt())))));
            }
            return b;
        }));
        SearchResponse<Map> response = es.search(s -> {
            s.index(articlesAlias).query(bounded).size(limit)
                    .sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("article_id").order(SortOrder.Asc)));
            return after.articleId() == null ? s : s.searchAfter(FieldValue.of(after.indexedAt()), FieldValue.of(after.articleId()));
        }, Map.class);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, Object> doc = (Map<String, Object>) hit.source();
            if (FeedHub.event(doc).position().compareTo(upTo) <= 0) {
                out.add(doc);
            }
        }
        return out;
    }

    /** The Elasticsearch query for {@code filters}. */
    static Query query(SearchFilters f) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (f.q().isEmpty()) {
            bool.must(m -> m.matchAll(a -> a));
        } else {
            bool.must(m -> m.simpleQueryString(s -> s.query(f.q()).fields("title^3", "lead^2", "body").defaultOperator(Operator.And)));
        }
        terms(bool, "outlet", f.outlets());
        terms(bool, "region_codes", f.regions());
        terms(bool, "official_ids", f.officials());
        terms(bool, "organisation_ids", f.organisations());
        terms(bool, "topics", f.topics());
        if (f.from() != null || f.to() != null) {
            bool.filter(q -> q.range(r -> r.untyped(u -> {
                u.field("published_at").format("epoch_millis");
                if (f.from() != null) {
                    u.gte(JsonData.of(f.from().toEpochMilli()));
                }
                if (f.to() != null) {
                    u.lte(JsonData.of(f.to().toEpochMilli()));
                }
                return u;
            })));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** The fields of an article a result list or feed event shows. */
    static Map<String, Object> summary(Map<String, Object> doc, @Nullable Double score) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : List.of("article_id", "version", "outlet", "title", "lead", "url", "section", "authors", "published_at",
                "indexed_at", "story_cluster_id", "region_codes", "region_names", "official_ids", "official_names", "organisation_ids",
                "organisation_names", "topics")) {
            Object value = doc.get(field);
            if (value != null) {
                out.put(field, value);
            }
        }
        if (score != null && !score.isNaN()) {
            out.put("score", score);
        }
        return out;
    }

    private static void terms(BoolQuery.Builder bool, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
            bool.filter(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
        }
    }

    private static Map<String, String> facets() {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("outlet", "outlet");
        facets.put("region", "region_codes");
        facets.put("province", "province_names");
        facets.put("regency", "regency_names");
        facets.put("district", "district_names");
        facets.put("official", "official_ids");
        facets.put("organisation", "organisation_ids");
        facets.put("topic", "topics");
        return Collections.unmodifiableMap(facets);
    }
}
