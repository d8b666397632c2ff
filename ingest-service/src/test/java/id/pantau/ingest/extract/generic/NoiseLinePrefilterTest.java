package id.pantau.ingest.extract.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BodyWriter runs its noise-line and promo regexes only on lines its keyword checks let through; on
 * generated lines near and far from the phrases, the checks must never stop a line the regex matches.
 */
class NoiseLinePrefilterTest {

    private static final String[] NOISE_PHRASES = {"baca juga: x", "lihat pula", "simak berita", "simak selengkapnya",
        "advertisement", "advertisment", "iklan", "scroll to resume content", "scroll to continue with content",
        "read more: x", "see also:", "related : x", "also read: y", "berita terkait", "berita terkait: z",
        "share this story", "share on", "bagikan ini", "follow us now", "ikuti kami", "ikuti berita", "penulis: andi",
        "editor : budi", "reporter:", "wartawan: c", "pewarta: d", "redaktur: e", "kontributor: f", "fotografer: g",
        "foto: h", "halaman selanjutnya", "halaman berikutnya", "halaman sebelumnya", "selanjutnya",
        "halaman 2 dari 3", "baca", "follow", "share", "read", "halaman", "foto", "sign up"};
    private static final String[] PROMO_PHRASES = {"subscribe", "newsletter", "newsletters", "sign up", "signup",
        "follow us", "follow him", "follow her", "follow them", "download our app", "download the app",
        "follow the author on twitter", "follow kami on instagram", "(reporting by x", "additional reporting by y",
        "writing by z", "editing by w", "(additional editing by", "contributed to this report",
        "contributed reporting to this report", "langganan", "berlangganan", "ikuti kami", "ikuti kanal",
        "ikuti akun", "ikuti berita", "unduh aplikasi", "dapatkan update", "dapatkan informasi", "gabung di grup",
        "gabunglah ke kanal", "gabung dengan channel", "follow", "download", "reporting", "by", "ikuti"};
    private static final String[] PREFIXES = {"", "", " ", "- ", "» ", "•", "«é ", "[", "(", "\u00a0", "2 ", "_", "x "};
    private static final String[] SUFFIXES = {"", "", ".", " x", " :", "…", " Presiden ke Jakarta.", "!!", " é"};

    @Test
    void shouldLetThroughEveryLineTheNoiseRegexMatches() {
        Random random = new Random(13);
        int matched = 0;
        for (int i = 0; i < 50_000; i++) {
            String line = line(random, NOISE_PHRASES);
            boolean matches = BodyWriter.NOISE_LINE.matcher(line).matches();
            matched += matches ? 1 : 0;
            assertThat(BodyWriter.mayBeNoiseLine(line) || !matches).as(line).isTrue();
        }
        assertThat(matched).isGreaterThan(5_000);
    }

    @Test
    void shouldLetThroughEveryParagraphThePromoRegexFinds() {
        Random random = new Random(17);
        int found = 0;
        for (int i = 0; i < 50_000; i++) {
            String paragraph = line(random, PROMO_PHRASES);
            boolean finds = BodyWriter.PROMO.matcher(paragraph).find();
            found += finds ? 1 : 0;
            assertThat(BodyWriter.isPromo(paragraph)).as(paragraph).isEqualTo(finds);
        }
        assertThat(found).isGreaterThan(5_000);
    }

    private static String line(Random random, String[] phrases) {
        StringBuilder line = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
        String phrase = phrases[random.nextInt(phrases.length)];
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            line.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        if (random.nextInt(4) == 0) {
            line.append(' ').append(phrases[random.nextInt(phrases.length)]);
        }
        return line.append(SUFFIXES[random.nextInt(SUFFIXES.length)]).toString();
    }
}
