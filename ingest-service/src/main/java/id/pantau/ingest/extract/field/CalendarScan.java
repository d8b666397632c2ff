package id.pantau.ingest.extract.field;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The plain ISO form, and the day-month-year, time, zone and relative-date patterns {@link
 * IndonesianDateParser} used, read by hand, for the printed dates of nearly every page ("Selasa, 19 November 2024 | 13:39 WIB"). Each method finds what
 * its pattern's {@code find} finds, trying start positions and alternatives in the pattern's own order;
 * {@code RegexFreePathsTest} holds them equal on generated text to the replaced patterns, which only the
 * tests keep ({@code ReplacedDatePatterns}). Run once per page on short strings, the
 * patterns cost far more than their size suggests, their code being cold by then. Pure.
 */
final class CalendarScan {

    /** The alternatives of {@code IndonesianDateParser.MONTH}, in its order, and their months. */
    private static final String[] MONTH_NAMES = {"januari", "january", "jan", "februari", "pebruari", "february", "feb", "peb", "maret",
        "march", "mar", "april", "apr", "mei", "may", "juni", "june", "jun", "juli", "july", "jul", "agustus", "august", "agu", "agt", "ags",
        "aug", "september", "sept", "sep", "oktober", "october", "okt", "oct", "november", "nopember", "nov", "nop", "desember", "december",
        "des", "dec"};
    private static final int[] MONTH_NUMBERS = {1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 8, 8, 8, 9, 9, 9, 10, 10,
        10, 10, 11, 11, 11, 11, 12, 12, 12, 12};
    private static final String[] HALVES = {"am", "pm", "a.m.", "p.m."};
    private static final String[] ZONE_NAMES = {"wib", "wita", "wit"};
    private static final String[] UTC_NAMES = {"utc", "gmt"};

    /** The unit alternatives of the replaced {@code RELATIVE} pattern, in its order; those written {@code x?} end in an optional 's'. */
    private static final String[] UNITS = {"detik", "second", "sec", "menit", "minute", "min", "jam", "hour", "hr", "hari", "day", "minggu",
        "pekan", "week", "bulan", "month", "tahun", "year"};
    private static final boolean[] UNIT_PLURAL = {false, true, true, false, true, true, false, true, true, false, true, false, false, true, false,
        true, false, true};
    private static final String[] COUNT_WORDS = {"a", "an", "se"};
    private static final String[] JUST_NOW = {"baru saja", "just now", "beberapa detik lalu"};
    private static final String[] YESTERDAY = {"kemarin", "yesterday"};

    private CalendarScan() {}

    /**
     * {@code RELATIVE.matcher(s).find()}: {count, unit} as written, or null. The pattern is {@code
     * \b(\d+|a|an|se)\s*(unit)\s+(?:yang\s+)?(?:lalu|ago)}, ASCII case-insensitive.
     */
    static String @Nullable [] relative(String s) {
        int length = s.length();
        for (int p = 0; p < length; p++) {
            if (!isBoundary(s, p)) {
                continue;
            }
            int digitsEnd = p;
            while (isDigit(s, digitsEnd)) {
                digitsEnd++;
            }
            if (digitsEnd > p) {
                String[] found = unitAndTail(s, p, digitsEnd);
                if (found != null) {
                    return found;
                }
            }
            for (String word : COUNT_WORDS) {
                if (AsciiRegex.matchesIgnoreCase(s, p, word)) {
                    String[] found = unitAndTail(s, p, p + word.length());
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /** The rest of {@link #relative} after a count from {@code countStart} to {@code countEnd}. */
    private static String @Nullable [] unitAndTail(String s, int countStart, int countEnd) {
        int u = skipSpaces(s, countEnd);
        for (int i = 0; i < UNITS.length; i++) {
            if (!AsciiRegex.matchesIgnoreCase(s, u, UNITS[i])) {
                continue;
            }
            int end = u + UNITS[i].length();
            if (UNIT_PLURAL[i] && end < s.length() && (s.charAt(end) == 's' || s.charAt(end) == 'S')) {
                end++;
            }
            if (endsAgo(s, end)) {
                return new String[] {s.substring(countStart, countEnd), s.substring(u, end)};
            }
        }
        return null;
    }

    /** {@code \s+(?:yang\s+)?(?:lalu|ago)} at {@code at}. */
    private static boolean endsAgo(String s, int at) {
        int t = skipSpaces(s, at);
        if (t == at) {
            return false;
        }
        if (AsciiRegex.matchesIgnoreCase(s, t, "yang")) {
            int y = skipSpaces(s, t + 4);
            if (y > t + 4 && (AsciiRegex.matchesIgnoreCase(s, y, "lalu") || AsciiRegex.matchesIgnoreCase(s, y, "ago"))) {
                return true;
            }
        }
        return AsciiRegex.matchesIgnoreCase(s, t, "lalu") || AsciiRegex.matchesIgnoreCase(s, t, "ago");
    }

    /** {@code JUST_NOW.matcher(s).find()}: "baru saja", "just now" or "beberapa detik lalu" as a whole word. */
    static boolean justNow(String s) {
        return hasWord(s, JUST_NOW);
    }

    /** {@code YESTERDAY.matcher(s).find()}: "kemarin" or "yesterday" as a whole word. */
    static boolean yesterday(String s) {
        return hasWord(s, YESTERDAY);
    }

    /** Whether one of {@code words} (lower-case ASCII) stands in {@code s} with a {@code \b} on either side. */
    private static boolean hasWord(String s, String[] words) {
        for (int p = 0; p < s.length(); p++) {
            if (!isBoundary(s, p)) {
                continue;
            }
            for (String word : words) {
                if (AsciiRegex.matchesIgnoreCase(s, p, word) && isBoundary(s, p + word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The common machine-written ISO form alone, {@code 2024-08-26T14:12:09+07:00} (or {@code Z}, or
     * {@code +0700}), read by position; null for any other form, which {@code IndonesianDateParser.ISO}
     * then reads. Gives what the pattern's reading gives for this form, including a {@link
     * DateTimeException} for a date, time or offset that does not exist.
     */
    static @Nullable Instant plainIso(String s) {
        int length = s.length();
        if (length < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || !allDigits(s, 0, 4) || !allDigits(s, 5, 2) || !allDigits(s, 8, 2) || !allDigits(s, 11, 2) || !allDigits(s, 14, 2)
                || !allDigits(s, 17, 2)) {
            return null;
        }
        int offsetSeconds;
        if (length == 20 && s.charAt(19) == 'Z') {
            offsetSeconds = 0;
        } else if ((length == 25 && s.charAt(22) == ':' || length == 24) && isSign(s, 19) && allDigits(s, 20, 2)
                && allDigits(s, length - 2, 2)) {
            int offsetMinutes = number(s, length - 2, 2);
            if (offsetMinutes > 59) {
                // ZoneOffset.of, which the pattern's reading uses, refuses it; ofTotalSeconds would not
                throw new DateTimeException("bad offset " + s.substring(19));
            }
            offsetSeconds = signed(s, 19, number(s, 20, 2) * 3600 + offsetMinutes * 60);
        } else {
            return null;
        }
        return LocalDateTime.of(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2), number(s, 11, 2), number(s, 14, 2), number(s, 17, 2))
                .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /**
     * {@code DAY_MONTH_YEAR.matcher(s).find(from)}: {day, month, year, end of the match}, or null.
     * The pattern is {@code \b(\d{1,2})\s*(month)\.?\s*,?\s*(\d{4})\b}, ASCII case-insensitive.
     */
    static int @Nullable [] dayMonthYear(String s, int from) {
        int length = s.length();
        for (int p = from; p < length; p++) {
            if (!isDigit(s, p) || !isBoundary(s, p)) {
                continue;
            }
            for (int dayDigits = 2; dayDigits >= 1; dayDigits--) {
                if (!isDigit(s, p + dayDigits - 1)) {
                    continue;
                }
                int q = skipSpaces(s, p + dayDigits);
                for (int m = 0; m < MONTH_NAMES.length; m++) {
                    String name = MONTH_NAMES[m];
                    if (!AsciiRegex.matchesIgnoreCase(s, q, name)) {
                        continue;
                    }
                    int r = q + name.length();
                    if (r < length && s.charAt(r) == '.') {
                        r++;
                    }
                    r = skipSpaces(s, r);
                    if (r < length && s.charAt(r) == ',') {
                        r++;
                    }
                    r = skipSpaces(s, r);
                    if (isDigit(s, r) && isDigit(s, r + 1) && isDigit(s, r + 2) && isDigit(s, r + 3) && isBoundary(s, r + 4)) {
                        return new int[] {number(s, p, dayDigits), MONTH_NUMBERS[m], number(s, r, 4), r + 4};
                    }
                }
            }
        }
        return null;
    }

    /**
     * {@code TIME.matcher(rest).find(from)}: {hour, minute, second or -1, half (0 none, 1 am, 2 pm)}, or
     * null. The pattern is {@code (?<![\d:.])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?![\d:])\s*(am|pm|a\.m\.|p\.m\.)?},
     * ASCII case-insensitive.
     */
    static int @Nullable [] time(String rest, int from) {
        int length = rest.length();
        for (int p = from; p < length; p++) {
            if (!isDigit(rest, p) || p > 0 && isDigitColonOrDot(rest.charAt(p - 1))) {
                continue;
            }
            for (int hourDigits = 2; hourDigits >= 1; hourDigits--) {
                int q = p + hourDigits;
                if (!isDigit(rest, q - 1) || !isColonOrDot(rest, q) || !isDigit(rest, q + 1) || !isDigit(rest, q + 2)) {
                    continue;
                }
                int minuteEnd = q + 3;
                int second = -1;
                int end = -1;
                if (isColonOrDot(rest, minuteEnd) && isDigit(rest, minuteEnd + 1) && isDigit(rest, minuteEnd + 2)
                        && !isDigitOrColon(rest, minuteEnd + 3)) {
                    second = number(rest, minuteEnd + 1, 2);
                    end = minuteEnd + 3;
                } else if (!isDigitOrColon(rest, minuteEnd)) {
                    end = minuteEnd;
                }
                if (end < 0) {
                    continue;
                }
                int h = skipSpaces(rest, end);
                int half = 0;
                for (int i = 0; i < HALVES.length; i++) {
                    if (AsciiRegex.matchesIgnoreCase(rest, h, HALVES[i])) {
                        half = HALVES[i].charAt(0) == 'a' ? 1 : 2;
                        break;
                    }
                }
                return new int[] {number(rest, p, hourDigits), number(rest, q + 1, 2), second, half};
            }
        }
        return null;
    }

    /**
     * The offset {@code ZONE.matcher(rest).find()} finds, as {@code IndonesianDateParser} reads it, or
     * null when it finds none. The pattern's alternatives, tried in order at each position: {@code
     * \b(WIB|WITA|WIT)\b}, {@code \b(?:UTC|GMT)\s*([+-]\d{1,2})(?::?(\d{2}))?}, {@code \b(UTC|GMT)\b},
     * {@code (?<=\d)\s*([+-]\d{2}):?(\d{2})\b}, ASCII case-insensitive.
     *
     * @throws DateTimeException for an offset out of range, as the parser's reading throws
     */
    static @Nullable ZoneOffset zone(String rest) {
        int length = rest.length();
        for (int p = 0; p < length; p++) {
            boolean boundary = isBoundary(rest, p);
            if (boundary) {
                for (String name : ZONE_NAMES) {
                    if (AsciiRegex.matchesIgnoreCase(rest, p, name) && isBoundary(rest, p + name.length())) {
                        return switch (name) {
                            case "wita" -> ZoneOffset.ofHours(8);
                            case "wit" -> ZoneOffset.ofHours(9);
                            default -> IndonesianDateParser.WIB;
                        };
                    }
                }
                for (String name : UTC_NAMES) {
                    if (!AsciiRegex.matchesIgnoreCase(rest, p, name)) {
                        continue;
                    }
                    int q = skipSpaces(rest, p + name.length());
                    if (isSign(rest, q) && isDigit(rest, q + 1)) {
                        int hourDigits = isDigit(rest, q + 2) ? 2 : 1;
                        int hours = signed(rest, q, number(rest, q + 1, hourDigits));
                        int m = q + 1 + hourDigits;
                        if (m < length && rest.charAt(m) == ':' && isDigit(rest, m + 1) && isDigit(rest, m + 2)) {
                            m++;
                        }
                        int minutes = isDigit(rest, m) && isDigit(rest, m + 1) ? number(rest, m, 2) : 0;
                        return ZoneOffset.ofHoursMinutes(hours, hours < 0 ? -minutes : minutes);
                    }
                }
                for (String name : UTC_NAMES) {
                    if (AsciiRegex.matchesIgnoreCase(rest, p, name) && isBoundary(rest, p + name.length())) {
                        return ZoneOffset.UTC;
                    }
                }
            }
            if (p > 0 && isDigit(rest, p - 1)) {
                int q = skipSpaces(rest, p);
                if (isSign(rest, q) && isDigit(rest, q + 1) && isDigit(rest, q + 2)) {
                    int m = q + 3;
                    if (m < length && rest.charAt(m) == ':') {
                        m++;
                    }
                    if (isDigit(rest, m) && isDigit(rest, m + 1) && isBoundary(rest, m + 2)) {
                        int hours = signed(rest, q, number(rest, q + 1, 2));
                        int minutes = number(rest, m, 2);
                        return ZoneOffset.ofHoursMinutes(hours, hours < 0 ? -minutes : minutes);
                    }
                }
            }
        }
        return null;
    }

    /** What {@code \s*} skips: ASCII white space, {@code [ \t\n\x0B\f\r]}. */
    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000b' && c != '\f' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** {@code \b} at {@code i}: a word character ({@code [a-zA-Z0-9_]}) on exactly one side. */
    private static boolean isBoundary(String s, int i) {
        boolean before = i > 0 && isWord(s.charAt(i - 1));
        boolean after = i < s.length() && isWord(s.charAt(i));
        return before != after;
    }

    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Whether the {@code count} characters of {@code s} from {@code start} are all ASCII digits. */
    static boolean allDigits(String s, int start, int count) {
        for (int i = start; i < start + count; i++) {
            if (!isDigit(s, i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} has an ASCII digit at {@code i} (false outside it). */
    static boolean isDigit(String s, int i) {
        return i >= 0 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static boolean isColonOrDot(String s, int i) {
        return i < s.length() && (s.charAt(i) == ':' || s.charAt(i) == '.');
    }

    private static boolean isDigitColonOrDot(char c) {
        return c >= '0' && c <= '9' || c == ':' || c == '.';
    }

    private static boolean isDigitOrColon(String s, int i) {
        return i < s.length() && (isDigit(s, i) || s.charAt(i) == ':');
    }

    private static boolean isSign(String s, int i) {
        return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-');
    }

    private static int signed(String s, int sign, int value) {
        return s.charAt(sign) == '-' ? -value : value;
    }

    private static int number(String s, int start, int digits) {
        int value = 0;
        for (int i = start; i < start + digits; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
