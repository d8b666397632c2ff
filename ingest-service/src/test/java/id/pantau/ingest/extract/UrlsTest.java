package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class UrlsTest {

    private static final List<String> HREFS = List.of("https://www.tribunpontianak.co.id/2024/11/19/berita-satu?page=2",
            "http://kalbaronline.com/2024/11/20/harisson-apel/", "https://infopublik.id/kategori/nusantara/123/judul#komentar",
            "https://a.example.id", "https://a.example.id?x=1", "https://a.example.id#top", "https://a.example.id/a/./b", "https://a.example.id/a/../b",
            "https://a.example.id/.well-known/x", "https://A.example.id/x", "HTTPS://a.example.id/x", "https://a.example.id:443/x",
            "https://user@a.example.id/x", "https://a.example.id/a b", "https://a.example.id/a%20b", "https://a.example.id/x#a#b",
            "https://a.example.id/p?q=a/b@c:d", "https://a.example.id/(1)!*'$,;", "/relatif/halaman-2", "?page=2", "#x", "",
            "https:///x", "https://a.example.id/x\ty", "https://a.example.id/x/.", "https://a.example.id/ä", "mailto:redaksi@example.id",
            "//a.example.id/x", "https://a_b.example.id/x", "https://-a.example.id/x", "/a/b?c=1#d", "/a b", "/a/./b", "/a/../b", "/%zz",
            "/\u00e4", "/a\\b", "/#x", "/?x", "/", "/a//b", "/a#b#c", "/.", "/x\ty", " /x", "/2024/11/19/berita-satu?page=2");

    @Test
    void shouldResolveLikeJsoupAbsUrl() {
        for (String base : List.of("https://kalbar.example.id/2024/11/20/berita", "not a url", "https://kalbar.example.id",
                "https://kalbar.example.id?x=1", "http://127.0.0.1:8080/x", "https://KALBAR.example.id/x", "https://kalbar.example.id/a/../b")) {
            for (String href : HREFS) {
                Document doc = Jsoup.parse("<a>x</a>", base);
                Element a = doc.selectFirst("a");
                a.attr("href", href);
                assertThat(Urls.absUrl(a, "href")).as(base + " + " + href).isEqualTo(a.absUrl("href"));
            }
        }
    }

    @Test
    void shouldTakeShortcutOnlyForPlainAbsoluteUrls() {
        assertThat(Urls.isPlainAbsolute("https://www.tribunpontianak.co.id/2024/11/19/berita?page=2")).isTrue();
        assertThat(Urls.isPlainAbsolute("https://a.example.id:443/x")).isFalse();
        assertThat(Urls.isPlainAbsolute("https://a.example.id/a/../b")).isFalse();
        assertThat(Urls.isPlainAbsolute("/relatif")).isFalse();
    }

    @Test
    void shouldResolveMetaUrlsLikeUriResolve() {
        List<String> urls = new ArrayList<>(HREFS);
        urls.addAll(List.of("  https://a.example.id/x  ", "HTTP://A.example.id/x", "http://", "https://", "http:// spasi", "https://a.example.id/%zz",
                "http\u017F://a.example.id", "httpx://a", "gambar/1.jpg", " ../a.jpg", "http:relatif", "https:/satu-garis"));
        for (String base : List.of("https://kalbar.example.id/2024/11/20/berita", "not a url", "mailto:x@example.id")) {
            for (String url : urls) {
                String expected = url.isBlank() ? null : Urls.resolveByUri(base, url.strip());
                assertThat(Urls.resolve(base, url)).as(base + " + " + url).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldReadThePlainHostAsUriDoes() {
        List<String> urls = new ArrayList<>(HREFS);
        urls.addAll(List.of("https://a-.example.id/x", "https://a..b/x", "https://a.1b/x", "https://127.0.0.1/x", "https://1a.b2/x",
                "https://a.b-c/x", "https://x/", "https://a.example.id.", "https://a.example.id./x"));
        int read = 0;
        for (String url : urls) {
            if (Urls.isPlainAbsolute(url) && Urls.plainHost(url) != null) {
                assertThat(Urls.plainHost(url)).as(url).isEqualTo(URI.create(url).getHost());
                read++;
            }
        }
        assertThat(read).isGreaterThan(10);
        assertThat(Urls.plainHost("https://-a.example.id/x")).isNull();
    }
}
