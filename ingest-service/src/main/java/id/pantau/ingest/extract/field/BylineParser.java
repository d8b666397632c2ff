package id.pantau.ingest.extract.field;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads authors and editor from byline text as Indonesian outlets print it: "Penulis: Ramadhan |
 * Editor: Try Juliansyah", "Editor: yati", "Oleh MC PROV KALIMANTAN BARAT, Selasa, 19 November 2024 |
 * 13:39 WIB - Redaktur: Tri Antoro - 113", "Reporter: A dan B", "Published by Jauhari Fatria". Pure,
 * thread-safe.
 */
public final class BylineParser {

    private static final String LABEL_REGEX = "(?<![\\p{L}])(penulis|reporter|pewarta|wartawan|kontributor|laporan wartawan|oleh|"
            + "published by|written by|author|^by|editor|redaktur|penyunting|editing)(?![\\p{L}])\\s*:?\\s*";
    /** The labels of {@link #LABEL_REGEX} in its order; "by" only at the start of the text. */
    private static final String[] LABELS = {"penulis", "reporter", "pewarta", "wartawan", "kontributor", "laporan wartawan", "oleh",
        "published by", "written by", "author", "by", "editor", "redaktur", "penyunting", "editing"};
    private static final int BY = 10;
    private static final Pattern LABEL = Pattern.compile("(?iu)" + LABEL_REGEX);
    /**
     * {@link #LABEL} for ASCII text: on ASCII characters Unicode case folding is ASCII case folding, so
     * the two find the same labels, and the ASCII one compares faster.
     */
    static final Pattern LABEL_ASCII = Pattern.compile("(?i)" + LABEL_REGEX);
    /** Where a name ends: a field separator, a date or a day name after a comma, or a count. */
    static final Pattern NAME_END = Pattern.compile(
            "(?iu)\\s*(\\||\\s[-–—]\\s|\\s[-–—]$|[,;]\\s*(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|\\d)|\\(|\\n)");
    /** What {@link #collapseSpaces} replaces; kept to test that it does the same. */
    static final Pattern SPACES = Pattern.compile("[ \\t]+");
    static final Pattern TRIM = Pattern.compile("^[\\s:|,.\\-–—]+|[\\s:|,\\-–—]+$");
    static final Pattern SPLIT_AUTHORS = Pattern.compile("(?iu)\\s*(?:,|&|/|\\bdan\\b|\\band\\b)\\s*");

    /** An outlet name written as a domain ("Laporan Wartawan Tribunpontianak.co.id, Ramadhan") is not an author. */
    private static final Pattern DOMAIN = Pattern.compile("(?i)[\\w-]+(\\.[a-z]{2,})+");

    private BylineParser() {}

    /** Parses {@code text}; a text without any byline label gives {@link Byline#EMPTY}. */
    public static Byline parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Byline.EMPTY;
        }
        String s = collapseSpaces(text.replace('\u00a0', ' ')).strip();
        List<int[]> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (isAscii(s)) {
            for (int[] label : findAsciiLabels(s)) {
                labels.add(new int[] {label[0], label[1]});
                names.add(LABELS[label[2]]);
            }
        } else {
            Matcher m = LABEL.matcher(s);
            while (m.find()) {
                labels.add(new int[] {m.start(), m.end()});
                names.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        Set<String> authors = new LinkedHashSet<>();
        String editor = null;
        for (int i = 0; i < labels.size(); i++) {
            int valueEnd = i + 1 < labels.size() ? labels.get(i + 1)[0] : s.length();
            String value = cleanName(s.substring(labels.get(i)[1], valueEnd));
            if (value == null) {
                continue;
            }
            String label = names.get(i);
            if (label.startsWith("edit") || label.equals("redaktur") || label.equals("penyunting")) {
                if (editor == null) {
                    editor = value;
                }
            } else {
                for (String name : mayListAuthors(value) ? SPLIT_AUTHORS.split(value) : new String[] {value}) {
                    String cleaned = cleanName(name);
                    if (cleaned != null && (cleaned.indexOf('.') < 0 || !DOMAIN.matcher(cleaned).matches())) {
                        authors.add(cleaned);
                    }
                }
            }
        }
        return new Byline(List.copyOf(authors), editor);
    }

    /**
     * What {@link #LABEL_ASCII} finds in ASCII text, without the regex: each label as its start, its end
     * (after the {@code \\s*:?\\s*} that follows it) and its index in {@link #LABELS}. At each position
     * not preceded by a letter the labels are tried in the pattern's order, the first one not followed
     * by a letter wins, and the search goes on after it; "by" counts only at the start.
     */
    static List<int[]> findAsciiLabels(String s) {
        List<int[]> found = new ArrayList<>(2);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int label = i > 0 && isAsciiLetter(s.charAt(i - 1)) ? -1 : labelAt(s, i);
            if (label < 0) {
                i++;
                continue;
            }
            int end = i + LABELS[label].length();
            while (end < n && isRegexSpace(s.charAt(end))) {
                end++;
            }
            if (end < n && s.charAt(end) == ':') {
                end++;
            }
            while (end < n && isRegexSpace(s.charAt(end))) {
                end++;
            }
            found.add(new int[] {i, end, label});
            i = end;
        }
        return found;
    }

    /** The index of the first label that starts at {@code i} and is not followed by a letter, else -1. */
    private static int labelAt(String s, int i) {
        char first = (char) (s.charAt(i) | 0x20);
        if ("prwkloabe".indexOf(first) < 0) {
            return -1;
        }
        for (int label = 0; label < LABELS.length; label++) {
            String name = LABELS[label];
            int end = i + name.length();
            if (name.charAt(0) == first && s.regionMatches(true, i, name, 0, name.length()) && (end == s.length() || !isAsciiLetter(s.charAt(end)))
                    && (label != BY || i == 0)) {
                return label;
            }
        }
        return -1;
    }

    /** The length of label {@code index} of {@link #findAsciiLabels}. */
    static int labelLength(int index) {
        return LABELS[index].length();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The regex class {@code \\s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /**
     * False when {@link #SPLIT_AUTHORS} cannot match {@code value} (so splitting gives the value
     * alone): it needs ',', '&amp;', '/', or "dan" / "and" in any case (no other character folds to
     * 'a', 'd' or 'n').
     */
    static boolean mayListAuthors(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('&') >= 0 || value.indexOf('/') >= 0) {
            return true;
        }
        for (int i = 0; i + 3 <= value.length(); i++) {
            if (value.regionMatches(true, i, "dan", 0, 3) || value.regionMatches(true, i, "and", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /** A name from a raw value: cut at the first separator, trimmed of punctuation; null when empty. */
    static @Nullable String cleanName(String raw) {
        String value = raw.strip();
        if (mayEndName(value)) {
            int end = nameEnd(value);
            if (end >= 0) {
                value = value.substring(0, end);
            }
        }
        value = trim(value);
        if (value.isEmpty() || value.length() > 80 || !hasLetter(value)) {
            return null;
        }
        return value;
    }

    /** {@code SPACES.matcher(text).replaceAll(" ")} without the regex: each run of spaces and tabs becomes one space. */
    static String collapseSpaces(String text) {
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t';
            if (space && (c == '\t' || i + 1 < length && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t'))) {
                if (out == null) {
                    out = new StringBuilder(length).append(text, 0, i);
                }
                out.append(' ');
                while (i + 1 < length && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * {@code TRIM.matcher(value).replaceAll("")} without the regex: leading {@code \s : | , . - – —} and
     * trailing {@code \s : | , - – —} removed. A value ending in a line terminator {@code $} may stand
     * before ({@code \u0085}, {@code \u2028}, {@code \u2029}) goes to the regex.
     */
    static String trim(String value) {
        int length = value.length();
        if (length > 0 && "\u0085\u2028\u2029".indexOf(value.charAt(length - 1)) >= 0) {
            return TRIM.matcher(value).replaceAll("");
        }
        int start = 0;
        while (start < length && (isTrimmed(value.charAt(start)) || value.charAt(start) == '.')) {
            start++;
        }
        int end = length;
        while (end > start && isTrimmed(value.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == length ? value : value.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == ':' || c == '|' || c == ','
                || c == '-' || c == '–' || c == '—';
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where {@link #NAME_END} first matches in {@code s}, or -1, without the regex: the first position
     * where one of its alternatives (after the leading {@code \\s*}) matches, moved back over the
     * whitespace before it, since that {@code \\s*} lets the match start there.
     */
    static int nameEnd(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (endsNameAt(s, k)) {
                int start = k;
                while (start > 0 && isRegexSpace(s.charAt(start - 1))) {
                    start--;
                }
                return start;
            }
        }
        return -1;
    }

    private static final String[] DAYS = {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"};

    /** Whether an alternative of {@link #NAME_END} matches at {@code k}. */
    private static boolean endsNameAt(String s, int k) {
        int n = s.length();
        char c = s.charAt(k);
        if (c == '|' || c == '(' || c == '\n') {
            return true;
        }
        if (c == ',' || c == ';') {
            int j = k + 1;
            while (j < n && isRegexSpace(s.charAt(j))) {
                j++;
            }
            if (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                return true;
            }
            for (String day : DAYS) {
                // regionMatches ignoring case folds each character as the pattern's (?iu) does
                if (s.regionMatches(true, j, day, 0, day.length())) {
                    return true;
                }
            }
            return false;
        }
        if (isRegexSpace(c) && k + 1 < n && "-–—".indexOf(s.charAt(k + 1)) >= 0) {
            int after = k + 2;
            return after < n && isRegexSpace(s.charAt(after)) || isInputEnd(s, after);
        }
        return false;
    }

    /** Whether {@code $} (no MULTILINE) matches at {@code i}: the end, or a line terminator that ends the text. */
    private static boolean isInputEnd(String s, int i) {
        int n = s.length();
        if (i == n) {
            return true;
        }
        if (i == n - 2) {
            return s.charAt(i) == '\r' && s.charAt(i + 1) == '\n';
        }
        return i == n - 1 && "\n\r\u0085\u2028\u2029".indexOf(s.charAt(i)) >= 0;
    }

    /** False when {@link #NAME_END} cannot match: each of its alternatives needs one of {@code | - – — , ; (} or a line feed. */
    static boolean mayEndName(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("|-–—,;(\n".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
