package id.pantau.enrich.tagger.region;

import id.pantau.schemas.avro.Region;
import java.util.Map;

/** Curated press aliases of regions (resource {@code region-aliases.tsv}). */
final class RegionAliases {

    private RegionAliases() {}

    static void applyTo(Map<String, Region> regions) {
        // filled from the alias table
    }
}
