package id.pantau.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.testing.TestSite;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {

    @Test
    void shouldPreferHeaderCharset() {
        byte[] body = "<meta charset=\"utf-8\"><p>caf\u00e9</p>".getBytes(Charset.forName("windows-1252"));

        assertThat(PageDecoder.decode(body, "text/html; charset=windows-1252")).isEqualTo("<meta charset=\"utf-8\"><p>caf\u00e9</p>");
    }

    @Test
    void shouldUseMetaCharsetWithoutHeaderCharset() {
        byte[] body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><p>caf\u00e9 \u2013</p>"
                .getBytes(Charset.forName("windows-1252"));

        assertThat(PageDecoder.charsetOf(body, "text/html")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(PageDecoder.decode(body, "text/html")).endsWith("<p>caf\u00e9 \u2013</p>");
    }

    @Test
    void shouldUseBomAndDropIt() {
        byte[] text = "<p>halo</p>".getBytes(StandardCharsets.UTF_16LE);
        byte[] body = new byte[text.length + 2];
        body[0] = (byte) 0xFF;
        body[1] = (byte) 0xFE;
        System.arraycopy(text, 0, body, 2, text.length);

        assertThat(PageDecoder.decode(body, null)).isEqualTo("<p>halo</p>");
    }

    @Test
    void shouldFallBackToUtf8() {
        assertThat(PageDecoder.decode("<p>\u00e9</p>".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("<p>\u00e9</p>");
    }

    @Test
    void shouldReplaceInvalidBytesOfWindows1252PageLabelledUtf8() {
        byte[] body = TestSite.resourceBytes("article-cp1252.html");

        String html = PageDecoder.decode(body, "text/html; charset=utf-8");

        assertThat(html).contains("<h1>Caf\uFFFD diskusi netralitas ASN \uFFFD Pontianak</h1>");
        assertThat(html).contains("Peserta sepakat bahwa kepala desa tidak boleh ikut berkampanye.");
    }

    @Test
    void shouldIgnoreUnknownCharsetLabel() {
        assertThat(PageDecoder.charsetOf("<p>x</p>".getBytes(StandardCharsets.UTF_8), "text/html; charset=x-klingon"))
                .isEqualTo(StandardCharsets.UTF_8);
    }
}
