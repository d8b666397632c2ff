package id.pantau.enrich.tagger.region;

import id.pantau.enrich.tagger.text.NormalizedText;
import id.pantau.schemas.avro.RegionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the words just before a place name say about it: an administrative prefix, an institution or office
 * of a level, or a blocker ("Alun-Alun", "Sungai", "Hotel") showing the name is part of something else.
 *
 * @param level the administrative level the cue points to, or null when it names none
 * @param evidence "explicit-prefix" or "institution"; "blocked" for a blocker
 */
record Cue(@Nullable RegionLevel level, String evidence) {

    static final String EXPLICIT = "explicit-prefix";
    static final String INSTITUTION = "institution";
    static final String BLOCKED = "blocked";

    private static final Map<String, Cue> CUES = Map.ofEntries(
            e("provinsi", RegionLevel.PROVINCE, EXPLICIT),
            e("prov", RegionLevel.PROVINCE, EXPLICIT),
            e("pemprov", RegionLevel.PROVINCE, INSTITUTION),
            e("gubernur", RegionLevel.PROVINCE, INSTITUTION),
            e("wagub", RegionLevel.PROVINCE, INSTITUTION),
            e("polda", RegionLevel.PROVINCE, INSTITUTION),
            e("kapolda", RegionLevel.PROVINCE, INSTITUTION),
            e("wakapolda", RegionLevel.PROVINCE, INSTITUTION),
            e("kejati", RegionLevel.PROVINCE, INSTITUTION),
            e("kajati", RegionLevel.PROVINCE, INSTITUTION),
            e("kabupaten", RegionLevel.REGENCY, EXPLICIT),
            e("kab", RegionLevel.REGENCY, EXPLICIT),
            e("pemkab", RegionLevel.REGENCY, INSTITUTION),
            e("bupati", RegionLevel.REGENCY, INSTITUTION),
            e("wabup", RegionLevel.REGENCY, INSTITUTION),
            e("kota", RegionLevel.CITY, EXPLICIT),
            e("pemkot", RegionLevel.CITY, INSTITUTION),
            e("walikota", RegionLevel.CITY, INSTITUTION),
            e("wali kota", RegionLevel.CITY, INSTITUTION),
            e("wako", RegionLevel.CITY, INSTITUTION),
            e("wawako", RegionLevel.CITY, INSTITUTION),
            e("polresta", RegionLevel.CITY, INSTITUTION),
            e("kapolresta", RegionLevel.CITY, INSTITUTION),
            e("kecamatan", RegionLevel.DISTRICT, EXPLICIT),
            e("kec", RegionLevel.DISTRICT, EXPLICIT),
            e("camat", RegionLevel.DISTRICT, INSTITUTION),
            e("polsek", RegionLevel.DISTRICT, INSTITUTION),
            e("kapolsek", RegionLevel.DISTRICT, INSTITUTION),
            e("polres", null, INSTITUTION),
            e("kapolres", null, INSTITUTION),
            e("kodim", null, INSTITUTION),
            e("dandim", null, INSTITUTION),
            e("kpu", null, INSTITUTION),
            e("kpud", null, INSTITUTION),
            e("bawaslu", null, INSTITUTION),
            e("dprd", null, INSTITUTION),
            e("pemda", null, INSTITUTION),
            e("kejari", null, INSTITUTION),
            e("kajari", null, INSTITUTION),
            e("sekda", null, INSTITUTION),
            e("forkopimda", null, INSTITUTION));

    private static final Set<String> BLOCKERS = Set.of(
            "alun", "sungai", "taman", "jalan", "jl", "jln", "hotel", "praja", "operasi", "gang", "gg", "desa", "dusun",
            "kampung", "kelurahan", "universitas", "bandara", "pelabuhan", "masjid", "gereja", "pasar", "gunung",
            "danau", "pulau", "teluk", "bukit", "stadion", "gedung", "lapangan", "kompleks", "komplek", "perumahan",
            "jembatan", "tugu", "museum", "terminal", "bundaran", "simpang", "kapal", "kmp", "kri", "pt", "cv", "toko",
            "warung", "restoran", "mall", "plaza", "kerajaan", "kesultanan", "suku", "bahasa", "tari", "batik",
            "persatuan", "klub", "fc");

    private static Map.Entry<String, Cue> e(String phrase, @Nullable RegionLevel level, String evidence) {
        return Map.entry(phrase, new Cue(level, evidence));
    }

    boolean isBlocked() {
        return BLOCKED.equals(evidence);
    }

    /** The cue ending just before normalised offset {@code start}, skipping code numbers ("Kodim 1202/"), or null. */
    static @Nullable Cue before(NormalizedText text, int start) {
        List<String> tokens = new ArrayList<>(text.tokensBefore(start, 4));
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).chars().allMatch(Character::isDigit)) {
            tokens.remove(tokens.size() - 1);
        }
        if (tokens.isEmpty()) {
            return null;
        }
        String last = tokens.get(tokens.size() - 1);
        if (tokens.size() >= 2) {
            Cue two = CUES.get(tokens.get(tokens.size() - 2) + " " + last);
            if (two != null) {
                return two;
            }
        }
        Cue one = CUES.get(last);
        if (one != null) {
            return one;
        }
        return BLOCKERS.contains(last) ? new Cue(null, BLOCKED) : null;
    }

    /** Counts regency cues minus city cues among the tokens of a window; positive leans to the regency. */
    static int regencyLean(List<String> tokens) {
        int lean = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("wali") && i + 1 < tokens.size() && tokens.get(i + 1).equals("kota")) {
                lean--;
                i++;
                continue;
            }
            Cue c = CUES.get(t);
            if (c != null && c.level() == RegionLevel.REGENCY) {
                lean++;
            } else if (c != null && c.level() == RegionLevel.CITY) {
                lean--;
            }
        }
        return lean;
    }
}
