package id.pantau.enrich.tagger.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.official.OfficialMention;
import id.pantau.enrich.tagger.official.OfficialTagging;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.Quote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteTaggerTest {

    private static final OfficialTag HARISSON =
            new OfficialTag("harisson", "Harisson", "Penjabat Gubernur Kalimantan Barat", "Pj Gubernur Kalbar", "61", "Kalimantan Barat", true, 2);
    private static final OfficialTag PIPIT =
            new OfficialTag("pipit", "Pipit Rismanto", "Kepala Kepolisian Daerah", "Kapolda Kalbar", "61", "Kalimantan Barat", true, 2);

    private final QuoteTagger tagger = new QuoteTagger();

    private static OfficialTagging officials(String text, String... mentionsAsIdAndName) {
        List<OfficialMention> mentions = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < mentionsAsIdAndName.length; i += 2) {
            int start = text.indexOf(mentionsAsIdAndName[i + 1], from);
            mentions.add(new OfficialMention(mentionsAsIdAndName[i], mentionsAsIdAndName[i + 1], start, start + mentionsAsIdAndName[i + 1].length()));
            from = start + 1;
        }
        return new OfficialTagging(List.of(HARISSON, PIPIT), mentions);
    }

    @Test
    void shouldResolveKataWithNameToTheOfficialMentionedThere() {
        String body = "Cuaca cerah menyambut apel pagi itu. \u201CKami minta semua pegawai bersikap netral,\u201D kata Harisson di lapangan.";
        ArticleText text = new ArticleText("", body, null, "", null);

        List<Quote> quotes = tagger.tag(text, officials(body, "harisson", "Harisson"));

        assertThat(quotes).containsExactly(new Quote("Kami minta semua pegawai bersikap netral", "Harisson", "harisson", 37));
    }

    @Test
    void shouldResolveUjarnyaToLastOfficialNamedBefore() {
        String body = "Kapolda Kalbar Pipit Rismanto memeriksa barisan. Gubernur Harisson ikut hadir."
                + "\n\nMenurut Pipit, semua pos sudah terisi. \"Anggota kami berjaga sampai suara selesai dihitung,\" ujarnya.";
        ArticleText text = new ArticleText("", body, null, "", null);

        List<Quote> quotes = tagger.tag(text, officials(body, "pipit", "Pipit Rismanto", "harisson", "Harisson", "pipit", "Pipit"));

        assertThat(quotes).extracting(Quote::getText, Quote::getSpeaker, Quote::getSpeakerOfficialId)
                .containsExactly(tuple("Anggota kami berjaga sampai suara selesai dihitung", "Pipit Rismanto", "pipit"));
    }

    @Test
    void shouldKeepSpeakerOfNamedNonOfficialWithoutOfficialId() {
        String body = "\u201CKami hanya ingin pemilihan berjalan damai,\u201D tutur Siti Aminah, warga setempat.";

        List<Quote> quotes = tagger.tag(new ArticleText("", body, null, "", null), officials(body));

        assertThat(quotes).containsExactly(new Quote("Kami hanya ingin pemilihan berjalan damai", "Siti Aminah", null, 0));
    }

    @Test
    void shouldGiveKatanyaToAPersonNamedAfterTheOfficialNotToTheOfficial() {
        // review finding t11: "katanya" went to the Gubernur named before the trader who spoke
        String body = "Gubernur Harisson meninjau pasar induk yang baru dipugar, Selasa."
                + "\n\nRahmat, seorang penjual ikan, ikut menyambut. \u201CLapak kami sekarang jauh lebih bersih,\u201D katanya."
                + "\n\nSebelumnya, Harisson meminta pengelola menjaga ketertiban. \u201CJangan ada pungutan liar lagi,\u201D ujarnya.";

        List<Quote> quotes = tagger.tag(new ArticleText("", body, null, "", null), officials(body, "harisson", "Harisson", "harisson", "Harisson"));

        assertThat(quotes).extracting(Quote::getText, Quote::getSpeaker, Quote::getSpeakerOfficialId).containsExactly(
                tuple("Lapak kami sekarang jauh lebih bersih", "Rahmat", null),
                tuple("Jangan ada pungutan liar lagi", "Harisson", "harisson"));
    }

    @Test
    void shouldGiveUjarnyaToTheLastPersonNamedByAnAgeOrBernamaOrAnEarlierAttribution() {
        String body = "Gubernur Harisson membuka bazar. Yanti (38) datang sejak subuh. \u201CAntrenya panjang sekali,\u201D ujarnya."
                + "\n\nGubernur Harisson lalu menyapa nelayan bernama Udin Saputra. \u201CHasil tangkapan sedang bagus,\u201D tuturnya."
                + "\n\n\u201CHarga solar masih mahal,\u201D kata Joko. \u201CKami berharap ada subsidi,\u201D tambahnya.";

        List<Quote> quotes = tagger.tag(new ArticleText("", body, null, "", null), officials(body, "harisson", "Harisson", "harisson", "Harisson"));

        assertThat(quotes).extracting(Quote::getSpeaker, Quote::getSpeakerOfficialId).containsExactly(
                tuple("Yanti", null),
                tuple("Udin Saputra", null),
                tuple("Joko", null),
                tuple("Joko", null));
    }

    @Test
    void shouldNotTakeASentenceOpenerOrAPlaceBeforeAnAppositiveForAPerson() {
        // traps: "Sebelumnya, warga ..." and "Di Sambas, warga ..." name nobody; the official stays the speaker
        String body = "Gubernur Harisson meninjau gudang logistik. Sebelumnya, warga sempat mengeluh. Di Sambas, warga juga antre."
                + " \u201CDistribusi harus tepat waktu,\u201D ujarnya.";

        List<Quote> quotes = tagger.tag(new ArticleText("", body, null, "", null), officials(body, "harisson", "Harisson"));

        assertThat(quotes).extracting(Quote::getSpeaker, Quote::getSpeakerOfficialId)
                .containsExactly(tuple("Harisson", "harisson"));
    }

    @Test
    void shouldLeaveSpeakerUnknownWhenNoOfficialIsNamedNearby() {
        String body = "Gubernur Harisson membuka acara.\n\nHari kedua diisi diskusi.\n\nPanitia menutup sesi sore.\n\nSeorang pembicara tamu naik panggung."
                + "\n\n\u201CSaya senang bisa berbagi di sini,\u201D katanya.";

        List<Quote> quotes = tagger.tag(new ArticleText("", body, null, "", null), officials(body, "harisson", "Harisson"));

        assertThat(quotes).extracting(Quote::getSpeaker, Quote::getSpeakerOfficialId).containsExactly(tuple(null, null));
    }

    @Test
    void shouldResolveSpeakerNamedBeforeTheQuote() {
        String body = "Dalam sambutannya, Gubernur Harisson mengatakan: \u201CPelayanan publik tidak boleh berhenti karena pilkada.\u201D"
                + "\n\nMenurut Pipit, \u201CSetiap TPS dijaga dua personel.\u201D";

        List<Quote> quotes = tagger.tag(new ArticleText("", body, null, "", null), officials(body, "harisson", "Harisson"));

        assertThat(quotes).extracting(Quote::getText, Quote::getSpeaker, Quote::getSpeakerOfficialId).containsExactly(
                tuple("Pelayanan publik tidak boleh berhenti karena pilkada.", "Harisson", "harisson"),
                tuple("Setiap TPS dijaga dua personel.", "Pipit Rismanto", "pipit"));
    }

    @Test
    void shouldResolvePronounBeforeTheQuoteToLastOfficial() {
        String body = "Kapolda Kalbar Pipit Rismanto meninjau gudang logistik. Ia menegaskan, \u201CKotak suara harus tiba tepat waktu.\u201D";

        List<Quote> quotes = tagger.tag(new ArticleText("", body, null, "", null), officials(body, "pipit", "Pipit Rismanto"));

        assertThat(quotes).extracting(Quote::getSpeaker, Quote::getSpeakerOfficialId)
                .containsExactly(tuple("Pipit Rismanto", "pipit"));
    }

    @Test
    void shouldIgnoreQuotedNamesThatAreNotSpeech() {
        String body = "Polisi menggelar operasi \u201CMantap Praja Kapuas 2024\u201D di halaman markas.";

        assertThat(tagger.tag(new ArticleText("", body, null, "", null), officials(body))).isEmpty();
    }

    @Test
    void shouldLinkLaterOneNameAttributionThroughTagName() {
        String body = "\u201CPersonel harus ramah kepada warga,\u201D tambah Pipit.";

        List<Quote> quotes = tagger.tag(new ArticleText("", body, null, "", null), new OfficialTagging(List.of(HARISSON, PIPIT), List.of()));

        assertThat(quotes).containsExactly(new Quote("Personel harus ramah kepada warga", "Pipit Rismanto", "pipit", 0));
    }
}
