package id.pantau.ingest.extract.field;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the dateline at the start of an article's first paragraph: "TRIBUNPONTIANAK.CO.ID, MEMPAWAH
 * -", "TANJUNG SELOR, Suaraborneo.id –", "Pontianak, InfoPublik –", "KalbarOnline, Pontianak –",
 * "TANJUNGPURA.ID (SINGKAWANG) –", "KalbarOnline.com –", "PONTIANAK -". A prefix counts as a dateline
 * only when it is short and made of an outlet brand and/or an upper-case place; ordinary sentences that
 * contain a dash are left alone. A replacement character (mojibake of a dash from a mis-decoded page)
 * counts as a dash. Pure, thread-safe.
 */
public final class DatelineParser {

    /** What {@link #findPrefix} finds; kept to test that it does the same. */
    static final Pattern PREFIX = Pattern.compile("^(.{2,70}?)\\s*[-–—\\uFFFD]+\\s+(?=\\S)");
    /** What {@link #collapseWhitespace} replaces; kept to test that it does the same. */
    static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");
    private static final int HEAD_CHARS = 100;
    /** What {@link #splitParts} splits at; kept to test that it does the same. */
    static final Pattern PART_SPLIT = Pattern.compile("\\s*[,()]\\s*");
    /** Outlet brands: a domain ("Suaraborneo.id") or one camel-case word ("KalbarOnline", "InfoPublik"). */
    static final Pattern BRAND = Pattern.compile(
            "[\\p{L}\\d-]+(\\.\\p{L}{2,})+|\\p{Lu}\\p{Ll}+\\p{Lu}\\p{L}*|(?i:antara|antaranews|tribun\\p{L}*)");
    static final Pattern PLACE = Pattern.compile("[\\p{L}][\\p{L}.' ]{1,40}");

    private DatelineParser() {}

    /** The dateline at the start of {@code paragraph}, or null when it has none. */
    public static @Nullable Dateline parse(String paragraph) {
        // only the head of the paragraph can hold a dateline; whitespace is normalised there alone
        int headEnd = Math.min(paragraph.length(), HEAD_CHARS);
        if (paragraph.indexOf('-', 0, headEnd) < 0 && paragraph.indexOf('–', 0, headEnd) < 0 && paragraph.indexOf('—', 0, headEnd) < 0
                && paragraph.indexOf('\uFFFD', 0, headEnd) < 0) {
            return null;
        }
        String s;
        if (paragraph.length() <= HEAD_CHARS) {
            s = collapseWhitespace(paragraph).strip();
        } else if (isCollapsed(paragraph, HEAD_CHARS) && !Character.isWhitespace(paragraph.codePointAt(0))) {
            // what the line below gives, without copying the paragraph (body paragraphs are already normal)
            s = paragraph;
        } else {
            s = collapseWhitespace(paragraph.substring(0, HEAD_CHARS)).stripLeading() + paragraph.substring(HEAD_CHARS);
        }
        long found = findPrefix(s);
        if (found < 0) {
            return null;
        }
        int prefixEnd = (int) (found >>> 32);
        int matchEnd = (int) found;
        String prefix = s.substring(0, prefixEnd).strip();
        boolean hasBrand = false;
        String place = null;
        int parts = 0;
        for (String part : splitParts(prefix)) {
            if (part.isBlank()) {
                continue;
            }
            if (++parts > 3) {
                // more parts than a dateline has: what any further part is cannot change the answer
                return null;
            }
            if (isBrand(part)) {
                hasBrand = true;
            } else if (place == null && isPlace(part) && splitCount(part) <= 4) {
                place = part;
            } else {
                return null;
            }
        }
        if (parts == 0 || (!hasBrand && (place == null || !isUpperCase(place)))) {
            return null;
        }
        // the match ends in the \s+ after the dashes, which strip() would remove with a second copy
        int textEnd = matchEnd;
        while (textEnd > 0 && AsciiRegex.isSpace(s.charAt(textEnd - 1))) {
            textEnd--;
        }
        String text = s.substring(0, textEnd).strip();
        return new Dateline(text, place == null ? null : titleCase(place), s.substring(matchEnd).strip());
    }

    /**
     * {@code part.split(" ").length} without the split: the spaces before the last character that is
     * not one, plus one (split drops the empty strings at the end), and 0 when there is no such character.
     */
    static int splitCount(String part) {
        int last = part.length() - 1;
        while (last >= 0 && part.charAt(last) == ' ') {
            last--;
        }
        if (last < 0) {
            return part.isEmpty() ? 1 : 0;
        }
        int count = 1;
        for (int i = 0; i < last; i++) {
            if (part.charAt(i) == ' ') {
                count++;
            }
        }
        return count;
    }

    /**
     * {@code place.equals(place.toUpperCase(Locale.ROOT))}: ASCII text is upper case when it has no
     * 'a' to 'z'; any other character (one may become two, as 'ß' does) is left to {@code toUpperCase}.
     */
    static boolean isUpperCase(String place) {
        boolean lower = false;
        for (int i = 0; i < place.length(); i++) {
            char c = place.charAt(i);
            if (c >= 128) {
                return place.equals(place.toUpperCase(Locale.ROOT));
            }
            lower |= c >= 'a' && c <= 'z';
        }
        return !lower;
    }

    /**
     * {@code PREFIX.matcher(s).find()} without the regex: the end of group 1 in the high half and the
     * end of the match in the low half, or -1 when it does not match. Group 1 ({@code .{2,70}?}) is the
     * shortest run of at least 2 characters (no line terminator) after which {@code \s*}, one or more
     * dashes, {@code \s+} and a non-{@code \s} character follow; the greedy parts after it cannot give
     * back anything a later part could use, so the first such length is the regex's. Where {@code .}
     * counts code points the lengths differ, so text is left to the regex when a surrogate comes among
     * the characters of group 1 before a length is found: up to there both read the same characters.
     */
    static long findPrefix(String s) {
        int n = s.length();
        if (n > 0 && (isLineTerminator(s.charAt(0)) || Character.isSurrogate(s.charAt(0)))) {
            return Character.isSurrogate(s.charAt(0)) ? findPrefixByRegex(s) : -1;
        }
        for (int length = 2; length <= Math.min(n, 70); length++) {
            char last = s.charAt(length - 1);
            if (isLineTerminator(last)) {
                return -1;
            }
            if (Character.isSurrogate(last)) {
                return findPrefixByRegex(s);
            }
            int i = length;
            while (i < n && AsciiRegex.isSpace(s.charAt(i))) {
                i++;
            }
            int dashes = i;
            while (i < n && isDash(s.charAt(i))) {
                i++;
            }
            if (i == dashes) {
                continue;
            }
            int spaces = i;
            while (i < n && AsciiRegex.isSpace(s.charAt(i))) {
                i++;
            }
            if (i > spaces && i < n) {
                return (long) length << 32 | i;
            }
        }
        return -1;
    }

    private static long findPrefixByRegex(String s) {
        Matcher m = PREFIX.matcher(s);
        return m.find() ? (long) m.end(1) << 32 | m.end() : -1;
    }

    // the character classes below answer for a letter, the usual character, in one or two comparisons

    private static boolean isDash(char c) {
        return c == '-' || c >= '–' && (c == '–' || c == '—' || c == '\uFFFD');
    }

    /** The characters {@code .} does not match without DOTALL. */
    private static boolean isLineTerminator(char c) {
        return c <= '\r' ? c == '\n' || c == '\r' : c >= '\u0085' && (c == '\u0085' || c == '\u2028' || c == '\u2029');
    }

    /** {@code WHITESPACE.matcher(text).replaceAll(" ")} without the regex: each run of {@code [\s\u00a0]} becomes one space. */
    static String collapseWhitespace(String text) {
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (AsciiRegex.isSpace(c) || c == '\u00a0') {
                int end = i + 1;
                while (end < length && (AsciiRegex.isSpace(text.charAt(end)) || text.charAt(end) == '\u00a0')) {
                    end++;
                }
                if (c == ' ' && end == i + 1) {
                    if (out != null) {
                        out.append(' ');
                    }
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(length).append(text, 0, i);
                }
                out.append(' ');
                i = end - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * {@code BRAND.matcher(part).matches()} without the regex: a domain (letters, digits and '-', then
     * one or more '.' each followed by two or more letters), a camel-case word (upper, lower case
     * letters, upper, then letters), or "antara", "antaranews", "tribun" and letters (ASCII case
     * ignored, as {@code (?i)} without {@code u} does). Letters are code points, as the pattern reads them.
     */
    static boolean isBrand(String part) {
        return isDomain(part) || isCamelWord(part) || isAsciiBrand(part);
    }

    private static boolean isDomain(String s) {
        int dot = s.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        for (int i = 0; i < dot; ) {
            int cp = s.codePointAt(i);
            if (!(Character.isLetter(cp) || cp >= '0' && cp <= '9' || cp == '-')) {
                return false;
            }
            i += Character.charCount(cp);
        }
        int letters = 0;
        for (int i = dot + 1; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp == '.') {
                if (letters < 2) {
                    return false;
                }
                letters = 0;
            } else if (Character.isLetter(cp)) {
                letters++;
            } else {
                return false;
            }
            i += Character.charCount(cp);
        }
        return letters >= 2;
    }

    private static boolean isCamelWord(String s) {
        int n = s.length();
        if (n == 0 || !Character.isUpperCase(s.codePointAt(0))) {
            return false;
        }
        int i = Character.charCount(s.codePointAt(0));
        int lower = 0;
        while (i < n && Character.isLowerCase(s.codePointAt(i))) {
            lower++;
            i += Character.charCount(s.codePointAt(i));
        }
        if (lower == 0 || i == n || !Character.isUpperCase(s.codePointAt(i))) {
            return false;
        }
        for (i += Character.charCount(s.codePointAt(i)); i < n; ) {
            int cp = s.codePointAt(i);
            if (!Character.isLetter(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isAsciiBrand(String s) {
        if (asciiEqualsIgnoreCase(s, 0, s.length(), "antara") || asciiEqualsIgnoreCase(s, 0, s.length(), "antaranews")) {
            return true;
        }
        if (s.length() < 6 || !asciiEqualsIgnoreCase(s, 0, 6, "tribun")) {
            return false;
        }
        for (int i = 6; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isLetter(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean asciiEqualsIgnoreCase(String s, int start, int end, String lowerAscii) {
        return end - start == lowerAscii.length() && AsciiRegex.matchesIgnoreCase(s, start, lowerAscii);
    }

    /** {@code PLACE.matcher(part).matches()} without the regex: a letter, then 1 to 40 of letters, dots, apostrophes and spaces (code points). */
    static boolean isPlace(String part) {
        int n = part.length();
        if (n == 0 || !Character.isLetter(part.codePointAt(0))) {
            return false;
        }
        int count = 0;
        for (int i = Character.charCount(part.codePointAt(0)); i < n; ) {
            int cp = part.codePointAt(i);
            if (!(Character.isLetter(cp) || cp == '.' || cp == '\'' || cp == ' ') || ++count > 40) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return count >= 1;
    }

    /** Whether {@link #collapseWhitespace} leaves the first {@code end} characters of {@code text} as they are. */
    static boolean isCollapsed(String text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if ((AsciiRegex.isSpace(c) || c == '\u00a0')
                    && (c != ' ' || i + 1 < end && (AsciiRegex.isSpace(text.charAt(i + 1)) || text.charAt(i + 1) == '\u00a0'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The non-blank parts {@code PART_SPLIT.split(prefix)} gives (blank ones are skipped by the caller
     * either way): split at {@code , ( )}, {@code \s} trimmed where it touches a separator. The prefix is
     * already stripped, so its two ends have no {@code \s} to trim.
     */
    static List<String> splitParts(String prefix) {
        List<String> parts = new ArrayList<>(3);
        int start = 0;
        for (int i = 0; i <= prefix.length(); i++) {
            if (i == prefix.length() || prefix.charAt(i) == ',' || prefix.charAt(i) == '(' || prefix.charAt(i) == ')') {
                int from = start;
                int to = i;
                while (from < to && AsciiRegex.isSpace(prefix.charAt(from))) {
                    from++;
                }
                while (to > from && AsciiRegex.isSpace(prefix.charAt(to - 1))) {
                    to--;
                }
                parts.add(prefix.substring(from, to));
                start = i + 1;
            }
        }
        return parts;
    }

    /** "TANJUNG SELOR" -> "Tanjung Selor"; "pontianak" -> "Pontianak". */
    public static String titleCase(String place) {
        StringBuilder out = new StringBuilder(place.length());
        boolean start = true;
        for (int i = 0; i < place.length(); i++) {
            char c = place.charAt(i);
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ' || c == '-' || c == '(';
        }
        return out.toString();
    }
}
