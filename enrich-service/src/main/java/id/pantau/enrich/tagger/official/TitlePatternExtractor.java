package id.pantau.enrich.tagger.official;

import id.pantau.enrich.tagger.region.RegionNames;
import id.pantau.enrich.tagger.text.NormalizedText;
import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.RegionLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds "[interim] office [(abbreviation)] [jurisdiction] [,] [rank] [decorations] Name" in a text with the
 * office lexicon, e.g. "Kepala Kepolisian Daerah (Kapolda) Kalbar, Irjen Pol Pipit Rismanto" or
 * "Sekda Kab. Bulungan, Risdianto, S.Pi, M.Si". Stateless and thread-safe.
 */
final class TitlePatternExtractor {

    private static final int MAX_NAME_WORDS = 4;

    /** Capitalised words that never belong to a person's name here: places, bodies and headline verbs. */
    private static final Set<String> NOT_NAME = Set.of(
            "daerah", "provinsi", "kabupaten", "kab", "kota", "republik", "indonesia", "ri", "negara", "pemerintah",
            "kecamatan", "desa", "dinas", "badan", "kantor", "dalam", "pada", "saat", "di", "yang", "dan", "serta",
            "juga", "bersama", "beserta", "selaku", "secara", "usai", "ketika", "saya", "kami", "kita", "ia", "dia",
            "mereka", "ini", "itu", "tersebut", "minta", "ajak", "serukan", "hadiri", "tekankan", "buka", "imbau",
            "tegaskan", "ingatkan", "pimpin", "sebut", "harap", "berharap", "resmikan", "dorong", "bakal", "akan",
            "terima", "lantik", "beri", "berikan", "jaga", "kunjungi", "tinjau", "apresiasi", "pastikan", "sambut",
            "lepas", "gelar", "hadir", "menghadiri", "membuka", "mengatakan", "terpilih", "periode", "fraksi", "partai",
            "perangkat", "anggota", "tokoh", "warga", "masyarakat", "kepala", "ketua", "wakil", "serap", "aspirasi");

    /**
     * Words that, just before an office, say its holder does not hold it now: candidates ("Calon Bupati
     * Sambas", "bakal calon", "paslon", "cabup" ...) and former holders ("mantan", "eks", "bekas",
     * "purnawirawan"). In Pilkada news candidates are everywhere.
     */
    private static final Set<String> NOT_SERVING = Set.of(
            "calon", "cabup", "cawabup", "cagub", "cawagub", "cawali", "cawawali", "cawako", "cawawako", "paslon",
            "bacalon", "balon", "kandidat", "mantan", "eks", "bekas", "purnawirawan");

    /** A word after a place that says which of a regency/city pair it is ("Bekasi Kota"). */
    private static final Map<String, RegionLevel> DESIGNATORS = Map.of("kota", RegionLevel.CITY, "kabupaten", RegionLevel.REGENCY);

    private final OfficeLexicon lexicon;
    private final RegionNames regions;
    private final Set<String> officeWords;
    /** First words of every office and interim phrase: a cheap test before parsing at a token. */
    private final Set<String> startWords;

    TitlePatternExtractor(OfficeLexicon lexicon, RegionNames regions) {
        this.lexicon = lexicon;
        this.regions = regions;
        Set<String> words = new HashSet<>();
        for (OfficeLexicon.Entry e : lexicon.offices()) {
            words.addAll(Arrays.asList(OfficeLexicon.key(e.written()).split(" ")));
        }
        this.officeWords = Set.copyOf(words);
        Set<String> starts = new HashSet<>();
        for (OfficeLexicon.Entry e : lexicon.offices()) {
            starts.add(OfficeLexicon.key(e.written()).split(" ")[0]);
        }
        for (String interim : List.of("penjabat", "pj", "pjs", "pelaksana", "plt", "plh")) {
            starts.add(interim);
        }
        this.startWords = Set.copyOf(starts);
    }

    /** A phrase of the lexicon starting at token {@code i}: the entry and the index after it. */
    private record Phrase(OfficeLexicon.Entry entry, int next) {}

    /** Hits in the text that {@code nt} normalises. */
    List<TitleHit> extract(NormalizedText nt, Set<String> provinceContext) {
        String text = nt.original();
        List<Token> tokens = Token.of(text);
        int[] toNorm = new int[text.length() + 1];
        Arrays.fill(toNorm, -1);
        for (int k = 0; k < nt.normalized().length(); k++) {
            if (nt.normalized().charAt(k) != ' ') {
                int o = nt.originalStart(k);
                if (toNorm[o] < 0) {
                    toNorm[o] = k;
                }
            }
        }
        List<TitleHit> hits = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            TitleHit hit = parseAt(tokens, i, nt, toNorm, provinceContext);
            if (hit != null) {
                // "Wakil Ketua Forum ... X": a deputy of an office the lexicon lacks is not its holder
                boolean deputy = i > 0 && tokens.get(i - 1).word() && tokens.get(i - 1).key().equals("wakil");
                if (!deputy) {
                    hits.add(notServing(tokens, i) ? hit.notServing() : hit);
                }
                while (i + 1 < tokens.size() && tokens.get(i + 1).start() < hit.nameEnd()) {
                    i++;
                }
            }
        }
        return hits;
    }

    /** Whether the word just before token {@code i}, with nothing but a space between, marks a candidate or a former holder. */
    private static boolean notServing(List<Token> t, int i) {
        return i > 0 && t.get(i - 1).word() && NOT_SERVING.contains(t.get(i - 1).key());
    }

    private @Nullable TitleHit parseAt(List<Token> t, int i, NormalizedText nt, int[] toNorm, Set<String> context) {
        if (!t.get(i).isCapitalised() || !startWords.contains(t.get(i).key())) {
            return null;
        }
        int j = i;
        String interim = null;
        Phrase office = phrase(t, j, Kind.OFFICE);
        if (office == null) {
            Phrase p = phrase(t, j, Kind.INTERIM);
            if (p == null) {
                return null;
            }
            interim = p.entry().full();
            j = skipParenthesis(t, p.next());
            if (j >= t.size() || !t.get(j).isCapitalised()) {
                return null;
            }
            office = phrase(t, j, Kind.OFFICE);
            if (office == null) {
                return null;
            }
        }
        OfficeLexicon.Entry entry = office.entry();
        j = skipParenthesis(t, office.next());
        int officeEnd = t.get(office.next() - 1).end();
        Region jurisdiction = null;
        switch (entry.follows()) {
            case REGION -> {
                if (j < t.size() && t.get(j).word() && toNorm[t.get(j).start()] >= 0) {
                    int normStart = toNorm[t.get(j).start()];
                    RegionNames.Located loc = regions.resolveAt(nt, normStart, hint(entry.level()), context);
                    // an ambiguous place ("Ketua DPRD Bogor") is still a place, never the start of the name
                    int normEnd = loc != null ? loc.end() : regions.nameEndAt(nt, normStart);
                    if (normEnd > 0) {
                        jurisdiction = loc == null ? null : loc.region();
                        int origEnd = nt.originalEnd(normEnd);
                        while (j < t.size() && t.get(j).start() < origEnd) {
                            j++;
                        }
                        // police units name the city or regency after the place: "Kapolres Bekasi Kota"
                        RegionLevel after = j < t.size() && t.get(j).isCapitalised() ? DESIGNATORS.get(t.get(j).key()) : null;
                        if (after != null) {
                            RegionNames.Located designated = regions.resolveAt(nt, normStart, after, context);
                            if (designated != null && designated.region().getLevel() == after) {
                                jurisdiction = designated.region();
                            }
                            origEnd = t.get(j).end();
                            j++;
                        }
                        officeEnd = origEnd;
                        j = skipParenthesis(t, j);
                    }
                }
            }
            case UNTIL_COMMA, OPTIONAL_COMMA -> {
                int comma = -1;
                for (int k = j; k < Math.min(t.size(), j + 6); k++) {
                    if (t.get(k).is(",")) {
                        comma = k;
                        break;
                    }
                    Token q = t.get(k);
                    if (!q.word() || !(q.isCapitalised() || q.key().equals("dan"))) {
                        break; // a unit or village name is written in capitals; "Dinas Pekerjaan Umum dan ..."
                    }
                }
                if (comma > j) {
                    for (int k = j; k < comma && jurisdiction == null; k++) {
                        int ns = toNorm[t.get(k).start()];
                        RegionNames.Located loc = ns < 0 ? null : regions.resolveAt(nt, ns, null, context);
                        jurisdiction = loc == null ? null : loc.region();
                    }
                    officeEnd = t.get(comma - 1).end();
                    j = comma;
                } else if (entry.follows() == OfficeLexicon.Follows.UNTIL_COMMA) {
                    return null;
                }
            }
            case UNIT -> {
                int k = j;
                while (k < Math.min(t.size(), j + 5) && phrase(t, k, Kind.RANK) == null) {
                    k++;
                }
                if (k >= t.size() || phrase(t, k, Kind.RANK) == null) {
                    return null;
                }
                officeEnd = t.get(k - 1).end();
                j = k;
            }
            case NONE -> { }
        }
        if (j < t.size() && t.get(j).is(",")) {
            j++;
        }
        j = skipRank(t, j);
        while (j < t.size() && t.get(j).word() && lexicon.isTitle(t.get(j).key())) {
            j++;
            if (j < t.size() && t.get(j).is(".")) {
                j++;
            }
        }
        int nameFrom = j;
        // a name never runs across a line break (headline into dateline) and is not written in capitals
        while (j < t.size() && j - nameFrom < MAX_NAME_WORDS && isNameWord(t.get(j)) && !t.get(j).lineStart()) {
            j++;
        }
        String full = interim == null ? entry.full() : interim + " " + entry.full();
        if (j == nameFrom) {
            // an office with its jurisdiction but no name may still refer to an official named elsewhere
            return jurisdiction == null ? null
                    : new TitleHit(t.get(i).start(), officeEnd, full, jurisdiction, "", t.get(i).start(), officeEnd);
        }
        String name = String.join(" ", t.subList(nameFrom, j).stream().map(Token::text).toList());
        return new TitleHit(t.get(i).start(), officeEnd, full, jurisdiction, name, t.get(nameFrom).start(), t.get(j - 1).end());
    }

    private boolean isNameWord(Token token) {
        if (!token.isCapitalised() || token.text().indexOf('.') >= 0) {
            return false;
        }
        String text = token.text();
        if (!text.chars().allMatch(c -> Character.isLetter(c) || c == '\'' || c == '-' || c == '\u2019')) {
            return false;
        }
        if (text.length() > 1 && text.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))) {
            return false; // ASN, KPU, a dateline such as MEMPAWAH
        }
        return !NOT_NAME.contains(token.key()) && !officeWords.contains(token.key()) && lexicon.interim(token.key()) == null;
    }

    private int skipRank(List<Token> t, int j) {
        Phrase rank = phrase(t, j, Kind.RANK);
        if (rank == null) {
            return j;
        }
        j = rank.next();
        while (j < t.size()) {
            if (t.get(j).is(".")) {
                j++;
            } else if (t.get(j).word() && lexicon.isRankSuffix(t.get(j).key())) {
                j++;
            } else if (t.get(j).is("(")) {
                j = skipParenthesis(t, j);
                break;
            } else {
                break;
            }
        }
        return j;
    }

    private static int skipParenthesis(List<Token> t, int j) {
        if (j < t.size() && t.get(j).is("(")) {
            for (int k = j + 1; k < Math.min(t.size(), j + 6); k++) {
                if (t.get(k).is(")")) {
                    return k + 1;
                }
            }
        }
        return j;
    }

    private enum Kind { OFFICE, INTERIM, RANK }

    /** Longest lexicon phrase of a kind starting at token {@code i}; dots between its words are skipped. */
    private @Nullable Phrase phrase(List<Token> t, int i, Kind kind) {
        Phrase best = null;
        StringBuilder key = new StringBuilder();
        int words = 0;
        for (int k = i; k < t.size() && words < OfficeLexicon.MAX_WORDS; k++) {
            Token tok = t.get(k);
            if (!tok.word()) {
                if (tok.is(".") && words > 0) {
                    continue;
                }
                break;
            }
            if (words > 0) {
                key.append(' ');
            }
            key.append(tok.key());
            words++;
            String s = key.toString();
            OfficeLexicon.Entry e = switch (kind) {
                case OFFICE -> lexicon.office(s);
                case INTERIM -> lexicon.interim(s);
                case RANK -> lexicon.rank(s);
            };
            if (e != null) {
                int next = k + 1;
                // "Pjs." and "Irjen." are abbreviations; after an office word such as "Kota." a dot ends the sentence
                if (next < t.size() && t.get(next).is(".") && kind != Kind.OFFICE) {
                    next++;
                }
                best = new Phrase(e, next);
            }
        }
        return best;
    }

    private static @Nullable RegionLevel hint(OfficeLexicon.Level level) {
        return switch (level) {
            case PROVINCE -> RegionLevel.PROVINCE;
            case REGENCY -> RegionLevel.REGENCY;
            case CITY -> RegionLevel.CITY;
            case DISTRICT -> RegionLevel.DISTRICT;
            case ANY, NONE -> null;
        };
    }
}
