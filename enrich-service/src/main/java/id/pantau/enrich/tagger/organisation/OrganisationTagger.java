package id.pantau.enrich.tagger.organisation;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.schemas.avro.OrganisationTag;
import java.util.List;
import java.util.Objects;

/** Tags organisations, national and regional. Immutable and thread-safe. */
public final class OrganisationTagger {

    private final RegionGazetteer gazetteer;

    public OrganisationTagger(RegionGazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    public List<OrganisationTag> tag(ArticleText text) {
        Objects.requireNonNull(text, "text");
        return List.of();
    }
}
