package id.pantau.enrich.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.RegionLevel;
import id.pantau.schemas.avro.RegionTag;
import id.pantau.schemas.avro.TopicTag;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    private static EnrichedArticle article(String outlet, double score) {
        RawArticle raw = RawArticle.newBuilder().setArticleId("a1").setVersion(1).setOutletId(outlet).setUrl("u").setCanonicalUrl("u")
                .setFetchedAt(Instant.EPOCH).setTitle("t").setBodyParagraphs(List.of()).setContentHash("h").setExtractionMethod("profile").build();
        return EnrichedArticle.newBuilder().setArticle(raw)
                .setRegions(List.of(new RegionTag("61.04", "Kabupaten Mempawah", RegionLevel.REGENCY, "61", 2, 10, "explicit-prefix")))
                .setOfficials(List.of(new OfficialTag("ismail", "Ismail", "Penjabat Bupati", "Pj Bupati Mempawah", "61.04", "Kabupaten Mempawah", true, 3)))
                .setOrganisations(List.of()).setQuotes(List.of())
                .setTopics(List.of(new TopicTag("neutrality.appeal", score, List.of())))
                .setStoryClusterId("a1").setEnrichedAt(Instant.EPOCH).build();
    }

    @Test
    void shouldMatchByTopicScoreAndFilters() {
        AlertRule rule = new AlertRule("r", "neutrality.appeal", 0.5, List.of("61"), List.of("ismail"), List.of("tribun-pontianak"));

        assertThat(rule.match(article("tribun-pontianak", 0.75))).isEqualTo(new TopicTag("neutrality.appeal", 0.75, List.of()));
        assertThat(rule.match(article("tribun-pontianak", 0.4))).isNull();
        assertThat(rule.match(article("kalbaronline", 0.75))).isNull();
        assertThat(new AlertRule("r", "neutrality.appeal", 0.5, List.of("65"), List.of(), List.of()).match(article("x", 0.75))).isNull();
        assertThat(new AlertRule("r", "neutrality.appeal", 0.5, List.of(), List.of("harisson"), List.of()).match(article("x", 0.75))).isNull();
        assertThat(new AlertRule("r", "money.politics", 0.5, List.of(), List.of(), List.of()).match(article("x", 0.75))).isNull();
    }

    @Test
    void shouldGiveStableAlertIdPerRuleAndCluster() {
        assertThat(Alerts.alertId("r", "c")).isEqualTo(Alerts.alertId("r", "c")).hasSize(32).isNotEqualTo(Alerts.alertId("r", "d"));
    }

    @Test
    void shouldWriteReasonWithTopicRegionsAndOfficials() {
        assertThat(Alerts.reason(new TopicTag("neutrality.appeal", 0.75, List.of()), article("x", 0.75)))
                .isEqualTo("topic neutrality.appeal (score 0.750); regions: Kabupaten Mempawah; officials: Ismail");
    }

    @Test
    void shouldLoadShippedRulesWithDefaultMinScore() throws Exception {
        List<AlertRule> rules = AlertRules.parse(new ByteArrayInputStream(
                "rules:\n  - id: one\n    topic: money.politics\n".getBytes(StandardCharsets.UTF_8)), "test");

        assertThat(rules).containsExactly(new AlertRule("one", "money.politics", 0.5, List.of(), List.of(), List.of()));
        assertThat(AlertRules.load("")).extracting(AlertRule::id)
                .containsExactly("neutrality-violation", "neutrality-appeal-kalimantan", "money-politics", "hoax-black-campaign");
    }

    @Test
    void shouldRejectDuplicateRuleIds() {
        assertThatThrownBy(() -> AlertRules.parse(new ByteArrayInputStream(
                        "rules:\n  - {id: a, topic: x}\n  - {id: a, topic: y}\n".getBytes(StandardCharsets.UTF_8)), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert rules test: duplicate rule id 'a'");
    }
}
