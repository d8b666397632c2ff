package id.pantau.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import id.pantau.enrich.config.EnrichConfig;
import id.pantau.enrich.config.EnrichConfigLoader;
import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.fixture.FixtureArticles;
import id.pantau.enrich.tagger.official.OfficialSeed;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.Quote;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.TopicTag;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five fixture articles (facts of the seed stories, project's own words) through the whole topology with the shipped rules. */
class SeedStoriesTopologyTest {

    private static final List<String> FIXTURES = List.of(
            "01-apel-mantap-praja.txt", "02-rakor-mempawah.txt", "03-rakor-infopublik.txt", "04-kunker-bulungan.txt", "05-raker-apeksi.txt");

    @TempDir
    Path stateDir;

    private EnrichComponents components;
    private TopologyTestDriver driver;

    @BeforeEach
    void start() {
        EnrichConfig config = EnrichConfigLoader.defaults();
        components = EnrichComponents.standard(config);
        Properties props = EnrichTopology.streamsProperties(config);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(EnrichTopology.build(config, components), props);
        var officials = driver.createInputTopic(Topics.OFFICIALS.name(), new StringSerializer(), Topics.OFFICIALS.valueSerde().serializer());
        OfficialSeed.loadDefault().forEach(official -> officials.pipeInput(official.getId(), official));
    }

    @AfterEach
    void stop() throws Exception {
        driver.close();
        components.close();
    }

    static RawArticle rawOf(String file) {
        ArticleText text = FixtureArticles.load(file);
        String id = file.substring(0, 2);
        return RawArticle.newBuilder(Articles.raw(id, 1, text.outletId(), text.title(), text.body().split("\n\n")))
                .setDatelinePlace(text.datelinePlace())
                .build();
    }

    @Test
    void shouldTagTopicsQuotesGroupTheTwoRakorReportsAndAlertOncePerStory() {
        var raw = driver.createInputTopic(Topics.RAW_ARTICLES.name(), new StringSerializer(), Topics.RAW_ARTICLES.valueSerde().serializer());
        var enriched = driver.createOutputTopic(Topics.ENRICHED_ARTICLES.name(), new StringDeserializer(), Topics.ENRICHED_ARTICLES.valueSerde().deserializer());
        var alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());

        FIXTURES.forEach(file -> raw.pipeInput(file.substring(0, 2), rawOf(file)));
        List<EnrichedArticle> out = enriched.readValuesToList();

        assertThat(out).extracting(a -> a.getArticle().getArticleId() + "->" + a.getStoryClusterId())
                .containsExactly("01->01", "02->02", "03->02", "04->04", "05->05");
        assertThat(out).extracting(a -> a.getTopics().stream().map(TopicTag::getTopic).toList()).containsExactly(
                List.of("election.security", "neutrality.appeal"),
                List.of("neutrality.appeal"),
                List.of("neutrality.appeal"),
                List.of("election.security", "neutrality.appeal"),
                List.of("neutrality.appeal"));
        assertThat(out.get(0).getQuotes()).extracting(Quote::getText, Quote::getSpeaker, Quote::getSpeakerOfficialId)
                .containsExactly(tuple("ASN yang tidak netral akan kami tindak", "Harisson", "harisson-pj-gubernur-kalbar"));
        assertThat(out.get(1).getQuotes()).extracting(Quote::getText, Quote::getSpeaker, Quote::getSpeakerOfficialId)
                .containsExactly(tuple("Jangan sampai ada yang memihak", "Ismail", "ismail-pj-bupati-mempawah"));
        assertThat(alerts.readValuesToList()).extracting(Alert::getRuleId, Alert::getStoryClusterId).containsExactly(
                tuple("neutrality-appeal-kalimantan", "01"),
                tuple("neutrality-appeal-kalimantan", "02"),
                tuple("neutrality-appeal-kalimantan", "04"),
                tuple("neutrality-appeal-kalimantan", "05"));
    }
}
