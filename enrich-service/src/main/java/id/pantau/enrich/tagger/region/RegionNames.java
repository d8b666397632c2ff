package id.pantau.enrich.tagger.region;

import id.pantau.enrich.tagger.text.KeywordMatcher;
import id.pantau.enrich.tagger.text.NormalizedText;
import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.RegionLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every surface form of every region (bare names without "Kabupaten"/"Kota", province names, press
 * aliases) in one Aho-Corasick automaton, with the regions each form may name. Immutable and thread-safe;
 * get it from {@link RegionGazetteer#names()}.
 */
public final class RegionNames {

    /** A region found at a position, with the normalised offset just past its name. */
    public record Located(Region region, int end) {}

    private final KeywordMatcher<List<Candidate>> matcher;

    RegionNames(RegionGazetteer gazetteer) {
        Set<String> ambiguous = new HashSet<>();
        RegionAliases.ambiguousNames().forEach(n -> ambiguous.add(NormalizedText.normalize(n)));
        Map<String, List<Candidate>> forms = new HashMap<>();
        for (Region r : gazetteer.all()) {
            String bare = NormalizedText.normalize(bareName(r));
            forms.computeIfAbsent(bare, k -> new ArrayList<>()).add(new Candidate(r, false, null, ambiguous.contains(bare)));
            for (String alias : r.getAliases()) {
                String key = NormalizedText.normalize(alias);
                boolean exact = alias.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c));
                List<Candidate> list = forms.computeIfAbsent(key, k -> new ArrayList<>());
                if (list.stream().noneMatch(c -> c.region() == r)) { // "Jambi" is both name and alias
                    list.add(new Candidate(r, true, exact ? alias : null, ambiguous.contains(key)));
                }
            }
        }
        forms.replaceAll((k, v) -> List.copyOf(v));
        this.matcher = new KeywordMatcher<>(forms);
    }

    /** The name without its administrative prefix: "Kabupaten Kubu Raya" gives "Kubu Raya". */
    public static String bareName(Region r) {
        String name = r.getName();
        for (String prefix : List.of("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")) {
            if (r.getLevel() != RegionLevel.DISTRICT && r.getLevel() != RegionLevel.PROVINCE && name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    KeywordMatcher<List<Candidate>> matcher() {
        return matcher;
    }

    /**
     * The region named at normalised offset {@code start}, with an optional "Provinsi"/"Kabupaten"/"Kab"/"Kota"
     * prefix there, or null when no name starts there or it stays ambiguous. Districts are returned only after
     * "Kecamatan". Used by the official and organisation taggers for the place after an office or body.
     *
     * @param levelHint level the context expects (e.g. PROVINCE after "Polda"), or null
     * @param provinceContext province codes named in the article, used to choose between homonyms
     */
    public @Nullable Located resolveAt(NormalizedText text, int start, @Nullable RegionLevel levelHint, Set<String> provinceContext) {
        String s = text.normalized();
        RegionLevel hint = levelHint;
        int pos = start;
        for (Map.Entry<String, RegionLevel> p : PREFIXES.entrySet()) {
            String prefix = p.getKey() + " ";
            if (s.startsWith(prefix, pos)) {
                hint = p.getValue();
                pos += prefix.length();
                break;
            }
        }
        KeywordMatcher.Match<List<Candidate>> m = matcher.longestAt(text, pos);
        if (m == null) {
            return null;
        }
        String written = text.original().substring(text.originalStart(m.start()), text.originalEnd(m.end()));
        List<Region> fits = new ArrayList<>();
        for (Candidate c : m.value()) {
            if (c.exactCase() != null && !c.exactCase().equals(written)) {
                continue;
            }
            RegionLevel level = c.region().getLevel();
            boolean ok = hint == null ? level != RegionLevel.DISTRICT : levelFits(level, hint);
            if (ok) {
                fits.add(c.region());
            }
        }
        if (fits.size() > 1 && hint == null) {
            List<Region> provinces = fits.stream().filter(r -> r.getLevel() == RegionLevel.PROVINCE).toList();
            if (provinces.size() == 1) {
                fits = provinces;
            }
        }
        if (fits.size() > 1) {
            List<Region> inContext = fits.stream().filter(r -> provinceContext.contains(r.getProvinceCode())).toList();
            if (!inContext.isEmpty()) {
                fits = inContext;
            }
        }
        return fits.size() == 1 ? new Located(fits.get(0), m.end()) : null;
    }

    /**
     * Normalised offset just past a region name (with an optional prefix) starting at {@code start}, even one
     * {@link #resolveAt} leaves ambiguous ("Bogor"), or -1 when no name of a province, regency or city starts there.
     */
    public int nameEndAt(NormalizedText text, int start) {
        String s = text.normalized();
        int pos = start;
        for (String prefix : PREFIXES.keySet()) {
            if (s.startsWith(prefix + " ", pos)) {
                pos += prefix.length() + 1;
                break;
            }
        }
        KeywordMatcher.Match<List<Candidate>> m = matcher.longestAt(text, pos);
        if (m == null || m.value().stream().allMatch(c -> c.region().getLevel() == RegionLevel.DISTRICT)) {
            return -1;
        }
        return m.end();
    }

    private static boolean levelFits(RegionLevel level, RegionLevel hint) {
        return switch (hint) {
            case PROVINCE -> level == RegionLevel.PROVINCE;
            case REGENCY -> level == RegionLevel.REGENCY;
            case CITY -> level == RegionLevel.CITY;
            case DISTRICT -> level == RegionLevel.DISTRICT;
        };
    }

    private static final Map<String, RegionLevel> PREFIXES;

    static {
        Map<String, RegionLevel> p = new LinkedHashMap<>();
        p.put("provinsi", RegionLevel.PROVINCE);
        p.put("prov", RegionLevel.PROVINCE);
        p.put("kabupaten", RegionLevel.REGENCY);
        p.put("kab", RegionLevel.REGENCY);
        p.put("kota", RegionLevel.CITY);
        p.put("kecamatan", RegionLevel.DISTRICT);
        p.put("kec", RegionLevel.DISTRICT);
        PREFIXES = Collections.unmodifiableMap(p);
    }
}
