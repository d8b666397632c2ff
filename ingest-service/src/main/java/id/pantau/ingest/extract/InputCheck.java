package id.pantau.ingest.extract;

import java.util.regex.Pattern;

/** Rejects input that is too large or not HTML before any parsing. Pure. */
final class InputCheck {

    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)<(!doctype\\s+html|html|head|body|title|meta|p|div|article|main|h1|h2|span|a|section|table|br)[\\s>/]");
    private static final int SNIFF_CHARS = 65_536;
    private static final int HEAD_CHARS = 4_096;

    private InputCheck() {}

    static void check(String html, String url, int maxChars) throws ExtractionException {
        if (html.length() > maxChars) {
            throw new ExtractionException(ExtractionException.Cause.TOO_LARGE, url,
                    html.length() + " characters, limit " + maxChars);
        }
        String head = html.substring(0, Math.min(html.length(), HEAD_CHARS));
        int control = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == 0) {
                throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, "NUL character at " + i + ", binary content");
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        if (control > head.length() / 10) {
            throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, control + " control characters in the first " + head.length());
        }
        String start = head.stripLeading();
        if (start.startsWith("\ufeff")) {
            start = start.substring(1).stripLeading();
        }
        if (start.startsWith("{") || start.startsWith("[") || start.startsWith("%PDF")) {
            throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, "starts with '" + start.charAt(0) + "', not markup");
        }
        if (start.startsWith("<?xml") && !head.toLowerCase(java.util.Locale.ROOT).contains("<html")) {
            throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, "XML document without <html>");
        }
        if (!HTML_TAG.matcher(html.substring(0, Math.min(html.length(), SNIFF_CHARS))).find()) {
            throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, "no HTML tag in the first " + SNIFF_CHARS + " characters");
        }
    }
}
