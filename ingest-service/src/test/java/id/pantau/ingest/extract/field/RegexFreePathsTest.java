package id.pantau.ingest.extract.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written string helpers of the byline and dateline parsers do what the regexes they replace did. */
class RegexFreePathsTest {

    private static final List<String> SAMPLES = List.of("", " ", "Budi", "Penulis: Ramadhan | Editor: Try Juliansyah", "  Budi  -  ",
            "- Budi -", "..Budi.", ". -", "Budi -\n", "Budi \u2028", "Budi\u0085", "a\t\tb", "a \t b", "TANJUNG SELOR, Suaraborneo.id",
            "TANJUNGPURA.ID (SINGKAWANG)", "A , , B", "A,(B) ", "\u00a0Pontianak\u00a0\u00a0-", "x\r\ny", "– Sari —", ":|,", "a\u000bb\fc");

    /** Random strings over the characters the patterns care about. */
    private static List<String> randomSamples() {
        String alphabet = " \t\n\r\u000b\f\u00a0\u0085\u2028:|,.-–—()ab";
        Random random = new Random(42);
        String[] out = new String[3000];
        for (int i = 0; i < out.length; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out[i] = s.toString();
        }
        return Arrays.asList(out);
    }

    private static Iterable<String> all() {
        List<String> all = new ArrayList<>(SAMPLES);
        all.addAll(randomSamples());
        return all;
    }

    @Test
    void shouldCollapseAndTrimLikeTheBylineRegexes() {
        for (String s : all()) {
            assertThat(BylineParser.collapseSpaces(s)).as(s).isEqualTo(BylineParser.SPACES.matcher(s).replaceAll(" "));
            assertThat(BylineParser.trim(s)).as(s).isEqualTo(BylineParser.TRIM.matcher(s).replaceAll(""));
        }
    }

    @Test
    void shouldCollapseAndSplitLikeTheDatelineRegexes() {
        for (String s : all()) {
            assertThat(DatelineParser.collapseWhitespace(s)).as(s).isEqualTo(DatelineParser.WHITESPACE.matcher(s).replaceAll(" "));
            assertThat(DatelineParser.isCollapsed(s, s.length())).as(s).isEqualTo(DatelineParser.collapseWhitespace(s).equals(s));
            String prefix = s.strip();
            List<String> expected = Arrays.stream(DatelineParser.PART_SPLIT.split(prefix)).filter(p -> !p.isBlank()).toList();
            assertThat(DatelineParser.splitParts(prefix).stream().filter(p -> !p.isBlank()).toList()).as(s).isEqualTo(expected);
        }
    }

    /** Longer random strings for the dateline prefix (up to 90 characters, past the 70 of group 1) and bylines. */
    private static List<String> longSamples(String alphabet, int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(90); j > 0; j--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.add(s.toString());
        }
        return out;
    }

    @Test
    void shouldFindTheDatelinePrefixLikeTheRegex() {
        List<String> samples = new ArrayList<>(SAMPLES);
        samples.addAll(List.of("PONTIANAK - Isi", "TRIBUNPONTIANAK.CO.ID, MEMPAWAH - Warga", "a -b", "ab -- c", "ab - ", "ab -\n\nc", "a\nb - c",
                "x".repeat(69) + " - y", "x".repeat(70) + " - y", "x".repeat(71) + " - y", "\uD83D\uDE00" + "x".repeat(68) + " - y",
                "\uD83D\uDE00" + "x".repeat(69) + " - y", "ab \uFFFD c", "ab\u2028- c", "Kota – \u00a0Isi"));
        samples.addAll(longSamples(" \t\n\r\u000b\f\u00a0\u0085\u2028-–—\uFFFDabAB.,", 20_000, 7));
        samples.addAll(longSamples(" -–ab\uD83D\uDE00", 3_000, 8));
        for (String s : samples) {
            Matcher m = DatelineParser.PREFIX.matcher(s);
            long expected = m.find() ? (long) m.end(1) << 32 | m.end() : -1;
            assertThat(DatelineParser.findPrefix(s)).as(s).isEqualTo(expected);
        }
    }

    @Test
    void shouldFindBylineLabelsInAsciiTextLikeTheUnicodePattern() {
        Pattern unicode = Pattern.compile("(?iu)" + BylineParser.LABEL_ASCII.pattern().substring(4));
        List<String> words = List.of("penulis", "REPORTER", "Pewarta", "wartawan", "kontributor", "laporan wartawan", "oleh", "published by",
                "Written By", "author", "by", "editor", "redaktur", "penyunting", "editing", "xoleh", "olehx", ":", " ", "|", "-", "Budi", "1", "\t");
        Random random = new Random(9);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                s.append(words.get(random.nextInt(words.size())));
            }
            String text = s.toString();
            Matcher a = BylineParser.LABEL_ASCII.matcher(text);
            Matcher b = unicode.matcher(text);
            while (true) {
                boolean found = a.find();
                assertThat(b.find()).as(text).isEqualTo(found);
                if (!found) {
                    break;
                }
                assertThat(a.start()).as(text).isEqualTo(b.start());
                assertThat(a.end()).as(text).isEqualTo(b.end());
            }
        }
    }

    @Test
    void shouldSkipTheNameEndPatternOnlyWhenItCannotMatch() {
        for (String s : longSamples(" \t\n\r|-–—,;()ab1SeninKamis'", 20_000, 10)) {
            if (BylineParser.NAME_END.matcher(s).find()) {
                assertThat(BylineParser.mayEndName(s)).as(s).isTrue();
            }
        }
    }

    @Test
    void shouldFindBylineLabelsLikeTheAsciiRegex() {
        String[] pieces = {"Penulis", "penulis", "REPORTER", "pewarta", "Pewartaan", "wartawan", "Kontributor", "laporan wartawan",
            "Laporan  Wartawan", "oleh", "Oleh", "published by", "Published By", "written by", "author", "Authority", "by", "By", "BY",
            "editor", "Editor", "editors", "redaktur", "penyunting", "editing", "Editing", ":", " : ", " ", "  ", "\t", "\n", "|", "-", ",",
            "Budi", "Sari", "x", "1", "_", "aby", "by:", "(", "."};
        Random random = new Random(5);
        List<String> samples = new ArrayList<>(SAMPLES.stream().filter(BylineParser::isAscii).toList());
        samples.addAll(List.of("Oleh MC PROV KALIMANTAN BARAT, Selasa | Redaktur: Tri Antoro", "By Budi", "Budi by Sari", "Editor:yati",
                "Penulis : A | Editor : B", "xPenulis: A", "Penulis1: A", "penulis_: a"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            samples.add(s.toString());
        }
        for (String s : samples) {
            Matcher m = BylineParser.LABEL_ASCII.matcher(s);
            StringBuilder expected = new StringBuilder();
            while (m.find()) {
                expected.append(m.start()).append('-').append(m.end()).append(':').append(m.group(1).toLowerCase(Locale.ROOT)).append(' ');
            }
            StringBuilder actual = new StringBuilder();
            for (int[] label : BylineParser.findAsciiLabels(s)) {
                actual.append(label[0]).append('-').append(label[1]).append(':')
                        .append(s.substring(label[0], label[0] + BylineParser.labelLength(label[2])).toLowerCase(Locale.ROOT)).append(' ');
            }
            assertThat(actual.toString()).as(s).isEqualTo(expected.toString());
        }
    }

    @Test
    void shouldPrefilterDatesOnlyWhenThePatternsCannotMatch() {
        String[] pieces = {"2024", "11", "1", "-", "--", "T", ":", " ", "lalu", "LALU", "ago", "Ago", "baru saja", "Baru Saja", "just now",
            "kemarin", "KEMARIN", "yesterday", "\u0130", "\u212A", "k", "\u212Aemarin", "kemar\u0130n", "x", "\u00e9"};
        Random random = new Random(9);
        List<String> samples = new ArrayList<>(SAMPLES);
        samples.addAll(List.of("2024-11-20", "2024-11-2", "x2024-11-20T10:00", "2024-1-20", "12024-11-20", "Selasa, 19 November 2024"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            samples.add(s.toString());
        }
        for (String s : samples) {
            assertThat(IndonesianDateParser.hasIsoDate(s)).as(s).isEqualTo(IndonesianDateParser.ISO.matcher(s).find());
            String lower = s.toLowerCase(Locale.ROOT);
            boolean expected = lower.contains("lalu") || lower.contains("ago") || lower.contains("baru saja") || lower.contains("just now")
                    || lower.contains("kemarin") || lower.contains("yesterday");
            assertThat(IndonesianDateParser.mayBeRelative(s)).as(s).isEqualTo(expected);
        }
    }

    @Test
    void shouldSkipTheAuthorSplitOnlyWhenItCannotMatch() {
        String[] pieces = {"Budi", "dan", "DAN", "and", "AnD", "Dani", "sand", "d", "an", ",", "&", "/", " ", "\u212A", "\u017F", "\u0130",
            "\u00e1", "n", "a", "x"};
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = s.toString();
            if (!BylineParser.mayListAuthors(value)) {
                assertThat(BylineParser.SPLIT_AUTHORS.split(value)).as(value).containsExactly(value);
            }
        }
    }

    @Test
    void shouldFindTheNameEndLikeTheRegex() {
        String[] pieces = {" ", "  ", "\t", "\n", "\r", "\r\n", "\u000b", "\u0085", "\u2028", "\u2029", "|", "-", "–", "—", ",", ";", "(", ")",
            "Senin", "SELASA", "rabu", "Kamis", "\u212Aamis", "jumat", "Jum'at", "jum at", "\u017Fabtu", "minggu", "Minggu", "sen", "1", "2024",
            "Budi", "x", "\u00e9", "\u0130"};
        Random random = new Random(17);
        List<String> samples = new ArrayList<>(SAMPLES);
        for (int i = 0; i < 40_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(9); j > 0; j--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            samples.add(s.toString());
        }
        samples.addAll(longSamples(" \t\n\r|-–—,;()ab1SeninKamis'", 20_000, 11));
        for (String s : samples) {
            Matcher m = BylineParser.NAME_END.matcher(s);
            assertThat(BylineParser.nameEnd(s)).as(s).isEqualTo(m.find() ? m.start() : -1);
        }
    }

    @Test
    void shouldReadBrandsAndPlacesLikeTheDatelineRegexes() {
        String[] pieces = {"Suaraborneo", ".id", ".co", ".ID", ".", "..", "a", "B", "Kalbar", "Online", "Info", "Publik", "antara", "ANTARA", "Antaranews",
            "news", "tribun", "TRIBUN", "Tribun", "\u212Aalbar", "tr\u0130bun", "\u00c9", "\u00e9", "\u01c5", "\uD835\uDC00", "\uD835\uDC1A", "\uD835", "1", "-",
            " ", "'", "x", "Pontianak", "SUNGAI RAYA", "\u0661"};
        Random random = new Random(19);
        List<String> samples = new ArrayList<>(SAMPLES);
        samples.addAll(List.of("PONTIANAK", "Suaraborneo.id", "KalbarOnline", "InfoPublik", "TRIBUNPONTIANAK.CO.ID", "a".repeat(41), "a".repeat(42),
                "A" + "\uD835\uDC1A".repeat(40), "A" + "\uD835\uDC1A".repeat(41)));
        for (int i = 0; i < 40_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(6); j > 0; j--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            samples.add(s.toString());
        }
        for (String s : samples) {
            assertThat(DatelineParser.isBrand(s)).as(s).isEqualTo(DatelineParser.BRAND.matcher(s).matches());
            assertThat(DatelineParser.isPlace(s)).as(s).isEqualTo(DatelineParser.PLACE.matcher(s).matches());
        }
    }

    @Test
    void shouldReadThePlainIsoFormByPositionAsJavaTimeAndThePatternDo() {
        IndonesianDateParser byPattern = new IndonesianDateParser(Clock.systemUTC());
        Random random = new Random(11);
        for (int i = 0; i < 3000; i++) {
            OffsetDateTime at = OffsetDateTime.of(2000 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), 0, ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800));
            String written = at.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"));
            assertThat(CalendarScan.plainIso(written)).as(written).isEqualTo(at.toInstant())
                    .isEqualTo(byPattern.parseIsoByPattern(written));
            String compact = at.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx"));
            assertThat(CalendarScan.plainIso(compact)).as(compact).isEqualTo(at.toInstant());
        }
        // near misses of the form: each gives what the pattern's reading gives, an instant, null or an exception
        IndonesianDateParser parser = new IndonesianDateParser(Clock.systemUTC());
        for (String edge : List.of("2024-08-26T14:12:09+07:60", "2024-08-26T14:12:09+0799", "2024-08-26T14:12:09+19:00", "2024-08-26T14:12:09-18:00",
                "2024-02-30T14:12:09Z", "2024-08-26T24:00:00Z", "2024-08-26T23:59:60Z", "2024-13-01T00:00:00+07:00", "0000-01-01T00:00:00Z")) {
            assertThat(outcome(() -> CalendarScan.plainIso(edge))).as(edge).isEqualTo(outcome(() -> parser.parseIsoByPattern(edge)));
        }
        // every other form is left to the pattern
        for (String other : List.of("2024-08-26T14:12:09.5+07:00", "2024-08-26T14:12:09", "2024-08-26 14:12:09+07:00", "2024-08-26T14:12:09+07:00 WIB",
                "2024-08-26T14:12:09+7:00", "2024-08-26T14:12:09+07", "20a4-08-26T14:12:09Z", "2024-08-26T14:12:09z", "x2024-08-26T14:12:09Z")) {
            assertThat(CalendarScan.plainIso(other)).as(other).isNull();
        }
    }

    /** Dates, times and zones as outlets print them, and near misses, cut and joined at random. */
    private static List<String> calendarSamples() {
        String[] tokens = {"19", "2", "7", "2024", "24", "113", "0", " ", "  ", "\t", "\n", "\u000b", "\u00a0", ",", ".", ":", "|", "-", "+",
            "_", "x", "é", "\u017f", "(", "Selasa", "November", "NOV", "nop", "Nopember", "Mei", "sept", "\u017fept", "januari", "Jan",
            "agt", "Ags", "des", "december", "maret", "Marett", "WIB", "wita", "WIT", "WITAx", "UTC", "gmt", "+07:00", "+0700", "-7", "+7",
            "-03:30", "am", "PM", "p.m.", "a.m", "13", "39", "13:39", "10.25", "09:05:07", "1:2", "12"};
        Random random = new Random(19);
        List<String> out = new ArrayList<>(List.of("Selasa, 19 November 2024 | 13:39 WIB", "Kamis, 17 Oktober 2024 - 15:01 WIB",
                "Rabu, 2 Oktober 2024 10:25 WITA", "Senin 18 November 2024", ": Oleh MC KAB MEMPAWAH, Senin, 18 November 2024 | 20:15 WIB - Redaktur: X - 87",
                "November 18, 2024 2:05 PM", "18/11/2024 14:05 GMT+7", "2024-11-18 14:05 UTC", "19Nov2024 13:39WIB", "12:00 a.m. UTC+07:30"));
        for (int i = 0; i < 40_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(9); j > 0; j--) {
                s.append(tokens[random.nextInt(tokens.length)]);
            }
            out.add(s.toString());
        }
        // day, month and year in their places, each part sometimes a near miss, noise on either side
        String[] days = {"19", "2", "07", "113", "x19", "_2", "é9"};
        String[] gaps = {"", " ", "  ", "\t", "\u00a0", ".", ",", " , "};
        String[] months = {"januari", "January", "JAN", "Februari", "pebruari", "feb", "Peb", "maret", "March", "mar", "april", "APR", "mei",
            "may", "juni", "june", "jun", "juli", "july", "jul", "agustus", "august", "agu", "agt", "ags", "aug", "september", "sept", "sep",
            "oktober", "october", "okt", "oct", "november", "nopember", "nov", "nop", "desember", "december", "des", "dec", "Marett", "\u017fept",
            "Novembers", "jann"};
        String[] years = {"2024", "24", "20245", "2024x", "2024_", "2024.", "2024|13:39"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(3); j > 0; j--) {
                s.append(tokens[random.nextInt(tokens.length)]);
            }
            s.append(days[random.nextInt(days.length)]).append(gaps[random.nextInt(gaps.length)]).append(months[random.nextInt(months.length)])
                    .append(gaps[random.nextInt(gaps.length)]).append(years[random.nextInt(years.length)]);
            for (int j = random.nextInt(4); j > 0; j--) {
                s.append(tokens[random.nextInt(tokens.length)]);
            }
            out.add(s.toString());
        }
        return out;
    }

    private static int firstDigitOf(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return i;
            }
        }
        return s.length();
    }

    @Test
    void shouldFindDayMonthYearLikeThePattern() {
        int found = 0;
        for (String s : calendarSamples()) {
            for (int from : new int[] {0, firstDigitOf(s)}) {
                Matcher m = ReplacedDatePatterns.DAY_MONTH_YEAR.matcher(s);
                int[] expected = m.find(from)
                        ? new int[] {Integer.parseInt(m.group(1)), IndonesianDateParser.month(m.group(2)), Integer.parseInt(m.group(3)), m.end()}
                        : null;
                assertThat(CalendarScan.dayMonthYear(s, from)).as("[" + s + "] from " + from).isEqualTo(expected);
                found += expected == null ? 0 : 1;
            }
        }
        assertThat(found).as("samples the pattern finds a date in").isGreaterThan(1_000);
    }

    @Test
    void shouldFindTheTimeLikeThePattern() {
        int found = 0;
        for (String s : calendarSamples()) {
            for (int from : new int[] {0, firstDigitOf(s)}) {
                Matcher m = ReplacedDatePatterns.TIME.matcher(s);
                int[] expected = null;
                if (m.find(from)) {
                    int half = m.group(4) == null ? 0 : Character.toLowerCase(m.group(4).charAt(0)) == 'a' ? 1 : 2;
                    expected = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) == null ? -1 : Integer.parseInt(m.group(3)), half};
                }
                assertThat(CalendarScan.time(s, from)).as("[" + s + "] from " + from).isEqualTo(expected);
                found += expected == null ? 0 : 1;
            }
        }
        assertThat(found).as("samples the pattern finds a time in").isGreaterThan(1_000);
    }

    /** The zone the pattern finds, read the way the parser read it before the scan; "throws" when that reading throws. */
    private static String zoneByPattern(String s) {
        Matcher m = ReplacedDatePatterns.ZONE.matcher(s);
        try {
            if (!m.find()) {
                return "none";
            }
            if (m.group(1) != null) {
                return switch (m.group(1).toUpperCase(Locale.ROOT)) {
                    case "WITA" -> "+08:00";
                    case "WIT" -> "+09:00";
                    default -> "+07:00";
                };
            }
            if (m.group(2) != null) {
                int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                int hours = Integer.parseInt(m.group(2));
                return ZoneOffset.ofHoursMinutes(hours, hours < 0 ? -minutes : minutes).getId();
            }
            if (m.group(4) != null) {
                return "Z";
            }
            int hours = Integer.parseInt(m.group(5));
            int minutes = Integer.parseInt(m.group(6));
            return ZoneOffset.ofHoursMinutes(hours, hours < 0 ? -minutes : minutes).getId();
        } catch (DateTimeException e) {
            return "throws";
        }
    }

    private static String zoneByScan(String s) {
        try {
            ZoneOffset zone = CalendarScan.zone(s);
            return zone == null ? "none" : zone.getId();
        } catch (DateTimeException e) {
            return "throws";
        }
    }

    @Test
    void shouldFindTheZoneLikeThePattern() {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (String s : calendarSamples()) {
            assertThat(zoneByScan(s)).as("[" + s + "]").isEqualTo(zoneByPattern(s));
            outcomes.merge(zoneByPattern(s), 1, Integer::sum);
        }
        // each way the pattern reads a zone, and its failures, came up
        assertThat(outcomes).containsKeys("none", "throws", "Z", "+07:00", "+08:00", "+09:00", "-03:30");
    }

    /** The instant as text, or "throws" when reading throws a {@link DateTimeException}. */
    private static String outcome(Supplier<Instant> reading) {
        try {
            return String.valueOf(reading.get());
        } catch (DateTimeException e) {
            return "throws";
        }
    }

    /** Relative dates as outlets print them, and near misses, cut and joined at random. */
    private static List<String> relativeSamples() {
        String[] tokens = {"3", "12", "99999999999999999999", "0", " ", "  ", "\t", "\u00a0", "-", "_", "x", "é", "a", "A", "an", "An", "se",
            "Se", "sejam", "jam", "JAM", "hours", "hour", "hrs", "hr", "mins", "min", "minute", "Minutes", "minggu", "menit", "detik", "sec",
            "secs", "seconds", "hari", "days", "pekan", "week", "weeks", "bulan", "months", "tahun", "years", "yang", "Yang", "lalu", "LALU",
            "ago", "Ago", "laluan", "agoo", "baru saja", "Baru Saja", "baru  saja", "just now", "beberapa detik lalu", "kemarin", "Yesterday",
            "kemarinnya", "2"};
        Random random = new Random(23);
        List<String> out = new ArrayList<>(List.of("3 jam yang lalu", "4 hours ago", "an hour ago", "sejam lalu", "5 menit lalu", "kemarin",
                "Baru saja", "2 Jam Yang Lalu", "3jam lalu", "a minute  ago", "12 minggu yang  lalu"));
        for (int i = 0; i < 40_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                s.append(tokens[random.nextInt(tokens.length)]);
                if (random.nextBoolean()) {
                    s.append(' ');
                }
            }
            out.add(s.toString());
        }
        // count, unit and "ago" in their places, each sometimes a near miss
        String[] counts = {"3", "12", "a", "An", "se", "x3", "_a", ""};
        String[] gaps = {"", " ", "  ", "\t", "\u00a0"};
        String[] units = {"detik", "second", "seconds", "secs", "menit", "Minutes", "mins", "min", "jam", "hour", "hours", "hrs", "hari", "day",
            "days", "minggu", "pekan", "weeks", "bulan", "months", "tahun", "years", "jamm", "mingguan"};
        String[] agos = {"lalu", "ago", "yang lalu", "yang  ago", "YANG", "laluan", "yanglalu"};
        for (int i = 0; i < 20_000; i++) {
            out.add(tokens[random.nextInt(tokens.length)] + gaps[random.nextInt(gaps.length)] + counts[random.nextInt(counts.length)]
                    + gaps[random.nextInt(gaps.length)] + units[random.nextInt(units.length)] + gaps[random.nextInt(gaps.length)]
                    + agos[random.nextInt(agos.length)] + tokens[random.nextInt(tokens.length)]);
        }
        return out;
    }

    @Test
    void shouldFindRelativeDatesLikeThePatterns() {
        int found = 0;
        for (String s : relativeSamples()) {
            Matcher m = ReplacedDatePatterns.RELATIVE.matcher(s);
            String[] expected = m.find() ? new String[] {m.group(1), m.group(2)} : null;
            assertThat(CalendarScan.relative(s)).as("[" + s + "]").isEqualTo(expected);
            assertThat(CalendarScan.justNow(s)).as("just now [" + s + "]").isEqualTo(ReplacedDatePatterns.JUST_NOW.matcher(s).find());
            assertThat(CalendarScan.yesterday(s)).as("yesterday [" + s + "]").isEqualTo(ReplacedDatePatterns.YESTERDAY.matcher(s).find());
            found += expected == null ? 0 : 1;
        }
        assertThat(found).as("samples the pattern finds a relative date in").isGreaterThan(1_000);
    }

    /** {@link BylineParser#mayListAuthors} as it was, with {@code regionMatches} ignoring case: the reference for the character checks. */
    private static boolean mayListAuthorsByRegionMatches(String value) {
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

    @Test
    void shouldTellListsOfAuthorsAsRegionMatchesIgnoringCaseDid() {
        String[] pieces = {"Budi", "dan", "DAN", "dAn", "and", "AnD", "Dani", "sand", "d", "D", "a", "A", "n", "N", "an", "da", ",", "&", "/",
            " ", "\u212A", "\u017F", "\u0130", "\u0131", "\u00e1", "\u00c5", "\u212B", "\u0100", "\u0144", "\u0064\u0301", "x", "D\u00e1n"};
        Random random = new Random(29);
        int lists = 0;
        int others = 0;
        for (int i = 0; i < 40_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(7); j > 0; j--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = s.toString();
            boolean expected = mayListAuthorsByRegionMatches(value);
            assertThat(BylineParser.mayListAuthors(value)).as(value).isEqualTo(expected);
            lists += expected ? 1 : 0;
            others += expected ? 0 : 1;
        }
        assertThat(lists).isGreaterThan(5_000);
        assertThat(others).isGreaterThan(5_000);
    }

    @Test
    void shouldTellNamesThatMayEndAsTheCharacterListDid() {
        String alphabet = "Budi Sari\t\r)\u2012\u2015\u00ad\u0085|-\u2013\u2014,;(\n";
        Random random = new Random(31);
        int may = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sample = new StringBuilder();
            for (int j = random.nextInt(6); j > 0; j--) {
                sample.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sample.toString();
            boolean expected = s.chars().anyMatch(c -> "|-\u2013\u2014,;(\n".indexOf(c) >= 0);
            assertThat(BylineParser.mayEndName(s)).as(s).isEqualTo(expected);
            may += expected ? 1 : 0;
        }
        assertThat(may).isBetween(5_000, 15_000);
    }

    @Test
    void shouldCountTheWordsOfAPlaceAsSplitDid() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (String s : longSamples("  \tAB.'\u00a0", 30_000, 37)) {
            String part = s.length() > 20 ? s.substring(0, 20) : s;
            int expected = part.split(" ").length;
            assertThat(DatelineParser.splitCount(part)).as("[" + part + "]").isEqualTo(expected);
            counts.merge(expected, 1, Integer::sum);
        }
        // empty, all spaces, one word and several, with the spaces at either end or doubled
        assertThat(counts).containsKeys(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void shouldTellUpperCasePlacesAsToUpperCaseDid() {
        String[] pieces = {"PONTIANAK", "Pontianak", "SUNGAI RAYA", "a", "A", "z", "Z", " ", ".", "'", "\u00df", "\u1e9e", "\u0149", "\ufb00",
            "\u00e9", "\u00c9", "\u0130", "\u0131", "i", "I", "\u01c5", "\u01c4", "\u03c2", "\u03a3", "\u00b5", "\u00ff", "\u0178", "\uD801\uDC28",
            "\uD801\uDC00", "\u0345", "1"};
        Random random = new Random(41);
        int upper = 0;
        int notUpper = 0;
        for (int i = 0; i < 40_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(5); j > 0; j--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String place = s.toString();
            boolean expected = place.equals(place.toUpperCase(Locale.ROOT));
            assertThat(DatelineParser.isUpperCase(place)).as(place).isEqualTo(expected);
            upper += expected ? 1 : 0;
            notUpper += expected ? 0 : 1;
        }
        assertThat(upper).isGreaterThan(3_000);
        assertThat(notUpper).isGreaterThan(3_000);
    }
}
