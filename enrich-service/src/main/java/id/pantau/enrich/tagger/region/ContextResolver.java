package id.pantau.enrich.tagger.region;

import id.pantau.enrich.tagger.text.NormalizedText;
import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.RegionLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the place mentions that need the whole article: a name also used as a common word, a regency
 * and city sharing a name, homonyms in several provinces, districts without a prefix. Stateless.
 */
final class ContextResolver {

    private static final int DISTRICT_NEAR_CHARS = 200;
    private static final int LEAN_WINDOW_TOKENS = 8;

    /** A place mention resolved to one region. */
    record Resolved(Region region, int start, int originalStart, String evidence) {}

    /**
     * A mention waiting for article-wide context.
     *
     * @param needsContext a bare name that is also a common word: tagged only with positive local evidence
     * @param placeWord a place preposition just before it ("di", "ke", "dari"): local evidence for such a name
     */
    record Deferred(List<Region> candidates, int start, int end, int originalStart, boolean needsContext, boolean districtOnly,
            boolean placeWord) {

        Deferred(List<Region> candidates, int start, int end, int originalStart, boolean needsContext, boolean districtOnly) {
            this(candidates, start, end, originalStart, needsContext, districtOnly, false);
        }
    }

    private ContextResolver() {}

    static void resolve(
            NormalizedText text, List<Deferred> deferred, List<Resolved> resolved, Set<String> context,
            @Nullable Region dateline, Set<String> rollupOnly) {
        Set<String> resolvedCodes = new HashSet<>();
        resolved.forEach(r -> resolvedCodes.add(r.region().getCode()));
        if (dateline != null) {
            resolvedCodes.add(dateline.getCode());
        }
        // districts last, so that a regency resolved by one of its districts ("Ngabang, Landak") lets the
        // district be read against it in turn
        List<Deferred> ordered = new ArrayList<>(deferred);
        ordered.sort(Comparator.comparing(Deferred::districtOnly));
        for (Deferred d : ordered) {
            Region pick = null;
            String evidence = "context";
            List<Region> known = d.candidates().stream().filter(r -> resolvedCodes.contains(r.getCode())).toList();
            if (known.size() == 1) {
                pick = known.get(0);
            } else if (d.districtOnly()) {
                pick = districtNear(text, d, resolved, context);
            } else {
                // a name that is also a word ("Batu besar menutup jalan", "Landak masuk kebun") needs evidence
                // at the mention: a place preposition or a place of that regency nearby; the province of the
                // article or of the outlet alone, or a capital letter opening a sentence, is none
                List<Region> candidates = d.needsContext() && !d.placeWord() ? withPlaceNear(d, deferred, resolved) : d.candidates();
                List<Region> inContext = candidates.stream().filter(r -> context.contains(r.getProvinceCode())).toList();
                if (inContext.size() == 1) {
                    pick = inContext.get(0);
                } else if (!inContext.isEmpty() && isPair(inContext)) {
                    int lean = Cue.regencyLean(window(text, d));
                    if (lean != 0) {
                        RegionLevel want = lean > 0 ? RegionLevel.REGENCY : RegionLevel.CITY;
                        pick = inContext.stream().filter(r -> r.getLevel() == want).findFirst().orElse(null);
                    } else {
                        rollupOnly.add(inContext.get(0).getProvinceCode());
                    }
                } else if (!d.needsContext() && isPair(d.candidates())) {
                    int lean = Cue.regencyLean(window(text, d));
                    if (lean != 0) {
                        RegionLevel want = lean > 0 ? RegionLevel.REGENCY : RegionLevel.CITY;
                        pick = d.candidates().stream().filter(r -> r.getLevel() == want).findFirst().orElse(null);
                    } else {
                        rollupOnly.add(d.candidates().get(0).getProvinceCode());
                    }
                } else if (!d.needsContext() && d.candidates().size() == 1) {
                    pick = d.candidates().get(0);
                    evidence = "alias";
                }
            }
            if (pick != null) {
                resolved.add(new Resolved(pick, d.start(), d.originalStart(), evidence));
            }
        }
    }

    /** The candidates of {@code d} with one of their districts named near it ("di Martapura ... warga Banjar"). */
    private static List<Region> withPlaceNear(Deferred d, List<Deferred> deferred, List<Resolved> resolved) {
        List<Region> out = new ArrayList<>();
        for (Region candidate : d.candidates()) {
            boolean near = resolved.stream().anyMatch(r -> candidate.getCode().equals(r.region().getParentCode())
                    && Math.abs(r.start() - d.start()) <= DISTRICT_NEAR_CHARS);
            near |= deferred.stream().anyMatch(other -> other != d && other.districtOnly()
                    && Math.abs(other.start() - d.start()) <= DISTRICT_NEAR_CHARS
                    && other.candidates().stream().anyMatch(r -> candidate.getCode().equals(r.getParentCode())));
            if (near) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** True for the regency and the city of one bare name in one province (Kabupaten/Kota Bogor). */
    private static boolean isPair(List<Region> regions) {
        return regions.size() == 2
                && regions.get(0).getProvinceCode().equals(regions.get(1).getProvinceCode())
                && regions.stream().anyMatch(r -> r.getLevel() == RegionLevel.REGENCY)
                && regions.stream().anyMatch(r -> r.getLevel() == RegionLevel.CITY);
    }

    private static List<String> window(NormalizedText text, Deferred d) {
        List<String> w = new ArrayList<>(text.tokensBefore(d.start(), LEAN_WINDOW_TOKENS));
        w.addAll(text.tokensAfter(d.end(), LEAN_WINDOW_TOKENS));
        return w;
    }

    /** A district whose regency is named near it in the article ("di Sungai Pinyuh, Mempawah"). */
    private static @Nullable Region districtNear(NormalizedText text, Deferred d, List<Resolved> resolved, Set<String> context) {
        List<Region> near = new ArrayList<>();
        for (Region district : d.candidates()) {
            for (Resolved r : resolved) {
                if (r.region().getCode().equals(district.getParentCode()) && Math.abs(r.start() - d.start()) <= DISTRICT_NEAR_CHARS) {
                    near.add(district);
                    break;
                }
            }
        }
        if (near.size() == 1) {
            return near.get(0);
        }
        if (!d.needsContext() && d.candidates().size() > 0) {
            // after "Kecamatan": one district of the provinces in context
            List<Region> inContext = d.candidates().stream().filter(r -> context.contains(r.getProvinceCode())).toList();
            if (inContext.size() == 1) {
                return inContext.get(0);
            }
            if (d.candidates().size() == 1) {
                return d.candidates().get(0);
            }
        }
        return null;
    }
}
