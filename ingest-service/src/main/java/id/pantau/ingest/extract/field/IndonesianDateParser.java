package id.pantau.ingest.extract.field;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses dates the way Indonesian outlets print them into an {@link Instant}: ISO 8601, "Senin
 * (26/8/2024)", "Selasa, 19 November 2024 | 13:39 WIB", "Kamis, 17 Oktober 2024 - 15:01 WIB", "Senin
 * 18 November 2024", "18/11/2024 14:05", English month names ("November 18, 2024 2:05 PM") and
 * relative times ("4 hours ago", "2 jam yang lalu", "5 menit lalu", "kemarin").
 *
 * <p>Zones: WIB (+07), WITA (+08), WIT (+09), explicit offsets, UTC/GMT; a date without a zone is read
 * in the default zone (WIB unless given). A date without a time is midnight in that zone. Thread-safe.
 */
public final class IndonesianDateParser {

    /** Western Indonesian Time, the default zone. */
    public static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("februari", 2), Map.entry("pebruari", 2), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("peb", 2), Map.entry("maret", 3), Map.entry("march", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("mei", 5), Map.entry("may", 5),
            Map.entry("juni", 6), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("juli", 7),
            Map.entry("july", 7), Map.entry("jul", 7), Map.entry("agustus", 8), Map.entry("august", 8),
            Map.entry("agu", 8), Map.entry("agt", 8), Map.entry("ags", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("oktober", 10),
            Map.entry("october", 10), Map.entry("okt", 10), Map.entry("oct", 10), Map.entry("november", 11),
            Map.entry("nopember", 11), Map.entry("nov", 11), Map.entry("nop", 11), Map.entry("desember", 12),
            Map.entry("december", 12), Map.entry("des", 12), Map.entry("dec", 12));

    /** The month names the patterns take; also those of the replaced day-month-year pattern the tests keep. */
    static final String MONTH = "(januari|january|jan|februari|pebruari|february|feb|peb|maret|march|mar|april|apr"
            + "|mei|may|juni|june|jun|juli|july|jul|agustus|august|agu|agt|ags|aug|september|sept|sep|oktober|october"
            + "|okt|oct|november|nopember|nov|nop|desember|december|des|dec)\\.?";

    static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC =
            Pattern.compile("(?<![\\d/])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?![\\d/])");
    private final Clock clock;
    private final ZoneOffset defaultZone;

    /** A parser resolving relative dates against {@code clock}, reading zone-less dates as WIB. */
    public IndonesianDateParser(Clock clock) {
        this(clock, WIB);
    }

    /** A parser resolving relative dates against {@code clock}, reading zone-less dates in {@code defaultZone}. */
    public IndonesianDateParser(Clock clock, ZoneOffset defaultZone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    /**
     * Parses the first date in {@code text}.
     *
     * @return the instant, or null when the text holds no date this parser knows
     */
    public @Nullable Instant parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.replace('\u00a0', ' ').strip();
        try {
            Instant iso = parseIso(s);
            if (iso != null) {
                return iso;
            }
            Instant relative = parseRelative(s);
            if (relative != null) {
                return relative;
            }
            return parseCalendar(s);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private @Nullable Instant parseIso(String s) {
        Instant plain = CalendarScan.plainIso(s);
        return plain != null ? plain : parseIsoByPattern(s);
    }

    /** {@link #parseIso} without the positional reading; kept to test that the two give the same. */
    @Nullable Instant parseIsoByPattern(String s) {
        if (!hasIsoDate(s)) {
            return null;
        }
        Matcher m = ISO.matcher(s);
        if (!m.find()) {
            return null;
        }
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime time = m.group(4) == null
                ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        ZoneOffset zone = m.group(7) == null ? zoneIn(s.substring(m.end())) : isoOffset(m.group(7));
        return LocalDateTime.of(date, time).toInstant(zone);
    }

    /** Whether {@code s} holds {@code \\d{4}-\\d{2}-\\d{2}}, which every match of {@link #ISO} starts with. */
    static boolean hasIsoDate(String s) {
        for (int dash = s.indexOf('-', 4); dash >= 0 && dash + 5 < s.length(); dash = s.indexOf('-', dash + 1)) {
            if (s.charAt(dash + 3) == '-' && CalendarScan.allDigits(s, dash - 4, 4) && CalendarScan.allDigits(s, dash + 1, 2)
                    && CalendarScan.allDigits(s, dash + 4, 2)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index of the first ASCII digit of {@code s}, else its length. A match of a pattern that starts
     * with {@code \\d} (after a zero-width {@code \\b} or lookbehind) cannot start before it, and {@code
     * find(from)} still looks behind {@code from}, so searching from there finds the same match.
     */
    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return i;
            }
        }
        return s.length();
    }

    private static ZoneOffset isoOffset(String offset) {
        if (offset.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String normal = offset.length() == 3 ? offset + ":00" : offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
        try {
            return ZoneOffset.of(normal);
        } catch (DateTimeParseException e) {
            throw new DateTimeException("bad offset " + offset, e);
        }
    }

    private @Nullable Instant parseRelative(String s) {
        if (!mayBeRelative(s)) {
            return null;
        }
        if (CalendarScan.justNow(s)) {
            return clock.instant();
        }
        String[] relative = CalendarScan.relative(s);
        if (relative != null) {
            String count = relative[0].toLowerCase(Locale.ROOT);
            try {
                long n = count.equals("a") || count.equals("an") || count.equals("se") ? 1 : Long.parseLong(count);
                return clock.instant().minusSeconds(Math.multiplyExact(unit(relative[1].toLowerCase(Locale.ROOT)).getSeconds(), n));
            } catch (NumberFormatException | ArithmeticException e) {
                // "99999999999999999999 jam lalu": no time this parser can give
                return null;
            }
        }
        if (CalendarScan.yesterday(s)) {
            return clock.instant().minus(Duration.ofDays(1));
        }
        return null;
    }

    /** False when {@code s} holds none of the words every relative pattern (ASCII case-insensitive) needs. */
    static boolean mayBeRelative(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                // String.toLowerCase may map other characters to ASCII letters
                String lower = s.toLowerCase(Locale.ROOT);
                return lower.contains("lalu") || lower.contains("ago") || lower.contains("baru saja") || lower.contains("just now")
                        || lower.contains("kemarin") || lower.contains("yesterday");
            }
        }
        for (int i = 0; i < s.length(); i++) {
            String word = switch (s.charAt(i) | 0x20) {
                case 'l' -> "lalu";
                case 'a' -> "ago";
                case 'b' -> "baru saja";
                case 'j' -> "just now";
                case 'k' -> "kemarin";
                case 'y' -> "yesterday";
                default -> null;
            };
            // the second letter first: most letters that may start a word do not start one of these
            if (word != null && i + 1 < s.length() && (s.charAt(i + 1) | 0x20) == word.charAt(1) && s.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static Duration unit(String unit) {
        if (unit.startsWith("detik") || unit.startsWith("sec")) {
            return Duration.ofSeconds(1);
        } else if (unit.startsWith("minggu") || unit.startsWith("pekan") || unit.startsWith("week")) {
            return Duration.ofDays(7);
        } else if (unit.startsWith("menit") || unit.startsWith("min")) {
            return Duration.ofMinutes(1);
        } else if (unit.startsWith("hari") || unit.startsWith("day")) {
            return Duration.ofDays(1);
        } else if (unit.startsWith("jam") || unit.startsWith("hour") || unit.startsWith("hr")) {
            return Duration.ofHours(1);
        } else if (unit.startsWith("bulan") || unit.startsWith("month")) {
            return Duration.ofDays(30);
        }
        return Duration.ofDays(365);
    }

    private @Nullable Instant parseCalendar(String s) {
        LocalDate date;
        int end;
        int digit = firstDigit(s);
        if (digit == s.length()) {
            // every calendar pattern needs a digit
            return null;
        }
        int[] dmy = CalendarScan.dayMonthYear(s, digit);
        Matcher mdy;
        Matcher num;
        if (dmy != null) {
            date = LocalDate.of(dmy[2], dmy[1], dmy[0]);
            end = dmy[3];
        } else if ((mdy = MONTH_DAY_YEAR.matcher(s)).find()) {
            date = LocalDate.of(Integer.parseInt(mdy.group(3)), month(mdy.group(1)), Integer.parseInt(mdy.group(2)));
            end = mdy.end();
        } else if ((num = NUMERIC.matcher(s)).find(digit)) {
            int year = Integer.parseInt(num.group(3));
            date = LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(num.group(2)), Integer.parseInt(num.group(1)));
            end = num.end();
        } else {
            return null;
        }
        String rest = s.substring(end);
        return LocalDateTime.of(date, time(rest)).toInstant(zoneIn(rest));
    }

    static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        Integer month = MONTHS.get(key);
        if (month == null) {
            throw new DateTimeException("unknown month " + name);
        }
        return month;
    }

    private static LocalTime time(String rest) {
        int[] found = CalendarScan.time(rest, firstDigit(rest));
        if (found == null) {
            return LocalTime.MIDNIGHT;
        }
        int hour = found[0];
        if (found[3] == 2 && hour < 12) {
            hour += 12;
        } else if (found[3] == 1 && hour == 12) {
            hour = 0;
        }
        return LocalTime.of(hour, found[1], Math.max(found[2], 0));
    }

    private ZoneOffset zoneIn(String rest) {
        ZoneOffset found = CalendarScan.zone(rest);
        return found == null ? defaultZone : found;
    }

    /** Whether {@code text} parses as a date; convenience for selector fallbacks. */
    public boolean hasDate(@Nullable String text) {
        return parse(text) != null;
    }

}
