package id.pantau.enrich.tagger.official;

import id.pantau.enrich.tagger.text.ResourceLines;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The curated lexicon of Indonesian offices, interim prefixes, ranks and name decorations
 * ({@code office-lexicon.tsv}). Keys are lower-case words joined by one space with dots removed. Immutable.
 */
final class OfficeLexicon {

    static final String RESOURCE = "/id/pantau/enrich/official/office-lexicon.tsv";
    static final int MAX_WORDS = 4;

    /** Jurisdiction level an office names. */
    enum Level { PROVINCE, REGENCY, CITY, DISTRICT, ANY, NONE }

    /** What may stand between an office and the name. */
    enum Follows { REGION, UNTIL_COMMA, OPTIONAL_COMMA, UNIT, NONE }

    /** One lexicon row. */
    record Entry(String kind, String written, String full, Level level, Follows follows) {}

    private static final OfficeLexicon DEFAULT = load();

    private final Map<String, Entry> offices = new HashMap<>();
    private final Map<String, Entry> interims = new HashMap<>();
    private final Map<String, Entry> ranks = new HashMap<>();
    private final Map<String, Entry> rankSuffixes = new HashMap<>();
    private final Map<String, Entry> titles = new HashMap<>();

    static OfficeLexicon get() {
        return DEFAULT;
    }

    private static OfficeLexicon load() {
        OfficeLexicon lex = new OfficeLexicon();
        for (String[] c : ResourceLines.tabSeparated(RESOURCE)) {
            Level level = c.length > 3 ? Level.valueOf(c[3]) : Level.NONE;
            Follows follows = c.length > 4 ? Follows.valueOf(c[4]) : Follows.NONE;
            Entry e = new Entry(c[0], c[1], c[2], level, follows);
            Map<String, Entry> target = switch (c[0]) {
                case "office" -> lex.offices;
                case "interim" -> lex.interims;
                case "rank" -> lex.ranks;
                case "ranksuffix" -> lex.rankSuffixes;
                case "title" -> lex.titles;
                default -> throw new IllegalStateException("office lexicon: unknown kind '" + c[0] + "' in: " + String.join("\t", c));
            };
            target.put(key(c[1]), e);
        }
        return lex;
    }

    /** Lower-case, dots removed: "Pjs." and "PJS" both give "pjs". */
    static String key(String word) {
        return word.replace(".", "").toLowerCase(Locale.ROOT);
    }

    @Nullable Entry office(String key) {
        return offices.get(key);
    }

    @Nullable Entry interim(String key) {
        return interims.get(key);
    }

    @Nullable Entry rank(String key) {
        return ranks.get(key);
    }

    boolean isRankSuffix(String key) {
        return rankSuffixes.containsKey(key);
    }

    boolean isTitle(String key) {
        return titles.containsKey(key);
    }

    /** True when the word starts any office or interim phrase (a name never contains one). */
    boolean isOfficeWord(String key) {
        return offices.keySet().stream().anyMatch(k -> k.equals(key) || k.startsWith(key + " "))
                || interims.containsKey(key);
    }

    List<Entry> offices() {
        return List.copyOf(offices.values());
    }
}
