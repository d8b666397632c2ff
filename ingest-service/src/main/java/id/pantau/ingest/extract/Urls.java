package id.pantau.ingest.extract;

import java.net.URI;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * {@link Element#absUrl} without its cost for the common case. jsoup resolves every link through
 * control-character regexes and two {@link java.net.URL} parses; an attribute that is already a plain
 * absolute http(s) URL (lower-case host, no port, user info, dot segments, spaces or control
 * characters) comes out of that unchanged, so it is returned as it is. Anything else goes to jsoup.
 * Pure, thread-safe.
 */
final class Urls {

    private Urls() {}

    /** What {@code e.absUrl(key)} returns. */
    static String absUrl(Element e, String key) {
        String raw = PageScan.attribute(e, key);
        if (isPlainAbsolute(raw)) {
            return raw;
        }
        if (raw.length() > 1 && raw.charAt(0) == '/' && raw.charAt(1) != '/') {
            // a root-relative path on a plain base is the base's origin and the path, when the two
            // together are a plain URL that resolution would leave as it is
            String base = e.baseUri();
            if (isPlainAbsolute(base)) {
                String joined = origin(base) + raw;
                if (isPlainAbsolute(joined)) {
                    return joined;
                }
            }
        }
        return e.absUrl(key);
    }

    /**
     * The host of a {@link #isPlainAbsolute} URL as {@link URI#getHost} reads it, when it is plainly a
     * host name (labels of letters and digits with inner hyphens, the last starting with a letter);
     * else null, and {@link URI} has to tell.
     */
    static @Nullable String plainHost(String plain) {
        String host = origin(plain).substring(plain.indexOf("://") + 3);
        int labelStart = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                if (i == labelStart || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
                    return null;
                }
                if (i == host.length() && !(host.charAt(labelStart) >= 'a' && host.charAt(labelStart) <= 'z')) {
                    return null;
                }
                labelStart = i + 1;
            }
        }
        return host;
    }

    /** The scheme and host of a {@link #isPlainAbsolute} URL, up to the first '/', '?' or '#' after them. */
    private static String origin(String plain) {
        int hostStart = plain.indexOf("://") + 3;
        for (int i = hostStart; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return plain.substring(0, i);
            }
        }
        return plain;
    }

    /**
     * {@code url} (stripped) resolved against {@code base} with {@link URI#resolve}, or stripped as it is
     * when either does not parse; null when blank. A URL starting with {@code http://} or {@code
     * https://} (any case) comes out as it went in either way (an absolute URI resolves to itself and
     * {@code toString} gives back its input; one that does not parse is returned stripped), so it skips
     * the two parses.
     */
    static @Nullable String resolve(String base, @Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String stripped = url.strip();
        if (stripped.regionMatches(true, 0, "http://", 0, 7) || stripped.regionMatches(true, 0, "https://", 0, 8)) {
            return stripped;
        }
        return resolveByUri(base, stripped);
    }

    /** {@link #resolve} without the shortcut; kept to test that the shortcut gives the same. */
    static String resolveByUri(String base, String stripped) {
        try {
            return URI.create(base).resolve(stripped).toString();
        } catch (IllegalArgumentException e) {
            return stripped;
        }
    }

    /** An {@code http://} or {@code https://} URL that {@link java.net.URL} and jsoup's resolution leave as it is. */
    static boolean isPlainAbsolute(String url) {
        int i;
        if (url.startsWith("https://")) {
            i = 8;
        } else if (url.startsWith("http://")) {
            i = 7;
        } else {
            return false;
        }
        int hostStart = i;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                break;
            }
            i++;
        }
        if (i == hostStart || i < url.length() && "/?#".indexOf(url.charAt(i)) < 0) {
            return false;
        }
        int hashes = 0;
        for (; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '#') {
                hashes++;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/?=&%+,;:@!*'()$".indexOf(c) >= 0)) {
                return false;
            }
        }
        return hashes <= 1 && !url.contains("/.");
    }
}
