package id.pantau.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.testing.TestSite;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    void shouldReadWindows1252PageLabelledUtf8AsWindows1252() {
        byte[] body = TestSite.resourceBytes("article-cp1252.html");

        String html = PageDecoder.decode(body, "text/html; charset=utf-8");

        assertThat(html).contains("<h1>Caf\u00e9 diskusi netralitas ASN \u2013 Pontianak</h1>");
        assertThat(html).contains("\u201Cnetralitas\u201D ASN");
        assertThat(html).contains("Peserta sepakat bahwa kepala desa tidak boleh ikut berkampanye.");
    }

    @Test
    void shouldReadWindows1252PageWithoutAnyLabelAsWindows1252() {
        byte[] body = "<p>Kopi di caf\u00e9 \u2013 Pontianak</p>".getBytes(Charset.forName("windows-1252"));

        assertThat(PageDecoder.decode(body, "text/html")).isEqualTo("<p>Kopi di caf\u00e9 \u2013 Pontianak</p>");
    }

    @Test
    void shouldKeepUtf8PageWithAFewStrayBytesAsUtf8() {
        byte[] good = "<p>Wali Kota \u2013 \u201Cdamai\u201D, caf\u00e9</p>".getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(good, good.length + 1);
        body[good.length] = (byte) 0x96; // one stray windows-1252 dash at the end

        assertThat(PageDecoder.decode(body, "text/html; charset=utf-8")).isEqualTo("<p>Wali Kota \u2013 \u201Cdamai\u201D, caf\u00e9</p>\uFFFD");
    }

    @Test
    void shouldLetAByteOrderMarkOverrideTheHeader() {
        byte[] text = "<p>caf\u00e9</p>".getBytes(StandardCharsets.UTF_16LE);
        byte[] body = new byte[text.length + 2];
        body[0] = (byte) 0xFF;
        body[1] = (byte) 0xFE;
        System.arraycopy(text, 0, body, 2, text.length);

        assertThat(PageDecoder.decode(body, "text/html; charset=windows-1252")).isEqualTo("<p>caf\u00e9</p>");
    }

    @Test
    void shouldIgnoreUnknownCharsetLabel() {
        assertThat(PageDecoder.charsetOf("<p>x</p>".getBytes(StandardCharsets.UTF_8), "text/html; charset=x-klingon"))
                .isEqualTo(StandardCharsets.UTF_8);
    }
}
