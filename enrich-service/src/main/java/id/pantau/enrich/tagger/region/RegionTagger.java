package id.pantau.enrich.tagger.region;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.text.KeywordMatcher;
import id.pantau.enrich.tagger.text.NormalizedText;
import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.RegionLevel;
import id.pantau.schemas.avro.RegionTag;
import id.pantau.enrich.tagger.region.ContextResolver.Deferred;
import id.pantau.enrich.tagger.region.ContextResolver.Resolved;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Tags the regions an article names, reading context as a careful reader does: administrative prefixes and
 * institutions before a name, the dateline, the provinces named elsewhere and the outlet's province. Bare
 * names that are also common words, and district names, need positive evidence at the mention (a prefix, an
 * institution, the dateline, "di"/"ke"/"dari" before it, a district of the regency nearby); the provinces of
 * the article and the outlet only choose among homonyms. Districts roll up to their
 * regency and province, regencies and cities to their province. Immutable and thread-safe.
 *
 * <p>Evidence of a tag, the strongest over its mentions: {@code dateline} (the article's dateline place),
 * {@code explicit-prefix} ("Kabupaten", "Kab.", "Kota", "Provinsi", "Kecamatan" before the name, or a
 * province's full name), {@code institution} (an office or body before it: Pemkab, Polres, Bupati, KPU,
 * DPRD...), {@code alias} (a bare or press name such as "Mempawah" or "Kalbar"), {@code context} (a name
 * resolved only by the rest of the article: the provinces named, the outlet's province, regency or city
 * cues around it, a district's regency nearby) and {@code rollup} (not named, enclosing a tagged region;
 * mention count 0, first offset -1). A regency/city pair left unresolved tags only their province.
 */
public final class RegionTagger {

    /** Prepositions of place: "di Landak", "ke Kapuas", "dari Batu" read as places. */
    private static final Set<String> PLACE_WORDS = Set.of("di", "ke", "dari");

    private final RegionGazetteer gazetteer;
    private final RegionNames names;

    public RegionTagger(RegionGazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.names = gazetteer.names();
    }


    /** Region tags of one article, in code order. */
    public List<RegionTag> tag(ArticleText article) {
        Objects.requireNonNull(article, "article");
        NormalizedText text = article.normalized();
        List<Resolved> resolved = new ArrayList<>();
        List<Deferred> deferred = new ArrayList<>();
        scan(text, resolved, deferred);

        Set<String> context = new HashSet<>();
        resolved.forEach(r -> context.add(r.region().getProvinceCode()));
        if (article.outletProvinceCode() != null) {
            context.add(article.outletProvinceCode());
        }
        Region dateline = resolveDateline(article.datelinePlace(), context);
        if (dateline != null) {
            context.add(dateline.getProvinceCode());
        }
        Set<String> rollupOnly = new HashSet<>();
        ContextResolver.resolve(text, deferred, resolved, context, dateline, rollupOnly);
        return aggregate(resolved, dateline, rollupOnly);
    }

    private void scan(NormalizedText text, List<Resolved> resolved, List<Deferred> deferred) {
        List<KeywordMatcher.Match<List<Candidate>>> all = names.matcher().findAll(text);
        int covered = 0;
        int i = 0;
        while (i < all.size()) {
            int start = all.get(i).start();
            int j = i;
            while (j < all.size() && all.get(j).start() == start) {
                j++;
            }
            if (start >= covered) {
                // longest first; a longer name that yields nothing falls back to a shorter one at the same start
                for (int k = i; k < j; k++) {
                    int end = classify(text, all.get(k), resolved, deferred);
                    if (end > 0) {
                        covered = end;
                        break;
                    }
                }
            }
            i = j;
        }
    }

    /** Classifies one match; returns its end when it was consumed (resolved, deferred or blocked), else -1. */
    private int classify(NormalizedText text, KeywordMatcher.Match<List<Candidate>> m, List<Resolved> resolved, List<Deferred> deferred) {
        int os = text.originalStart(m.start());
        int oe = text.originalEnd(m.end());
        String written = text.original().substring(os, oe);
        Cue cue = Cue.before(text, m.start());
        if (cue != null && cue.isBlocked()) {
            return m.end();
        }
        boolean explicit = cue != null && Cue.EXPLICIT.equals(cue.evidence());
        if (!explicit && !text.isCapitalised(os, oe)) {
            return -1;
        }
        List<Candidate> cands = new ArrayList<>();
        for (Candidate c : m.value()) {
            if (c.exactCase() == null || c.exactCase().equals(written)) {
                cands.add(c);
            }
        }
        if (cands.isEmpty()) {
            return -1;
        }
        RegionLevel level = cue == null ? null : cue.level();
        List<Region> fits = new ArrayList<>();
        boolean aliasUsed = false;
        boolean ambiguous = false;
        for (Candidate c : cands) {
            if (fitsLevel(c.region().getLevel(), level)) {
                fits.add(c.region());
                aliasUsed |= c.viaAlias();
                ambiguous |= c.ambiguous();
            }
        }
        if (fits.isEmpty() && level == RegionLevel.CITY) {
            // "Kota Mempawah": the town of a regency that has no city of that name
            cands.stream().filter(c -> c.region().getLevel() == RegionLevel.REGENCY).forEach(c -> fits.add(c.region()));
        }
        if (fits.isEmpty()) {
            if (level == null && cands.stream().allMatch(c -> c.region().getLevel() == RegionLevel.DISTRICT)) {
                deferred.add(new Deferred(cands.stream().map(Candidate::region).toList(), m.start(), m.end(), os, true, true));
                return m.end();
            }
            return -1;
        }
        if (level == null && fits.size() > 1) {
            List<Region> provinces = fits.stream().filter(r -> r.getLevel() == RegionLevel.PROVINCE).toList();
            if (provinces.size() == 1) {
                fits.retainAll(provinces); // "Jambi", "Gorontalo": the bare name is the province
            }
        }
        boolean needsContext = cue == null && ambiguous;
        if (fits.size() == 1 && !needsContext) {
            resolved.add(new Resolved(fits.get(0), m.start(), os, evidenceOf(cue, fits.get(0), aliasUsed)));
        } else {
            deferred.add(new Deferred(List.copyOf(fits), m.start(), m.end(), os, needsContext, level == RegionLevel.DISTRICT,
                    needsContext && afterPlaceWord(text, m.start())));
        }
        return m.end();
    }

    /** Whether a place preposition ("di", "ke", "dari") stands just before normalised offset {@code start}. */
    private static boolean afterPlaceWord(NormalizedText text, int start) {
        List<String> before = text.tokensBefore(start, 1);
        return !before.isEmpty() && PLACE_WORDS.contains(before.get(before.size() - 1));
    }

    private static boolean fitsLevel(RegionLevel candidate, @Nullable RegionLevel cue) {
        if (cue == null) {
            return candidate != RegionLevel.DISTRICT;
        }
        return candidate == cue;
    }

    private static String evidenceOf(@Nullable Cue cue, Region region, boolean alias) {
        if (cue != null) {
            return cue.evidence();
        }
        if (alias) {
            return "alias";
        }
        return region.getLevel() == RegionLevel.PROVINCE ? Cue.EXPLICIT : "alias";
    }

    private @Nullable Region resolveDateline(@Nullable String place, Set<String> context) {
        if (place == null || place.isBlank()) {
            return null;
        }
        NormalizedText t = NormalizedText.of(place);
        KeywordMatcher.Match<List<Candidate>> m = names.matcher().longestAt(t, 0);
        if (m == null || m.end() != t.normalized().length()) {
            return null;
        }
        // a dateline names the town the report was filed from: city before regency before province before
        // district, first among the provinces in context (the outlet's), then anywhere
        List<Region> all = m.value().stream().map(Candidate::region).distinct().toList();
        List<Region> inContext = all.stream().filter(r -> context.contains(r.getProvinceCode())).toList();
        for (List<Region> pool : List.of(inContext, all)) {
            for (RegionLevel level : List.of(RegionLevel.CITY, RegionLevel.REGENCY, RegionLevel.PROVINCE, RegionLevel.DISTRICT)) {
                List<Region> at = pool.stream().filter(r -> r.getLevel() == level).toList();
                if (at.size() == 1) {
                    return at.get(0);
                }
                if (at.size() > 1) {
                    return null;
                }
            }
        }
        return null;
    }

    private List<RegionTag> aggregate(List<Resolved> resolved, @Nullable Region dateline, Set<String> rollupOnly) {
        Map<String, RegionTag.Builder> tags = new TreeMap<>();
        resolved.sort((a, b) -> Integer.compare(a.originalStart(), b.originalStart()));
        for (Resolved r : resolved) {
            RegionTag.Builder b = tags.get(r.region().getCode());
            if (b == null) {
                tags.put(r.region().getCode(), builder(r.region(), 1, r.originalStart(), r.evidence()));
            } else {
                b.setMentionCount(b.getMentionCount() + 1);
                if (rank(r.evidence()) > rank(b.getEvidence())) {
                    b.setEvidence(r.evidence());
                }
            }
        }
        if (dateline != null) {
            RegionTag.Builder b = tags.get(dateline.getCode());
            if (b == null) {
                tags.put(dateline.getCode(), builder(dateline, 0, -1, "dateline"));
            } else {
                b.setEvidence("dateline");
            }
        }
        for (String code : List.copyOf(tags.keySet())) {
            Region r = gazetteer.byCode(code);
            while (r != null && r.getParentCode() != null) {
                Region parent = gazetteer.byCode(r.getParentCode());
                if (parent == null) {
                    break;
                }
                tags.computeIfAbsent(parent.getCode(), c -> builder(gazetteerRegion(c), 0, -1, "rollup"));
                r = parent;
            }
        }
        for (String province : rollupOnly) {
            tags.computeIfAbsent(province, c -> builder(gazetteerRegion(c), 0, -1, "rollup"));
        }
        return tags.values().stream().map(RegionTag.Builder::build).toList();
    }

    private Region gazetteerRegion(String code) {
        return Objects.requireNonNull(gazetteer.byCode(code), code);
    }

    private static RegionTag.Builder builder(Region r, int mentions, int offset, String evidence) {
        return RegionTag.newBuilder()
                .setCode(r.getCode())
                .setName(r.getName())
                .setLevel(r.getLevel())
                .setProvinceCode(r.getProvinceCode())
                .setMentionCount(mentions)
                .setFirstOffset(offset)
                .setEvidence(evidence);
    }

    private static int rank(String evidence) {
        return switch (evidence) {
            case "dateline" -> 5;
            case Cue.EXPLICIT -> 4;
            case Cue.INSTITUTION -> 3;
            case "alias" -> 2;
            case "context" -> 1;
            default -> 0;
        };
    }
}
