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

    private static final Pattern PREFIX = Pattern.compile("^(.{2,70}?)\\s*[-–—\\uFFFD]+\\s+(?=\\S)");
    /** What {@link #collapseWhitespace} replaces; kept to test that it does the same. */
    static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");
    private static final int HEAD_CHARS = 100;
    /** What {@link #splitParts} splits at; kept to test that it does the same. */
    static final Pattern PART_SPLIT = Pattern.compile("\\s*[,()]\\s*");
    /** Outlet brands: a domain ("Suaraborneo.id") or one camel-case word ("KalbarOnline", "InfoPublik"). */
    private static final Pattern BRAND = Pattern.compile(
            "[\\p{L}\\d-]+(\\.\\p{L}{2,})+|\\p{Lu}\\p{Ll}+\\p{Lu}\\p{L}*|(?i:antara|antaranews|tribun\\p{L}*)");
    private static final Pattern PLACE = Pattern.compile("[\\p{L}][\\p{L}.' ]{1,40}");

    private DatelineParser() {}

    /** The dateline at the start of {@code paragraph}, or null when it has none. */
    public static @Nullable Dateline parse(String paragraph) {
        // only the head of the paragraph can hold a dateline; whitespace is normalised there alone
        String head = paragraph.length() > HEAD_CHARS ? paragraph.substring(0, HEAD_CHARS) : paragraph;
        if (head.indexOf('-') < 0 && head.indexOf('–') < 0 && head.indexOf('—') < 0 && head.indexOf('\uFFFD') < 0) {
            return null;
        }
        String s = paragraph.length() > HEAD_CHARS
                ? collapseWhitespace(head).stripLeading() + paragraph.substring(HEAD_CHARS)
                : collapseWhitespace(paragraph).strip();
        Matcher m = PREFIX.matcher(s);
        if (!m.find()) {
            return null;
        }
        String prefix = m.group(1).strip();
        boolean hasBrand = false;
        String place = null;
        int parts = 0;
        for (String part : splitParts(prefix)) {
            if (part.isBlank()) {
                continue;
            }
            parts++;
            if (BRAND.matcher(part).matches()) {
                hasBrand = true;
            } else if (place == null && PLACE.matcher(part).matches() && part.split(" ").length <= 4) {
                place = part;
            } else {
                return null;
            }
        }
        if (parts == 0 || parts > 3 || (!hasBrand && (place == null || !place.equals(place.toUpperCase(Locale.ROOT))))) {
            return null;
        }
        String text = s.substring(0, m.end()).strip();
        return new Dateline(text, place == null ? null : titleCase(place), s.substring(m.end()).strip());
    }

    /** {@code WHITESPACE.matcher(text).replaceAll(" ")} without the regex: each run of {@code [\s\u00a0]} becomes one space. */
    static String collapseWhitespace(String text) {
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c) || c == '\u00a0') {
                int end = i + 1;
                while (end < length && (isRegexSpace(text.charAt(end)) || text.charAt(end) == '\u00a0')) {
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

    /** The regex class {@code \s} (ASCII whitespace). */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
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
                while (from < to && isRegexSpace(prefix.charAt(from))) {
                    from++;
                }
                while (to > from && isRegexSpace(prefix.charAt(to - 1))) {
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
