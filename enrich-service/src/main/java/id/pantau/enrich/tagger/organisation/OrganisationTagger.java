package id.pantau.enrich.tagger.organisation;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.enrich.tagger.region.RegionNames;
import id.pantau.enrich.tagger.text.KeywordMatcher;
import id.pantau.enrich.tagger.text.NormalizedText;
import id.pantau.enrich.tagger.text.ResourceLines;
import id.pantau.schemas.avro.OrganisationTag;
import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.RegionLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tags organisations from the curated list ({@code organisations.tsv}): national bodies (KPU, Bawaslu, TNI,
 * Polri, ...) and bodies of a region ("Polda Kalbar" gives {@code polda:61}, "Pemkab Mempawah" gives
 * {@code pemkab:61.02}). Immutable and thread-safe.
 */
public final class OrganisationTagger {

    static final String RESOURCE = "/id/pantau/enrich/organisation/organisations.tsv";

    /** Whether a region follows the name. */
    enum RegionRule { NONE, OPTIONAL, REQUIRED }

    /** One organisation of the list. */
    record Organisation(String id, String name, List<String> aliases, RegionRule rule, @Nullable RegionLevel level, String regionalName) {}

    private final RegionGazetteer gazetteer;
    private final RegionNames regionNames;
    private final List<Organisation> organisations;
    private final KeywordMatcher<Organisation> matcher;

    public OrganisationTagger(RegionGazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.regionNames = gazetteer.names();
        this.organisations = load();
        Map<String, Organisation> forms = new HashMap<>();
        for (Organisation o : organisations) {
            for (String alias : o.aliases()) {
                Organisation previous = forms.put(NormalizedText.normalize(alias), o);
                if (previous != null) {
                    throw new IllegalStateException("organisations: alias '" + alias + "' used by " + previous.id() + " and " + o.id());
                }
            }
        }
        this.matcher = new KeywordMatcher<>(forms);
    }

    /** Organisation tags in order of first mention. */
    public List<OrganisationTag> tag(ArticleText article) {
        Objects.requireNonNull(article, "article");
        NormalizedText text = article.normalized();
        Set<String> context = article.outletProvinceCode() == null ? Set.of() : Set.of(article.outletProvinceCode());
        Map<String, OrganisationTag.Builder> tags = new LinkedHashMap<>();
        for (KeywordMatcher.Match<Organisation> m : matcher.findLongest(text)) {
            Organisation o = m.value();
            int next = nextWord(text, m.end());
            if (next == -2) {
                continue;
            }
            Region region = null;
            if (o.rule() != RegionRule.NONE) {
                RegionNames.Located loc = next < 0 ? null : regionNames.resolveAt(text, next, o.level(), context);
                region = loc == null ? null : loc.region();
            }
            if (region == null && o.rule() == RegionRule.REQUIRED) {
                continue;
            }
            String id = region == null ? o.id() : o.id() + ":" + region.getCode();
            String name = region == null ? o.name() : o.regionalName()
                    .replace("{name}", region.getName())
                    .replace("{bare}", RegionNames.bareName(region));
            Region r = region;
            tags.computeIfAbsent(id, k -> OrganisationTag.newBuilder()
                            .setId(k)
                            .setName(name)
                            .setRegionCode(r == null ? null : r.getCode())
                            .setMentionCount(0))
                    .setMentionCount(tags.get(id).getMentionCount() + 1);
        }
        return tags.values().stream().map(OrganisationTag.Builder::build).toList();
    }

    /**
     * Normalised offset of the word after a match, or -1 at the end of the text or before an abbreviation
     * in brackets: in "Pemerintah Kabupaten (Pemkab) Ketapang" the bracketed form is the mention that counts.
     */
    private static int nextWord(NormalizedText text, int end) {
        if (end >= text.normalized().length()) {
            return -1;
        }
        int orig = text.originalEnd(end);
        String rest = text.original().substring(orig, Math.min(text.original().length(), orig + 3)).strip();
        return rest.startsWith("(") ? -2 : end + 1;
    }

    List<Organisation> organisations() {
        return organisations;
    }

    private static List<Organisation> load() {
        List<Organisation> out = new ArrayList<>();
        for (String[] c : ResourceLines.tabSeparated(RESOURCE)) {
            if (c.length != 6) {
                throw new IllegalStateException("organisations: want 6 tab-separated cells in: " + String.join("\t", c));
            }
            RegionLevel level = c[4].equals("ANY") ? null : RegionLevel.valueOf(c[4]);
            out.add(new Organisation(c[0], c[1], List.of(c[2].split("\\|")), RegionRule.valueOf(c[3]), level, c[5]));
        }
        return List.copyOf(out);
    }
}
