package id.pantau.index;

import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.OrganisationTag;
import id.pantau.schemas.avro.Quote;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.RegionLevel;
import id.pantau.schemas.avro.RegionTag;
import id.pantau.schemas.avro.TopicEvidence;
import id.pantau.schemas.avro.TopicTag;
import java.time.Instant;
import java.util.List;

/** Builds test records with the Avro builders; the texts are written for these tests. */
public final class TestArticles {

    public static final Instant PUBLISHED = Instant.parse("2024-08-26T03:00:00Z");

    private TestArticles() {}

    /** A Pontianak article on ASN neutrality with a province, a city, an official, an organisation, a topic and a quote. */
    public static EnrichedArticle pontianak(String id, int version, String outlet) {
        return article(id, version, outlet, "Penjabat gubernur minta ASN Kalbar jaga netralitas jelang pilkada",
                List.of(region("61", "Kalimantan Barat", RegionLevel.PROVINCE), region("61.71", "Kota Pontianak", RegionLevel.CITY)),
                List.of(official("off-harisson", "Harisson", "Penjabat Gubernur")),
                List.of(organisation("bawaslu:61", "Bawaslu Kalimantan Barat")),
                List.of("neutrality.asn"));
    }

    /** A Mempawah article about police readiness, no topic. */
    public static EnrichedArticle mempawah(String id, int version, String outlet) {
        return article(id, version, outlet, "Polda Kalbar siapkan personel pengamanan pemungutan suara di Mempawah",
                List.of(region("61", "Kalimantan Barat", RegionLevel.PROVINCE), region("61.04", "Kabupaten Mempawah", RegionLevel.REGENCY),
                        region("61.04.01", "Mempawah Hilir", RegionLevel.DISTRICT)),
                List.of(official("off-pipit", "Pipit Rismanto", "Kepala Kepolisian Daerah")),
                List.of(organisation("polda:61", "Polda Kalimantan Barat")),
                List.of());
    }

    public static EnrichedArticle article(String id, int version, String outlet, String title, List<RegionTag> regions,
            List<OfficialTag> officials, List<OrganisationTag> organisations, List<String> topics) {
        RawArticle raw = RawArticle.newBuilder()
                .setArticleId(id)
                .setVersion(version)
                .setOutletId(outlet)
                .setUrl("https://" + outlet + ".example/berita/" + id)
                .setCanonicalUrl("https://" + outlet + ".example/berita/" + id)
                .setFetchedAt(PUBLISHED.plusSeconds(600))
                .setPublishedAt(PUBLISHED)
                .setTitle(title)
                .setLead("Ringkasan singkat versi " + version + " untuk pengujian.")
                .setDateline("PONTIANAK -")
                .setDatelinePlace("Pontianak")
                .setAuthors(List.of("Redaksi Uji"))
                .setSection("Politik")
                .setTags(List.of("pilkada"))
                .setBodyParagraphs(List.of(
                        "Pemerintah provinsi mengingatkan seluruh pegawai agar tidak berpihak selama masa kampanye (versi " + version + ").",
                        "Pengawas pemilu akan menerima laporan warga bila ada pelanggaran."))
                .setContentHash("hash-" + id + "-" + version)
                .setExtractionMethod("profile")
                .build();
        return EnrichedArticle.newBuilder()
                .setArticle(raw)
                .setRegions(regions)
                .setOfficials(officials)
                .setOrganisations(organisations)
                .setTopics(topics.stream().map(t -> TopicTag.newBuilder().setTopic(t).setScore(0.8)
                        .setEvidence(List.of(TopicEvidence.newBuilder().setTerm("netralitas").setSentenceStart(0).setSentenceEnd(40).build()))
                        .build()).toList())
                .setQuotes(List.of(Quote.newBuilder().setText("Pegawai negeri wajib berdiri di tengah").setSpeaker(
                        officials.isEmpty() ? null : officials.get(0).getName()).setSpeakerOfficialId(
                        officials.isEmpty() ? null : officials.get(0).getOfficialId()).setOffset(12).build()))
                .setStoryClusterId("cluster-" + id)
                .setEnrichedAt(PUBLISHED.plusSeconds(700))
                .build();
    }

    public static RegionTag region(String code, String name, RegionLevel level) {
        return RegionTag.newBuilder().setCode(code).setName(name).setLevel(level).setProvinceCode(code.substring(0, 2))
                .setMentionCount(1).setFirstOffset(0).setEvidence("explicit-prefix").build();
    }

    public static OfficialTag official(String id, String name, String office) {
        return OfficialTag.newBuilder().setOfficialId(id).setName(name).setOffice(office).setOfficeAsWritten(office)
                .setJurisdictionCode("61").setJurisdictionName("Kalimantan Barat").setKnown(true).setMentionCount(2).build();
    }

    public static OrganisationTag organisation(String id, String name) {
        return OrganisationTag.newBuilder().setId(id).setName(name).setRegionCode("61").setMentionCount(1).build();
    }

    public static Alert alert(String alertId, String ruleId, String articleId) {
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setRuleId(ruleId)
                .setArticleId(articleId)
                .setArticleVersion(1)
                .setStoryClusterId("cluster-" + articleId)
                .setOutletId("kalbar-online")
                .setTitle("Cerita baru soal netralitas ASN")
                .setUrl("https://kalbar-online.example/berita/" + articleId)
                .setReason("topic neutrality.asn in Kalimantan Barat")
                .setRaisedAt(PUBLISHED.plusSeconds(800))
                .build();
    }
}
