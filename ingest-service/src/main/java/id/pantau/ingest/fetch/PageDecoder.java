package id.pantau.ingest.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a fetched body into text. Charset from a byte-order mark (which wins, as in browsers), then
 * the Content-Type header, then a {@code <meta>} charset in the first 4 KiB, else UTF-8. A page read
 * as UTF-8 whose high bytes are mostly not UTF-8 (a windows-1252 page labelled or assumed UTF-8, common
 * on older regional CMSs) is read as windows-1252 instead, so "café" and curly quotes survive; a UTF-8
 * page with a few stray bytes stays UTF-8. Decoding is lenient: bytes still not valid become U+FFFD
 * instead of failing. A BOM is never part of the text. Thread-safe.
 */
public final class PageDecoder {

    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int META_SCAN_BYTES = 4096;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PageDecoder() {}

    /** The charset the page says it is in (byte-order mark, header, meta), else UTF-8. */
    public static Charset charsetOf(byte[] body, @Nullable String contentType) {
        Charset charset = bomCharset(body);
        if (charset != null) {
            return charset;
        }
        charset = contentType == null ? null : find(HEADER_CHARSET, contentType);
        if (charset == null) {
            String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
            charset = find(META_CHARSET, head);
        }
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /**
     * Whether the bytes from 0x80 up are more often outside valid UTF-8 sequences than inside them:
     * windows-1252 text puts single high bytes between ASCII letters, which UTF-8 never does.
     */
    static boolean mostlyNotUtf8(byte[] b) {
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < b.length) {
            int lead = b[i] & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (length > 0 && continues(b, i + 1, length - 1)) {
                valid++;
                i += length;
            } else {
                invalid++;
                i++;
            }
        }
        return invalid > valid;
    }

    private static boolean continues(byte[] b, int from, int count) {
        if (from + count > b.length) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Decodes the page leniently. */
    public static String decode(byte[] body, @Nullable String contentType) {
        Charset charset = charsetOf(body, contentType);
        int skip = bomLength(body, charset);
        if (charset.equals(StandardCharsets.UTF_8) && skip == 0) {
            // valid UTF-8, by far the usual page, is decoded in this one pass; only a page that is not
            // is looked at again, to tell windows-1252 text from a few stray bytes
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException notUtf8) {
                charset = mostlyNotUtf8(body) ? WINDOWS_1252 : StandardCharsets.UTF_8;
            }
        }
        return lenient(body, skip, charset);
    }

    private static String lenient(byte[] body, int skip, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("REPLACE decoders do not throw", e);
        }
    }

    private static @Nullable Charset find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        try {
            // Browsers decode ISO-8859-1 labels as windows-1252; so do we.
            return name.equals("iso-8859-1") || name.equals("latin1") ? Charset.forName("windows-1252") : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static @Nullable Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(byte[] body, Charset charset) {
        Charset bom = bomCharset(body);
        if (bom == null || !bom.equals(charset)) {
            return 0;
        }
        return bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }
}
