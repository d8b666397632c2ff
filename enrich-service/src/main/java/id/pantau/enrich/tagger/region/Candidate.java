package id.pantau.enrich.tagger.region;

import id.pantau.schemas.avro.Region;
import org.jspecify.annotations.Nullable;

/**
 * A region a surface form may name.
 *
 * @param region the region
 * @param viaAlias true when the surface is a press alias, not the region's own name
 * @param exactCase the alias as written when it must match in exactly that case, else null
 * @param ambiguous true when the bare name is also a common word, river, island or person name
 */
record Candidate(Region region, boolean viaAlias, @Nullable String exactCase, boolean ambiguous) {}
