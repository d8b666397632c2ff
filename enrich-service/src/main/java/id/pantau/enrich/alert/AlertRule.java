package id.pantau.enrich.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.RegionTag;
import id.pantau.schemas.avro.TopicTag;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One alert rule: a topic with a minimum score, plus optional region, official and outlet filters
 * (an empty filter lets everything through). Immutable.
 *
 * @param id unique rule id
 * @param topic topic id that must be tagged
 * @param minScore lowest topic score that counts, in (0, 1]
 * @param regions region codes; a tagged region matches by its code or its province code
 * @param officials official ids, one of which must be tagged
 * @param outlets outlet ids, one of which must be the article's
 */
public record AlertRule(String id, String topic, double minScore, List<String> regions, List<String> officials, List<String> outlets) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("alert rule id: expected letters, digits, '.', '_' or '-', got '" + id + "'");
        }
        if (!(minScore > 0 && minScore <= 1)) {
            throw new IllegalArgumentException("alert rule " + id + ": minScore: expected a number in (0, 1], got " + minScore);
        }
        regions = List.copyOf(regions);
        officials = List.copyOf(officials);
        outlets = List.copyOf(outlets);
    }

    @JsonCreator
    static AlertRule fromYaml(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "topic", required = true) String topic,
            @JsonProperty("minScore") @Nullable Double minScore,
            @JsonProperty("regions") @Nullable List<String> regions,
            @JsonProperty("officials") @Nullable List<String> officials,
            @JsonProperty("outlets") @Nullable List<String> outlets) {
        return new AlertRule(id, topic, minScore == null ? 0.5 : minScore,
                regions == null ? List.of() : regions, officials == null ? List.of() : officials, outlets == null ? List.of() : outlets);
    }

    /** The topic tag that makes {@code article} match this rule, or null when it does not match. */
    public @Nullable TopicTag match(EnrichedArticle article) {
        TopicTag topicTag = null;
        for (TopicTag tag : article.getTopics()) {
            if (tag.getTopic().equals(topic) && tag.getScore() >= minScore) {
                topicTag = tag;
            }
        }
        if (topicTag == null) {
            return null;
        }
        if (!outlets.isEmpty() && !outlets.contains(article.getArticle().getOutletId())) {
            return null;
        }
        if (!regions.isEmpty() && article.getRegions().stream().noneMatch(this::regionMatches)) {
            return null;
        }
        if (!officials.isEmpty() && article.getOfficials().stream().map(OfficialTag::getOfficialId).noneMatch(officials::contains)) {
            return null;
        }
        return topicTag;
    }

    private boolean regionMatches(RegionTag region) {
        return regions.contains(region.getCode()) || regions.contains(region.getProvinceCode());
    }
}
