package id.pantau.enrich.tagger.region;

import id.pantau.enrich.tagger.text.ResourceLines;
import id.pantau.schemas.avro.Region;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated press aliases ({@code region-aliases.tsv}) and the list of bare names that are also common
 * words ({@code region-ambiguous.txt}).
 */
final class RegionAliases {

    static final String ALIAS_RESOURCE = "/id/pantau/enrich/region/region-aliases.tsv";
    static final String AMBIGUOUS_RESOURCE = "/id/pantau/enrich/region/region-ambiguous.txt";

    /** One alias row: the alias as written, the region code it names, a note. */
    record Row(String alias, String code, String note) {
        /** Aliases written in capitals only (DIY, NTB) match only in capitals. */
        boolean isExactCase() {
            return alias.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c));
        }
    }

    private RegionAliases() {}

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : ResourceLines.read(ALIAS_RESOURCE)) {
            String[] cells = line.split("\t");
            if (cells.length < 2) {
                throw new IllegalStateException("bad alias row (want alias<TAB>code<TAB>note): " + line);
            }
            rows.add(new Row(cells[0].trim(), cells[1].trim(), cells.length > 2 ? cells[2].trim() : ""));
        }
        return rows;
    }

    static Set<String> ambiguousNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : ResourceLines.read(AMBIGUOUS_RESOURCE)) {
            names.add(line.trim());
        }
        return names;
    }

    /** Adds each alias to its region's {@code aliases}; an alias naming an unknown code is an error. */
    static void applyTo(Map<String, Region> regions) {
        for (Row row : rows()) {
            Region r = regions.get(row.code());
            if (r == null) {
                throw new IllegalStateException("alias '" + row.alias() + "' names unknown region code " + row.code());
            }
            r.getAliases().add(row.alias());
        }
    }
}
