package id.pantau.enrich.tagger.region;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.schemas.avro.RegionTag;
import java.util.List;
import java.util.Objects;

/** Tags the regions an article is about. Immutable and thread-safe. */
public final class RegionTagger {

    private final RegionGazetteer gazetteer;

    public RegionTagger(RegionGazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /** Region tags of one article, in code order. */
    public List<RegionTag> tag(ArticleText text) {
        Objects.requireNonNull(text, "text");
        return List.of();
    }
}
