package id.pantau.ingest.extract.field;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
    private static final int[] NO_LABELS = {};
    /** The indexes in {@link #LABELS} of the labels each lower-case ASCII letter starts, in their order. */
    private static final int[][] LABELS_BY_FIRST = new int['z' + 1][];

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

    static {
        for (char c = 0; c < LABELS_BY_FIRST.length; c++) {
            char first = c;
            LABELS_BY_FIRST[c] = IntStream.range(0, LABELS.length).filter(label -> LABELS[label].charAt(0) == first).toArray();
        }
    }

    private BylineParser() {}

    /** Parses {@code text}; a text without any byline label gives {@link Byline#EMPTY}. */
    public static Byline parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Byline.EMPTY;
        }
        String s = collapseSpaces(text.replace('\u00a0', ' ')).strip();
        // each label as {start, end, index in LABELS}; the index is -1 where the name is in names
        List<int[]> labels;
        List<String> names = null;
        if (isAscii(s)) {
            labels = findAsciiLabels(s);
        } else {
            labels = new ArrayList<>(2);
            names = new ArrayList<>(2);
            Matcher m = LABEL.matcher(s);
            while (m.find()) {
                labels.add(new int[] {m.start(), m.end(), -1});
                names.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        if (labels.isEmpty()) {
            return Byline.EMPTY;
        }
        Set<String> authors = null;
        String editor = null;
        for (int i = 0; i < labels.size(); i++) {
            int[] label = labels.get(i);
            int valueEnd = i + 1 < labels.size() ? labels.get(i + 1)[0] : s.length();
            String value = cleanName(s.substring(label[1], valueEnd));
            if (value == null) {
                continue;
            }
            if (isEditorLabel(label[2] >= 0 ? LABELS[label[2]] : names.get(i))) {
                if (editor == null) {
                    editor = value;
                }
            } else {
                if (authors == null) {
                    authors = new LinkedHashSet<>();
                }
                if (mayListAuthors(value)) {
                    for (String name : SPLIT_AUTHORS.split(value)) {
                        addAuthor(authors, cleanName(name));
                    }
                } else {
                    addAuthor(authors, cleanName(value));
                }
            }
        }
        return authors == null && editor == null ? Byline.EMPTY : new Byline(authors == null ? List.of() : List.copyOf(authors), editor);
    }

    private static boolean isEditorLabel(String label) {
        return label.startsWith("edit") || label.equals("redaktur") || label.equals("penyunting");
    }

    private static void addAuthor(Set<String> authors, @Nullable String name) {
        if (name != null && (name.indexOf('.') < 0 || !DOMAIN.matcher(name).matches())) {
            authors.add(name);
        }
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
            while (end < n && AsciiRegex.isSpace(s.charAt(end))) {
                end++;
            }
            if (end < n && s.charAt(end) == ':') {
                end++;
            }
            while (end < n && AsciiRegex.isSpace(s.charAt(end))) {
                end++;
            }
            found.add(new int[] {i, end, label});
            i = end;
        }
        return found;
    }

    /** The index of the first label that starts at {@code i} and is not followed by a letter, else -1. */
    private static int labelAt(String s, int i) {
        for (int label : labelsStartingWith((char) (s.charAt(i) | 0x20))) {
            String name = LABELS[label];
            int end = i + name.length();
            if (s.regionMatches(true, i, name, 0, name.length()) && (end == s.length() || !isAsciiLetter(s.charAt(end)))
                    && (label != BY || i == 0)) {
                return label;
            }
        }
        return -1;
    }

    /**
     * The labels that may start with a character whose ASCII lower-case bit is set to give {@code lower}:
     * only 'A' to 'Z' and 'a' to 'z' give a letter, so the other characters get none.
     */
    private static int[] labelsStartingWith(char lower) {
        return lower < LABELS_BY_FIRST.length ? LABELS_BY_FIRST[lower] : NO_LABELS;
    }

    /** The length of label {@code index} of {@link #findAsciiLabels}. */
    static int labelLength(int index) {
        return LABELS[index].length();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * False when {@link #SPLIT_AUTHORS} cannot match {@code value} (so splitting gives the value
     * alone): it needs ',', '&amp;', '/', or "dan" / "and" in any case (no other character folds to
     * 'a', 'd' or 'n', so setting the ASCII lower-case bit, which maps only 'A' to 'a', tells them).
     */
    static boolean mayListAuthors(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '&' || c == '/') {
                return true;
            }
            char lower = (char) (c | 0x20);
            if ((lower == 'd' || lower == 'a') && i + 2 < length) {
                char second = (char) (value.charAt(i + 1) | 0x20);
                char third = (char) (value.charAt(i + 2) | 0x20);
                if (lower == 'd' ? second == 'a' && third == 'n' : second == 'n' && third == 'd') {
                    return true;
                }
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
        // the usual text has neither, and the two searches are faster than the loop
        if (text.indexOf('\t') < 0 && !text.contains("  ")) {
            return text;
        }
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
                while (start > 0 && AsciiRegex.isSpace(s.charAt(start - 1))) {
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
            while (j < n && AsciiRegex.isSpace(s.charAt(j))) {
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
        if (AsciiRegex.isSpace(c) && k + 1 < n && "-–—".indexOf(s.charAt(k + 1)) >= 0) {
            int after = k + 2;
            return after < n && AsciiRegex.isSpace(s.charAt(after)) || isInputEnd(s, after);
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
            switch (s.charAt(i)) {
                case '|', '-', '–', '—', ',', ';', '(', '\n' -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }

    private static boolean hasLetter(String value) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                return true;
            }
            int cp = value.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
