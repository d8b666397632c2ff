package id.pantau.enrich.tagger.official;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pantau.schemas.avro.Official;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The officials file shipped with the service ({@code officials-seed.yaml}): the officials the seed
 * articles name with an office, used to seed {@code ref.officials} at start.
 */
public final class OfficialSeed {

    static final String RESOURCE = "/id/pantau/enrich/official/officials-seed.yaml";

    private OfficialSeed() {}

    /** Every official in the shipped file, in file order; a new list on each call. */
    public static List<Official> loadDefault() {
        try (InputStream in = OfficialSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<Official> parse(JsonNode root) {
        JsonNode list = root.path("officials");
        if (!list.isArray()) {
            throw new IllegalArgumentException("officials seed: expected a list under 'officials'");
        }
        List<Official> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode n : list) {
            String id = required(n, "id");
            if (!ids.add(id)) {
                throw new IllegalArgumentException("officials seed: duplicate id '" + id + "'");
            }
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            out.add(Official.newBuilder()
                    .setId(id)
                    .setName(required(n, "name"))
                    .setAliases(aliases)
                    .setOffice(required(n, "office"))
                    .setJurisdictionCode(optional(n, "jurisdictionCode"))
                    .setValidFrom(date(n, "validFrom"))
                    .setValidTo(date(n, "validTo"))
                    .build());
        }
        return out;
    }

    private static String required(JsonNode n, String field) {
        String v = optional(n, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("officials seed: '" + field + "' is required in " + n);
        }
        return v;
    }

    private static @Nullable String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static @Nullable LocalDate date(JsonNode n, String field) {
        String v = optional(n, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
