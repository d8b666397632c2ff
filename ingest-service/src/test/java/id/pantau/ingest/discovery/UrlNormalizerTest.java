package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlNormalizerTest {

    private final UrlNormalizer normalizer = new UrlNormalizer();

    @Test
    void shouldDropTrackingParametersAndFragment() {
        assertThat(normalizer.normalize("https://kalbaronline.com/2024/11/18/rakor/?utm_source=rss&utm_medium=feed&fbclid=abc#komentar"))
                .isEqualTo("https://kalbaronline.com/2024/11/18/rakor/");
    }

    @Test
    void shouldKeepMeaningfulParameters() {
        assertThat(normalizer.normalize("https://pontianak.tribunnews.com/2024/11/18/rakor?page=2&utm_campaign=x"))
                .isEqualTo("https://pontianak.tribunnews.com/2024/11/18/rakor?page=2");
    }

    @Test
    void shouldLowerCaseSchemeAndHostAndDropDefaultPort() {
        assertThat(normalizer.normalize("HTTPS://InfoPublik.ID:443/kategori/nusantara/880000/netral"))
                .isEqualTo("https://infopublik.id/kategori/nusantara/880000/netral");
    }

    @Test
    void shouldMapAmpAndMobileVariantsToDesktopPage() {
        assertThat(normalizer.normalize("https://suaraborneo.id/togap-netralitas-asn/amp/")).isEqualTo("https://suaraborneo.id/togap-netralitas-asn/");
        assertThat(normalizer.normalize("https://m.tribunnews.com/2024/11/18/rakor")).isEqualTo("https://tribunnews.com/2024/11/18/rakor");
        assertThat(normalizer.normalize("https://amp.kalbaronline.com/2024/11/18/rakor/")).isEqualTo("https://kalbaronline.com/2024/11/18/rakor/");
        assertThat(normalizer.normalize("https://pontianak.tribunnews.com/amp/2024/11/18/rakor")).isEqualTo("https://pontianak.tribunnews.com/2024/11/18/rakor");
        assertThat(normalizer.normalize("https://tanjungpura.id/netralitas/?amp=1")).isEqualTo("https://tanjungpura.id/netralitas/");
    }

    // issue #3: "/slug/amp" became "/slug/", a slash the canonical "/slug" does not have
    @Test
    void shouldLeaveTheTrailingSlashOfAnAmpSuffixAsTheUrlHasIt() {
        assertThat(normalizer.normalize("https://pontianak.tribunnews.com/2024/11/18/rakor/amp"))
                .isEqualTo("https://pontianak.tribunnews.com/2024/11/18/rakor");
        assertThat(normalizer.normalize("https://suaraborneo.id/2024/10/02/togap-netralitas-asn/amp/"))
                .isEqualTo("https://suaraborneo.id/2024/10/02/togap-netralitas-asn/");
        assertThat(normalizer.normalize("https://infopublik.id/kategori/nusantara/880000/netral.amp"))
                .isEqualTo("https://infopublik.id/kategori/nusantara/880000/netral");
    }

    @Test
    void shouldRejectNonHttpUrls() {
        assertThat(normalizer.normalize("mailto:redaksi@kalbaronline.com")).isNull();
        assertThat(normalizer.normalize("/relative/path")).isNull();
        assertThat(normalizer.normalize("javascript:void(0)")).isNull();
    }

    @Test
    void shouldGiveStableIdOfCanonicalUrl() {
        String id = ArticleIds.of("https://kalbaronline.com/2024/11/18/rakor/");

        assertThat(id).hasSize(32).isEqualTo(ArticleIds.of("https://kalbaronline.com/2024/11/18/rakor/"));
        assertThat(id).isEqualTo(ArticleIds.sha256("https://kalbaronline.com/2024/11/18/rakor/").substring(0, 32));
        assertThat(ArticleIds.of("https://kalbaronline.com/2024/11/18/rakor-2/")).isNotEqualTo(id);
    }

    @Test
    void shouldHashTitleAndBody() {
        assertThat(ArticleIds.contentHash("Judul", List.of("satu", "dua"))).isEqualTo(ArticleIds.sha256("Judul\nsatu\ndua"));
        assertThat(ArticleIds.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
