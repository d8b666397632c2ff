package id.pantau.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import id.pantau.enrich.alert.AlertRule;
import id.pantau.enrich.alert.Alerts;
import id.pantau.enrich.config.EnrichConfig;
import id.pantau.enrich.config.EnrichConfigLoader;
import id.pantau.enrich.error.TaggingException;
import id.pantau.schemas.DeadLetterHeaders;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.Official;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.TopicTag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    private static final AlertRule APPEAL_RULE = new AlertRule("neutrality-appeal", "neutrality.appeal", 0.5, List.of(), List.of(), List.of());

    @TempDir
    Path stateDir;

    private EnrichComponents components;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        EnrichConfig config = EnrichConfigLoader.defaults();
        EnrichComponents standard = EnrichComponents.standard(config);
        Enricher failOnBoom = (article, now) -> {
            if (article.getTitle().contains("BOOM")) {
                throw new TaggingException(article.getArticleId(), "topic", new IllegalStateException("monitor exploded"));
            }
            return standard.enricher().enrich(article, now);
        };
        components = new EnrichComponents(failOnBoom, standard.officials(), List.of(APPEAL_RULE), standard.closeable());
        Properties props = EnrichTopology.streamsProperties(config);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(EnrichTopology.build(config, components), props);
        raw = driver.createInputTopic(Topics.RAW_ARTICLES.name(), new StringSerializer(), Topics.RAW_ARTICLES.valueSerde().serializer());
        rawBytes = driver.createInputTopic(Topics.RAW_ARTICLES.name(), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED_ARTICLES.name(), new StringDeserializer(), Topics.ENRICHED_ARTICLES.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() throws Exception {
        driver.close();
        components.close();
    }

    @Test
    void shouldEnrichGoodArticleWithTopicsQuotesAndOwnCluster() {
        raw.pipeInput("a1", Articles.meetingByFirstOutlet("a1", 1));

        List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();

        assertThat(out).hasSize(1);
        EnrichedArticle article = out.get(0).value();
        assertThat(out.get(0).key()).isEqualTo("a1");
        assertThat(article.getStoryClusterId()).isEqualTo("a1");
        assertThat(article.getTopics()).extracting(TopicTag::getTopic).containsExactly("neutrality.appeal", "neutrality.violation");
        assertThat(article.getQuotes()).extracting(q -> q.getText())
                .containsExactly("Kami terus mengingatkan ASN agar menjaga netralitas, termasuk saat bermedia sosial");
        assertThat(article.getArticle()).isEqualTo(Articles.meetingByFirstOutlet("a1", 1));
    }

    @Test
    void shouldSendUndecodableRecordToDeadLettersAndGoOn() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

        rawBytes.pipeInput("bad".getBytes(StandardCharsets.UTF_8), garbage);
        raw.pipeInput("a1", Articles.meetingByFirstOutlet("a1", 1));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        TestRecord<byte[], byte[]> letter = dead.get(0);
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("bad");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("DESERIALIZATION_BAD_HEADER");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SERVICE)).isEqualTo("enrich");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.articles.raw");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.EXCEPTION))
                .isEqualTo("id.pantau.schemas.serde.PayloadDecodingException");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a1");
    }

    @Test
    void shouldSendArticleWhoseTaggerThrowsToDeadLettersAndGoOn() {
        RawArticle boom = Articles.raw("x1", 1, "tribun-pontianak", "BOOM di Mempawah", "Paragraf pertama.");
        byte[] boomBytes = Topics.RAW_ARTICLES.valueSerde().serializer().serialize("news.articles.raw", boom);

        raw.pipeInput("x1", boom);
        raw.pipeInput("a1", Articles.meetingByFirstOutlet("a1", 1));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(boomBytes);
        assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.REASON)).isEqualTo("TAGGER_FAILED");
        assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.MESSAGE))
                .isEqualTo("topic tagger failed on article x1: java.lang.IllegalStateException: monitor exploded");
        assertThat(DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.articles.raw");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a1");
    }

    @Test
    void shouldGroupSameStoryFromTwoOutletsAndAlertOnce() {
        raw.pipeInput("a1", Articles.meetingByFirstOutlet("a1", 1));
        raw.pipeInput("b1", Articles.meetingBySecondOutlet("b1"));
        raw.pipeInput("c1", Articles.securityStory("c1"));

        List<EnrichedArticle> out = enriched.readValuesToList();
        List<TestRecord<String, Alert>> raised = alerts.readRecordsToList();

        assertThat(out).extracting(a -> a.getArticle().getArticleId() + "->" + a.getStoryClusterId())
                .containsExactly("a1->a1", "b1->a1", "c1->c1");
        assertThat(raised).hasSize(1);
        Alert alert = raised.get(0).value();
        assertThat(raised.get(0).key()).isEqualTo(Alerts.alertId("neutrality-appeal", "a1"));
        assertThat(alert.getAlertId()).isEqualTo(Alerts.alertId("neutrality-appeal", "a1"));
        assertThat(alert.getRuleId()).isEqualTo("neutrality-appeal");
        assertThat(alert.getArticleId()).isEqualTo("a1");
        assertThat(alert.getStoryClusterId()).isEqualTo("a1");
        assertThat(alert.getOutletId()).isEqualTo("tribun-pontianak");
        assertThat(alert.getTitle()).isEqualTo("Pj Bupati Mempawah Ismail Ajak ASN dan Kades Jaga Netralitas");
    }

    @Test
    void shouldTagOfficialAsKnownOnceRefOfficialsNamesThemWithoutRestart() {
        TestInputTopic<String, Official> officials =
                driver.createInputTopic(Topics.OFFICIALS.name(), new StringSerializer(), Topics.OFFICIALS.valueSerde().serializer());
        String body = "Penjabat Bupati Sambas Budi Santoso meminta camat dan kepala desa menjaga netralitas selama pilkada.";

        raw.pipeInput("s1", Articles.raw("s1", 1, "tribun-pontianak", "Rapat di Sambas", body));
        officials.pipeInput("budi-santoso-pj-bupati-sambas", Official.newBuilder().setId("budi-santoso-pj-bupati-sambas")
                .setName("Budi Santoso").setOffice("Penjabat Bupati Sambas").setJurisdictionCode("61.01").build());
        raw.pipeInput("s2", Articles.raw("s2", 1, "tribun-pontianak", "Rapat Lanjutan di Sambas", body));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertThat(out.get(0).getOfficials()).extracting(OfficialTag::getName, OfficialTag::getKnown)
                .containsExactly(tuple("Budi Santoso", false));
        assertThat(out.get(1).getOfficials()).extracting(OfficialTag::getOfficialId, OfficialTag::getName, OfficialTag::getKnown)
                .containsExactly(tuple("budi-santoso-pj-bupati-sambas", "Budi Santoso", true));
    }

    @Test
    void shouldKeepClusterAndNotAlertAgainWhenArticleIsEdited() {
        raw.pipeInput("a1", Articles.meetingByFirstOutlet("a1", 1));
        RawArticle edited = Articles.raw("a1", 2, "tribun-pontianak", "Ismail: ASN dan Kades Wajib Netral",
                "Judul dan isi berita ini diperbarui redaksi; kini hanya berisi satu paragraf baru tentang sikap netral pegawai.",
                "\u201CKami mengingatkan ASN untuk menjaga netralitas,\u201D ujar Ismail.");
        raw.pipeInput("a1", edited);

        List<EnrichedArticle> out = enriched.readValuesToList();

        assertThat(out).extracting(a -> a.getArticle().getVersion() + "->" + a.getStoryClusterId()).containsExactly("1->a1", "2->a1");
        assertThat(alerts.readValuesToList()).extracting(Alert::getArticleId).containsExactly("a1");
    }

    @Test
    void shouldForgetStoryMembersAndRaisedAlertsOlderThanTheRetention() {
        Instant start = Instant.parse("2024-11-18T03:00:00Z");
        raw.pipeInput("a1", Articles.meetingByFirstOutlet("a1", 1), start);
        assertThat(alerts.readRecordsToList()).hasSize(1);
        var members = driver.<String, byte[]>getTimestampedKeyValueStore(StoryProcessor.MEMBERS_STORE);
        var raised = driver.<String, Long>getKeyValueStore(AlertProcessor.RAISED_STORE);
        assertThat(members.get("a1")).isNotNull();
        assertThat(count(raised)).isEqualTo(1);

        // 29 days later the story is still remembered; 31 days later (retention 30 days) it is not
        raw.pipeInput("s1", Articles.raw("s1", 1, "tribun-pontianak", "Pasar Murah di Sambas", "Warga antre minyak goreng."),
                start.plus(Duration.ofDays(29)));
        assertThat(members.get("a1")).isNotNull();
        raw.pipeInput("s2", Articles.raw("s2", 1, "tribun-pontianak", "Jembatan Baru di Sintang", "Jembatan kayu diganti beton."),
                start.plus(Duration.ofDays(31)));

        assertThat(members.get("a1")).isNull();
        assertThat(members.get("s1")).isNotNull();
        assertThat(members.get("s2")).isNotNull();
        assertThat(count(raised)).isZero();
    }

    private static long count(KeyValueStore<String, Long> store) {
        try (var all = store.all()) {
            long n = 0;
            while (all.hasNext()) {
                all.next();
                n++;
            }
            return n;
        }
    }
}
