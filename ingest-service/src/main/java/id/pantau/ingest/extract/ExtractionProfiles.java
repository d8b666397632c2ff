package id.pantau.ingest.extract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Loads {@link ExtractionProfile}s: the ones shipped on the classpath under {@code
 * id/pantau/ingest/extract/profiles/<outlet-id>.yaml}, or those of a YAML file keyed by outlet id
 * (like the test fixtures' {@code profiles.yaml}) or an outlets file ({@code outlets: [{id, profile}]}).
 * Unknown keys are errors. Thread-safe.
 */
public final class ExtractionProfiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern OUTLET_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ExtractionProfiles() {}

    /**
     * The profile shipped for {@code outletId}, or null when none ships.
     *
     * @throws IllegalArgumentException when the id is malformed or the shipped file is invalid
     */
    public static @Nullable ExtractionProfile shipped(String outletId) {
        Objects.requireNonNull(outletId, "outletId");
        if (!OUTLET_ID.matcher(outletId).matches()) {
            throw new IllegalArgumentException("outlet id: expected lowercase letters, digits and '-', got '" + outletId + "'");
        }
        String resource = "profiles/" + outletId + ".yaml";
        try (InputStream in = ExtractionProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return YAML.readValue(in, ExtractionProfile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("profile of outlet '" + outletId + "' (" + resource + ") is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The profiles of a YAML file, by outlet id, in file order.
     *
     * @throws IllegalArgumentException when the file is not a map of profiles nor an outlets list
     * @throws UnreadableProfileFileException when the file cannot be read
     */
    public static Map<String, ExtractionProfile> fromFile(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new UnreadableProfileFileException(file, e);
        }
        return fromYaml(yaml, file);
    }

    /**
     * The profiles of the YAML text of {@code file}, already read, as {@link #fromFile} gives them.
     *
     * @throws IllegalArgumentException when the text is not a map of profiles nor an outlets list
     * @throws UnreadableProfileFileException when the text is not YAML
     */
    public static Map<String, ExtractionProfile> fromYaml(String yaml, Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UnreadableProfileFileException(file, e);
        }
        Map<String, ExtractionProfile> profiles = new LinkedHashMap<>();
        if (root != null && root.has("outlets") && root.get("outlets").isArray()) {
            for (JsonNode outlet : root.get("outlets")) {
                if (outlet.hasNonNull("id") && outlet.hasNonNull("profile")) {
                    profiles.put(outlet.get("id").asText(), convert(file, outlet.get("id").asText(), outlet.get("profile")));
                }
            }
            return profiles;
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a map of outlet id to profile, or 'outlets:' with id and profile");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            profiles.put(entry.getKey(), convert(file, entry.getKey(), entry.getValue()));
        }
        return profiles;
    }

    private static ExtractionProfile convert(Path file, String id, JsonNode node) {
        try {
            return YAML.treeToValue(node, ExtractionProfile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": profile of outlet '" + id + "' is invalid: " + e.getMessage(), e);
        }
    }
}
