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

    private static final Pattern LABEL = Pattern.compile(
            "(?iu)(?<![\\p{L}])(penulis|reporter|pewarta|wartawan|kontributor|laporan wartawan|oleh|published by|written by|"
                    + "author|^by|editor|redaktur|penyunting|editing)(?![\\p{L}])\\s*:?\\s*");
    /** Where a name ends: a field separator, a date or a day name after a comma, or a count. */
    private static final Pattern NAME_END = Pattern.compile(
            "(?iu)\\s*(\\||\\s[-–—]\\s|\\s[-–—]$|[,;]\\s*(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|\\d)|\\(|\\n)");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");
    private static final Pattern TRIM = Pattern.compile("^[\\s:|,.\\-–—]+|[\\s:|,\\-–—]+$");
    private static final Pattern SPLIT_AUTHORS = Pattern.compile("(?iu)\\s*(?:,|&|/|\\bdan\\b|\\band\\b)\\s*");

    /** An outlet name written as a domain ("Laporan Wartawan Tribunpontianak.co.id, Ramadhan") is not an author. */
    private static final Pattern DOMAIN = Pattern.compile("(?i)[\\w-]+(\\.[a-z]{2,})+");

    private BylineParser() {}

    /** Parses {@code text}; a text without any byline label gives {@link Byline#EMPTY}. */
    public static Byline parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Byline.EMPTY;
        }
        String s = SPACES.matcher(text.replace('\u00a0', ' ')).replaceAll(" ").strip();
        Matcher m = LABEL.matcher(s);
        List<int[]> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            labels.add(new int[] {m.start(), m.end()});
            names.add(m.group(1).toLowerCase(Locale.ROOT));
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
                for (String name : SPLIT_AUTHORS.split(value)) {
                    String cleaned = cleanName(name);
                    if (cleaned != null && !DOMAIN.matcher(cleaned).matches()) {
                        authors.add(cleaned);
                    }
                }
            }
        }
        return new Byline(List.copyOf(authors), editor);
    }

    /** A name from a raw value: cut at the first separator, trimmed of punctuation; null when empty. */
    static @Nullable String cleanName(String raw) {
        String value = raw.strip();
        Matcher end = NAME_END.matcher(value);
        if (end.find()) {
            value = value.substring(0, end.start());
        }
        value = TRIM.matcher(value).replaceAll("");
        if (value.isEmpty() || value.length() > 80 || !value.codePoints().anyMatch(Character::isLetter)) {
            return null;
        }
        return value;
    }
}
