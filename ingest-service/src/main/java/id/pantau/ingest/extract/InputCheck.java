package id.pantau.ingest.extract;

import id.pantau.ingest.extract.field.AsciiRegex;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rejects input that is too large or not HTML before any parsing. Pure. */
final class InputCheck {

    /** What {@link #hasHtmlTag} looks for; kept to test that it finds the same. */
    static final Pattern HTML_TAG = Pattern.compile(
            "(?i)<(!doctype\\s+html|html|head|body|title|meta|p|div|article|main|h1|h2|span|a|section|table|br)[\\s>/]");
    /** The tag names of {@link #HTML_TAG} but the doctype, in lower case. */
    private static final String[] TAG_NAMES = {"html", "head", "body", "title", "meta", "p", "div", "article", "main", "h1", "h2", "span", "a",
        "section", "table", "br"};
    private static final int SNIFF_CHARS = 65_536;
    /**
     * Characters read for control characters. Binary formats show theirs in their first bytes (a NUL in
     * the header of PNG, JPEG, GIF, ZIP and gzip files), so a kilobyte tells as well as more would.
     */
    private static final int HEAD_CHARS = 1_024;
    /** Characters of an XML document searched for {@code <html}: an XHTML page's prolog may be long. */
    private static final int PROLOG_CHARS = 4_096;

    private InputCheck() {}

    /** The first index from {@code from} (below {@code end}) that is not whitespace, as {@link String#stripLeading} reads it. */
    private static int skipWhitespace(String s, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return Math.min(i, end);
    }

    /** Whether the text between {@code at} and {@code end} starts with {@code prefix}. */
    private static boolean startsWith(String s, int at, int end, String prefix) {
        return end - at >= prefix.length() && s.startsWith(prefix, at);
    }

    /**
     * {@code HTML_TAG.matcher(html).region(0, end).find()} without the regex: a '<' followed by one of
     * the tag names, or by "!doctype", whitespace and "html", in any ASCII case, then by whitespace,
     * '>' or '/', all before {@code end}. A page usually opens with one, so this reads a few characters.
     */
    static boolean hasHtmlTag(String html, int end) {
        for (int at = html.indexOf('<', 0, end); at >= 0; at = html.indexOf('<', at + 1, end)) {
            if (isTagAt(html, at + 1, end)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name of {@link #HTML_TAG} and the character that ends it start at {@code i}, before {@code end}. */
    private static boolean isTagAt(String html, int i, int end) {
        if (i < end && html.charAt(i) == '!' && startsWithIgnoreCase(html, i + 1, end, "doctype")) {
            int j = i + 1 + "doctype".length();
            int spaces = j;
            while (j < end && AsciiRegex.isSpace(html.charAt(j))) {
                j++;
            }
            return j > spaces && startsWithIgnoreCase(html, j, end, "html") && j + 4 < end && isTagEnd(html.charAt(j + 4));
        }
        for (String name : TAG_NAMES) {
            int after = i + name.length();
            if (after < end && startsWithIgnoreCase(html, i, end, name) && isTagEnd(html.charAt(after))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code lower} (lower-case letters and digits) starts at {@code i}, before {@code end}, in any ASCII case, as {@code (?i)} reads it. */
    private static boolean startsWithIgnoreCase(String s, int i, int end, String lower) {
        return end - i >= lower.length() && AsciiRegex.matchesIgnoreCase(s, i, lower);
    }

    private static boolean isTagEnd(char c) {
        return AsciiRegex.isSpace(c) || c == '>' || c == '/';
    }

    static void check(String html, String url, int maxChars) throws ExtractionException {
        if (html.length() > maxChars) {
            throw new ExtractionException(ExtractionException.Cause.TOO_LARGE, url,
                    html.length() + " characters, limit " + maxChars);
        }
        // the first HEAD_CHARS characters are read in place, without copying them
        int headLength = Math.min(html.length(), HEAD_CHARS);
        int control = 0;
        for (int i = 0; i < headLength; i++) {
            char c = html.charAt(i);
            // one comparison for the usual character; NUL and the other controls are all below a space
            if (c < ' ') {
                if (c == 0) {
                    throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, "NUL character at " + i + ", binary content");
                }
                if (c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                    control++;
                }
            }
        }
        if (control > headLength / 10) {
            throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, control + " control characters in the first " + headLength);
        }
        int start = skipWhitespace(html, 0, headLength);
        if (start < headLength && html.charAt(start) == '\ufeff') {
            start = skipWhitespace(html, start + 1, headLength);
        }
        if (startsWith(html, start, headLength, "{") || startsWith(html, start, headLength, "[")
                || startsWith(html, start, headLength, "%PDF")) {
            throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, "starts with '" + html.charAt(start) + "', not markup");
        }
        if (startsWith(html, start, headLength, "<?xml")
                && !html.substring(0, Math.min(html.length(), PROLOG_CHARS)).toLowerCase(Locale.ROOT).contains("<html")) {
            throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, "XML document without <html>");
        }
        if (!hasHtmlTag(html, Math.min(html.length(), SNIFF_CHARS))) {
            throw new ExtractionException(ExtractionException.Cause.NOT_HTML, url, "no HTML tag in the first " + SNIFF_CHARS + " characters");
        }
    }
}
