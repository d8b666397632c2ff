package id.pantau.enrich.topology;

import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.RawArticle;

/** Turns one article version into its enriched form; the story cluster is set later by the topology. */
@FunctionalInterface
public interface Enricher {

    /**
     * @param enrichedAt epoch milliseconds to stamp as enrichment time
     * @throws id.pantau.enrich.error.TaggingException when a tagger fails
     */
    EnrichedArticle enrich(RawArticle article, long enrichedAt);
}
