package id.pantau.enrich.tagger.official;

import id.pantau.schemas.avro.Region;
import org.jspecify.annotations.Nullable;

/**
 * One "office [jurisdiction] [rank] name" pattern found in the text.
 *
 * @param officeStart offset of the office's first word (interim prefix included)
 * @param officeEnd offset just past the office and its jurisdiction as written
 * @param officeFull office in full, interim prefix included, e.g. "Penjabat Bupati"
 * @param jurisdiction the region the office names, or null
 * @param name the name without decorations; empty for an office named without a name ("Kapolda Kalbar menjelaskan")
 * @param nameStart offset of the name
 * @param nameEnd offset just past the name
 * @param serving false when a word before the office says its holder does not hold it now
 *     ("calon", "mantan"): a candidate or a former holder, who is no official
 */
record TitleHit(int officeStart, int officeEnd, String officeFull, @Nullable Region jurisdiction, String name, int nameStart, int nameEnd,
        boolean serving) {

    TitleHit(int officeStart, int officeEnd, String officeFull, @Nullable Region jurisdiction, String name, int nameStart, int nameEnd) {
        this(officeStart, officeEnd, officeFull, jurisdiction, name, nameStart, nameEnd, true);
    }

    TitleHit notServing() {
        return new TitleHit(officeStart, officeEnd, officeFull, jurisdiction, name, nameStart, nameEnd, false);
    }

    boolean isOfficeOnly() {
        return name.isEmpty();
    }
}
