package id.pantau.ingest.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pantau.ingest.extract.ExtractionProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The outlets pantau follows, loaded from YAML ({@code outlets:} list of {@link Outlet}) and
 * validated: unknown keys, bad URLs, bad patterns and duplicate ids fail the load with a message
 * naming the outlet and key. An outlet without an inline {@code profile:} gets the bundled profile
 * {@code id/pantau/ingest/extract/profiles/<id>.yaml} when one exists. Immutable.
 */
public final class OutletRegistry {

    /** Classpath resource of the bundled registry. */
    public static final String BUNDLED_RESOURCE = "/outlets.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Map<String, Outlet> byId;
    private final List<Outlet> ordered;

    private OutletRegistry(List<Outlet> outlets) {
        Map<String, Outlet> map = new LinkedHashMap<>();
        for (Outlet outlet : outlets) {
            if (map.putIfAbsent(outlet.id(), outlet) != null) {
                throw new IllegalArgumentException("outlets: duplicate id '" + outlet.id() + "'");
            }
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("outlets: expected at least one outlet");
        }
        this.byId = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    /** A registry of the given outlets, as tests build it. */
    public static OutletRegistry of(List<Outlet> outlets) {
        return new OutletRegistry(outlets);
    }

    /** Loads the bundled {@code outlets.yaml}. */
    public static OutletRegistry bundled() {
        try (InputStream in = OutletRegistry.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + BUNDLED_RESOURCE);
            }
            return load(in, BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new IllegalArgumentException(BUNDLED_RESOURCE + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads the file named by {@code ingest.outlets.file}, or the bundled registry when empty. */
    public static OutletRegistry forConfig(IngestConfig config) {
        if (config.outletsFile().isBlank()) {
            return bundled();
        }
        Path path = Path.of(config.outletsFile());
        try (InputStream in = Files.newInputStream(path)) {
            return load(in, path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("ingest.outlets.file: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates a registry.
     *
     * @param source name of the input for error messages
     * @throws IllegalArgumentException naming the source, the position and the problem
     */
    public static OutletRegistry load(InputStream in, String source) {
        OutletsFile file;
        try {
            file = YAML.readValue(in, OutletsFile.class);
        } catch (JsonMappingException e) {
            String detail = e.getOriginalMessage();
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException) {
                    detail = cause.getMessage();
                    break;
                }
            }
            throw new IllegalArgumentException(source + ": " + e.getPathReference().replace("id.pantau.ingest.config.", "") + ": " + detail, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (file == null || file.outlets() == null) {
            throw new IllegalArgumentException(source + ": expected a top-level 'outlets:' list");
        }
        Set<String> ids = new HashSet<>();
        List<Outlet> outlets = file.outlets().stream().map(outlet -> {
            if (!ids.add(outlet.id())) {
                throw new IllegalArgumentException(source + ": outlets: duplicate id '" + outlet.id() + "'");
            }
            return outlet.profile() != null ? outlet : outlet.withProfile(ExtractionProfiles.shipped(outlet.id()));
        }).toList();
        return new OutletRegistry(outlets);
    }

    /** All outlets in file order. */
    public List<Outlet> outlets() {
        return ordered;
    }

    /** The outlet of an id, or null. */
    public @Nullable Outlet get(String id) {
        return byId.get(Objects.requireNonNull(id, "id"));
    }

    /** The outlet owning a host, or null when no outlet claims it. */
    public @Nullable Outlet forHost(String host) {
        for (Outlet outlet : ordered) {
            if (outlet.isOwnHost(host)) {
                return outlet;
            }
        }
        return null;
    }

    /** Shape of the outlets file. */
    record OutletsFile(List<Outlet> outlets) {}
}
