package id.pantau.index.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The filters shared by search and the live feed: free text plus outlet, region (a code at any
 * level), official id, organisation id, topic and a publication date range. Each list filter
 * matches any of its values; different filters must all match. Immutable.
 *
 * @param q free text, or empty
 * @param from published at or after, or null
 * @param to published at or before, or null
 */
public record SearchFilters(
        String q,
        List<String> outlets,
        List<String> regions,
        List<String> officials,
        List<String> organisations,
        List<String> topics,
        @Nullable Instant from,
        @Nullable Instant to) {

    public SearchFilters {
        outlets = List.copyOf(outlets);
        regions = List.copyOf(regions);
        officials = List.copyOf(officials);
        organisations = List.copyOf(organisations);
        topics = List.copyOf(topics);
        if (from != null && to != null && from.isAfter(to)) {
            throw new ApiException(400, "from must not be after to");
        }
    }

    /** No filter at all. */
    public static SearchFilters none() {
        return new SearchFilters("", List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /**
     * Reads filters from query parameters {@code q, outlet, region, official, organisation, topic,
     * from, to} (list filters may repeat or hold commas; dates are ISO instants or {@code yyyy-MM-dd}).
     *
     * @throws ApiException 400 for a malformed date
     */
    public static SearchFilters fromQuery(Function<String, List<String>> params) {
        return new SearchFilters(
                String.join(" ", params.apply("q")).strip(),
                list(params.apply("outlet")),
                list(params.apply("region")),
                list(params.apply("official")),
                list(params.apply("organisation")),
                list(params.apply("topic")),
                date("from", params.apply("from"), false),
                date("to", params.apply("to"), true));
    }

    /** True when the article document {@code doc} passes every filter (used by the live feed). */
    public boolean matches(Map<String, Object> doc) {
        if (!anyOf(outlets, doc.get("outlet")) || !anyOf(regions, doc.get("region_codes")) || !anyOf(officials, doc.get("official_ids"))
                || !anyOf(organisations, doc.get("organisation_ids")) || !anyOf(topics, doc.get("topics"))) {
            return false;
        }
        if (from != null || to != null) {
            if (!(doc.get("published_at") instanceof Long published)) {
                return false;
            }
            if ((from != null && published < from.toEpochMilli()) || (to != null && published > to.toEpochMilli())) {
                return false;
            }
        }
        if (!q.isEmpty()) {
            String text = (doc.getOrDefault("title", "") + " " + doc.getOrDefault("lead", "") + " " + doc.getOrDefault("body", ""))
                    .toLowerCase(Locale.ROOT);
            for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!text.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean anyOf(List<String> wanted, @Nullable Object value) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(wanted::contains);
        }
        return value != null && wanted.contains(value.toString());
    }

    private static List<String> list(List<String> raw) {
        return raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static @Nullable Instant date(String name, List<String> raw, boolean endOfDay) {
        if (raw.isEmpty() || raw.get(0).isBlank()) {
            return null;
        }
        String value = raw.get(0).strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1) : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, name + ": expected yyyy-MM-dd or an ISO-8601 instant, got '" + value + "'");
        }
    }
}
