package id.pantau.enrich.tagger.official;

import id.pantau.schemas.avro.OfficialTag;
import java.util.List;

/**
 * Result of tagging officials in one article.
 *
 * @param tags one tag per official
 * @param mentions every mention in text order
 */
public record OfficialTagging(List<OfficialTag> tags, List<OfficialMention> mentions) {

    public OfficialTagging {
        tags = List.copyOf(tags);
        mentions = List.copyOf(mentions);
    }
}
