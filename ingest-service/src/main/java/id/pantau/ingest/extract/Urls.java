package id.pantau.ingest.extract;

import org.jsoup.nodes.Element;

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
        String raw = e.attr(key);
        return isPlainAbsolute(raw) ? raw : e.absUrl(key);
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
