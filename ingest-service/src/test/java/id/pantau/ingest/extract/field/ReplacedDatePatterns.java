package id.pantau.ingest.extract.field;

import java.util.regex.Pattern;

/**
 * The regexes {@link IndonesianDateParser} read printed dates with before {@link CalendarScan} replaced
 * them: the reference {@link RegexFreePathsTest} holds each scan to, kept here so that main code carries
 * no patterns it does not run. Each {@code find} is what the scan method named in its comment must find.
 */
final class ReplacedDatePatterns {

    /** {@link CalendarScan#dayMonthYear}; its month names are still the parser's. */
    static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})\\s*" + IndonesianDateParser.MONTH + "\\s*,?\\s*(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    /** {@link CalendarScan#time}. */
    static final Pattern TIME = Pattern.compile(
            "(?<![\\d:.])(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?![\\d:])\\s*(am|pm|a\\.m\\.|p\\.m\\.)?", Pattern.CASE_INSENSITIVE);
    /** {@link CalendarScan#zone}. */
    static final Pattern ZONE = Pattern.compile(
            "\\b(WIB|WITA|WIT)\\b|\\b(?:UTC|GMT)\\s*([+-]\\d{1,2})(?::?(\\d{2}))?|\\b(UTC|GMT)\\b|(?<=\\d)\\s*([+-]\\d{2}):?(\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);
    /** {@link CalendarScan#relative}. */
    static final Pattern RELATIVE = Pattern.compile(
            "\\b(\\d+|a|an|se)\\s*(detik|seconds?|secs?|menit|minutes?|mins?|jam|hours?|hrs?|hari|days?|minggu|pekan|weeks?"
                    + "|bulan|months?|tahun|years?)\\s+(?:yang\\s+)?(?:lalu|ago)",
            Pattern.CASE_INSENSITIVE);
    /** {@link CalendarScan#justNow}. */
    static final Pattern JUST_NOW = Pattern.compile("\\b(baru saja|just now|beberapa detik lalu)\\b", Pattern.CASE_INSENSITIVE);
    /** {@link CalendarScan#yesterday}. */
    static final Pattern YESTERDAY = Pattern.compile("\\b(kemarin|yesterday)\\b", Pattern.CASE_INSENSITIVE);

    private ReplacedDatePatterns() {}
}
