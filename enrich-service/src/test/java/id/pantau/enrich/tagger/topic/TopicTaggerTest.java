package id.pantau.enrich.tagger.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.schemas.avro.TopicEvidence;
import id.pantau.schemas.avro.TopicTag;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {

    private static TopicTagger tagger;

    @BeforeAll
    static void buildTagger() {
        tagger = TopicTagger.of(TopicRules.loadDefault());
    }

    @AfterAll
    static void closeTagger() {
        tagger.close();
    }

    private static List<String> topics(String title, String body) {
        return tagger.tag(new ArticleText(title, body, null, "", null)).stream().map(TopicTag::getTopic).toList();
    }

    @Test
    void shouldTagAppealWhenOfficialRemindsCivilServantsToStayNeutral() {
        List<String> topics = topics("Bupati Ajak Pegawai Jaga Sikap",
                "Bupati Sanggau mengingatkan seluruh ASN agar menjaga netralitas menjelang hari pencoblosan.");

        assertThat(topics).containsExactly("neutrality.appeal");
    }

    @Test
    void shouldTagViolationWhenVillageHeadIsReportedAndSummoned() {
        List<String> topics = topics("Kades Dilaporkan ke Bawaslu",
                "Seorang kepala desa di Sambas dilaporkan warga karena ikut berkampanye. Bawaslu sudah memanggil kades itu untuk klarifikasi pekan depan.");

        assertThat(topics).containsExactly("neutrality.violation");
    }

    @Test
    void shouldNotTagViolationWhenOfficialOnlyWarnsOfSanctions() {
        List<String> topics = topics("",
                "Gubernur meminta ASN tetap netral dan berjanji menindak tegas siapa pun yang tidak netral.");

        assertThat(topics).containsExactly("neutrality.appeal");
    }

    @Test
    void shouldTagSecurityWhenPersonnelAreDeployed() {
        List<String> topics = topics("Ribuan Aparat Jaga Pilkada",
                "Kepolisian daerah menyebut lima ribu personel gabungan dikerahkan untuk pengamanan Pilkada di tiap kabupaten.");

        assertThat(topics).containsExactly("election.security");
    }

    @Test
    void shouldTagMoneyPoliticsHoaxAndLogisticsInOneText() {
        List<String> topics = topics("Bawaslu Waspadai Tiga Ancaman",
                "Pengawas pemilu mencemaskan serangan fajar pada malam sebelum pemungutan. Mereka juga memantau hoaks di media sosial."
                        + "\n\nSelain itu, distribusi logistik ke pulau-pulau kecil harus selesai tepat waktu.");

        assertThat(topics).containsExactly("election.logistics", "hoax.black-campaign", "money.politics");
    }

    @Test
    void shouldTagNothingWhenTextIsAboutSomethingElse() {
        assertThat(topics("Harga Cabai Naik", "Harga cabai rawit di pasar tradisional naik dua kali lipat pekan ini.")).isEmpty();
    }

    @Test
    void shouldGiveEvidenceWithTermAsWrittenAndSentenceOffsets() {
        ArticleText text = new ArticleText("Awas Politik Uang", "Warga diminta menolak politik uang. Laporkan bila ada yang membagikan amplop.", null, "", null);

        List<TopicTag> tags = tagger.tag(text);

        assertThat(tags).hasSize(1);
        TopicTag tag = tags.get(0);
        assertThat(tag.getTopic()).isEqualTo("money.politics");
        assertThat(tag.getScore()).isEqualTo(0.75);
        assertThat(tag.getEvidence()).containsExactly(
                new TopicEvidence("Politik Uang", 0, 17),
                new TopicEvidence("politik uang", 19, 54));
        assertThat(text.text().substring(19, 54)).isEqualTo("Warga diminta menolak politik uang.");
    }

    @Test
    void shouldKeepContextWordsOutOfEvidenceWhenPhrasesMatched() {
        ArticleText text = new ArticleText("", "Camat meminta semua ASN menjaga netralitas. Hal itu penting bagi warga.", null, "", null);

        List<TopicTag> tags = tagger.tag(text);

        assertThat(tags).extracting(TopicTag::getTopic).containsExactly("neutrality.appeal");
        assertThat(tags.get(0).getEvidence()).containsExactly(new TopicEvidence("meminta semua ASN menjaga netralitas", 0, 43));
    }

    @Test
    void shouldTagOnlyAppealWhenAnAppealWarnsOfSanctions() {
        // review finding t5: the warning "yang melanggar akan dikenai sanksi" made a violation of an appeal
        List<String> topics = topics("Sekda Ajak Pegawai Jaga Sikap",
                "Sekda Kabupaten Landak mengajak seluruh pegawai menjaga netralitas menjelang pemungutan suara. "
                        + "ASN yang terbukti berpihak akan dijatuhi sanksi tegas. Pegawai yang melanggar akan dikenai sanksi disiplin. "
                        + "Para kepala desa juga diminta tidak berpihak kepada pasangan calon mana pun.");

        assertThat(topics).containsExactly("neutrality.appeal");
    }

    @Test
    void shouldTagOnlyViolationWhenACaseIsReportedAndTheLawIsRecalled() {
        // review finding t6: "menegaskan netralitas ... diatur undang-undang" in a case report made it an appeal
        List<String> topics = topics("Kades Terekam di Lokasi Kampanye",
                "Bawaslu Kabupaten Kubu Raya menindaklanjuti laporan dugaan pelanggaran netralitas oleh seorang kepala desa. "
                        + "Kades tersebut terekam menghadiri kampanye salah satu pasangan calon. "
                        + "Bawaslu memanggil kades itu untuk klarifikasi dan menegaskan netralitas kepala desa dijamin undang-undang.");

        assertThat(topics).containsExactly("neutrality.violation");
    }

    @Test
    void shouldTagBothWhenAnAppealAndAReportedCaseStandInOneArticle() {
        List<String> topics = topics("",
                "Camat Sungai Raya mengingatkan ASN agar tetap netral selama masa kampanye. Pegawai yang melanggar akan dikenai sanksi."
                        + "\n\nPada hari yang sama, seorang guru berstatus ASN dilaporkan ke Bawaslu karena mengunggah foto bersama calon bupati.");

        assertThat(topics).containsExactly("neutrality.appeal", "neutrality.violation");
    }

    @Test
    void shouldScoreAProvenCaseHighEnoughToAlertEvenWhenAnAppealFollows() {
        // "yang terbukti" of a real case is no warning; the appeal after it must not hide the case
        List<TopicTag> tags = tagger.tag(new ArticleText("",
                "Bawaslu Kabupaten Sanggau mendapati dua kades yang terbukti menghadiri kampanye pasangan calon. "
                        + "Kasus pelanggaran netralitas kepala desa itu sudah diteruskan ke bupati."
                        + "\n\nPerangkat desa lain diimbau tetap netral, kata Sekda Sanggau.", null, "", null));

        assertThat(tags).extracting(TopicTag::getTopic).containsExactly("neutrality.appeal", "neutrality.violation");
        assertThat(tags.get(1).getScore()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void shouldNotMatchAPhraseAcrossTwoSentences() {
        try (TopicTagger own = TopicTagger.of(List.of(new TopicRule("near", "t.near", 1.0, "\"netralitas asn\"~3")))) {
            List<String> across = own.tag(new ArticleText("", "Rapat membahas netralitas. ASN lalu pulang.", null, "", null)).stream()
                    .map(TopicTag::getTopic).toList();
            List<String> within = own.tag(new ArticleText("", "Rapat membahas netralitas para ASN. Lalu pulang.", null, "", null)).stream()
                    .map(TopicTag::getTopic).toList();

            assertThat(across).isEmpty();
            assertThat(within).containsExactly("t.near");
        }
    }

    @Test
    void shouldRejectRuleWithBrokenQueryNamingIt() {
        List<TopicRule> rules = List.of(new TopicRule("broken.one", "x", 1.0, "\"unclosed phrase"));

        assertThatThrownBy(() -> TopicTagger.of(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("topic rule broken.one: query is not valid Lucene syntax:");
    }

    @Test
    void shouldRejectWeightOutOfRange() {
        assertThatThrownBy(() -> new TopicRule("a", "b", 1.5, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topic rule a: weight: expected a number in (0, 1], got 1.5");
    }

    @Test
    void shouldCountWordsOutsideTheRulesAsPositionsForPhraseDistance() {
        try (TopicTagger own = TopicTagger.of(List.of(new TopicRule("near", "t.near", 1.0, "\"netralitas asn\"~1"),
                new TopicRule("adjacent", "t.adjacent", 1.0, "\"netralitas asn\"")))) {
            List<String> oneBetween = own.tag(new ArticleText("", "Soal netralitas seluruh ASN dibahas.", null, "", null)).stream()
                    .map(TopicTag::getTopic).toList();
            List<String> twoBetween = own.tag(new ArticleText("", "Soal netralitas bagi seluruh ASN dibahas.", null, "", null)).stream()
                    .map(TopicTag::getTopic).toList();

            assertThat(oneBetween).containsExactly("t.near");
            assertThat(twoBetween).isEmpty();
        }
    }

    @Test
    void shouldHonourExcludedWordsOfARule() {
        try (TopicTagger own = TopicTagger.of(List.of(new TopicRule("not", "t.not", 1.0, "netralitas -hoaks")))) {
            List<String> withExcluded = own.tag(new ArticleText("", "Netralitas ASN bukan hoaks.", null, "", null)).stream()
                    .map(TopicTag::getTopic).toList();
            List<String> without = own.tag(new ArticleText("", "Netralitas ASN dijaga.", null, "", null)).stream()
                    .map(TopicTag::getTopic).toList();

            assertThat(withExcluded).isEmpty();
            assertThat(without).containsExactly("t.not");
        }
    }

    @Test
    void shouldMatchRulesWithWildcardsAsBefore() {
        try (TopicTagger own = TopicTagger.of(List.of(new TopicRule("wild", "t.wild", 1.0, "netral* AND asn")))) {
            List<TopicTag> tags = own.tag(new ArticleText("", "Netralitas ASN dijaga.", null, "", null));

            assertThat(tags).extracting(TopicTag::getTopic).containsExactly("t.wild");
            assertThat(tags.get(0).getEvidence()).extracting(TopicEvidence::getTerm).containsExactly("Netralitas", "ASN");
        }
    }
}
