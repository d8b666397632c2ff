package id.pantau.ingest.extract.field;

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
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");
    private static final int HEAD_CHARS = 100;
    private static final Pattern PART_SPLIT = Pattern.compile("\\s*[,()]\\s*");
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
                ? WHITESPACE.matcher(head).replaceAll(" ").stripLeading() + paragraph.substring(HEAD_CHARS)
                : WHITESPACE.matcher(paragraph).replaceAll(" ").strip();
        Matcher m = PREFIX.matcher(s);
        if (!m.find()) {
            return null;
        }
        String prefix = m.group(1).strip();
        boolean hasBrand = false;
        String place = null;
        int parts = 0;
        for (String part : PART_SPLIT.split(prefix)) {
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
