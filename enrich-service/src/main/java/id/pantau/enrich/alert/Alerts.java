package id.pantau.enrich.alert;

import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.RegionTag;
import id.pantau.schemas.avro.TopicTag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds {@link Alert} records. Stateless. */
public final class Alerts {

    private Alerts() {}

    /** Stable alert id: hex of the first 16 bytes of SHA-256 over rule id and story cluster id. */
    public static String alertId(String ruleId, String storyClusterId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((ruleId + '\u0000' + storyClusterId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The alert {@code rule} raises for {@code article} (whose story cluster is already set). */
    public static Alert of(AlertRule rule, TopicTag topic, EnrichedArticle article, Instant raisedAt) {
        var raw = article.getArticle();
        return Alert.newBuilder()
                .setAlertId(alertId(rule.id(), article.getStoryClusterId()))
                .setRuleId(rule.id())
                .setArticleId(raw.getArticleId())
                .setArticleVersion(raw.getVersion())
                .setStoryClusterId(article.getStoryClusterId())
                .setOutletId(raw.getOutletId())
                .setTitle(raw.getTitle())
                .setUrl(raw.getCanonicalUrl())
                .setReason(reason(topic, article))
                .setRaisedAt(raisedAt)
                .build();
    }

    static String reason(TopicTag topic, EnrichedArticle article) {
        StringBuilder reason = new StringBuilder("topic ").append(topic.getTopic())
                .append(String.format(Locale.ROOT, " (score %.3f)", topic.getScore()));
        String regions = article.getRegions().stream().map(RegionTag::getName).distinct().collect(Collectors.joining(", "));
        if (!regions.isEmpty()) {
            reason.append("; regions: ").append(regions);
        }
        String officials = article.getOfficials().stream().map(OfficialTag::getName).distinct().collect(Collectors.joining(", "));
        if (!officials.isEmpty()) {
            reason.append("; officials: ").append(officials);
        }
        return reason.toString();
    }
}
