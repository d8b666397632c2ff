package id.pantau.enrich.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link EnrichConfig} from three layers, each overriding the one before: the classpath
 * {@code enrich-defaults.yaml}, an optional file with the same flat dotted keys, and environment
 * variables {@code PANTAU_ENRICH_*} (key upper-cased, dots as underscores). An unknown key is an
 * error. Stateless.
 */
public final class EnrichConfigLoader {

    /** Classpath resource with every key and its default. */
    public static final String DEFAULTS = "/enrich-defaults.yaml";
    private static final String ENV_PREFIX = "PANTAU_";
    private static final String OUTLETS_KEY = "enrich.outlet.provinces";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private EnrichConfigLoader() {}

    /** Defaults only. */
    public static EnrichConfig defaults() {
        return load(null, Map.of());
    }

    /**
     * Loads the configuration.
     *
     * @param file optional override file, or null
     * @param env environment variables (only {@code PANTAU_ENRICH_*} are read)
     * @throws IllegalArgumentException naming the key when a value is missing, unknown or out of range
     */
    public static EnrichConfig load(@Nullable Path file, Map<String, String> env) {
        Map<String, Object> values = readDefaults();
        if (file != null) {
            Map<String, Object> overrides = readYaml(file);
            for (var entry : overrides.entrySet()) {
                requireKnown(values, entry.getKey(), file.toString());
                values.put(entry.getKey(), entry.getValue());
            }
        }
        for (var entry : env.entrySet()) {
            if (!entry.getKey().startsWith(ENV_PREFIX + "ENRICH_")) {
                continue;
            }
            String key = entry.getKey().substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            requireKnown(values, key, "environment variable " + entry.getKey());
            if (key.equals(OUTLETS_KEY)) {
                throw new IllegalArgumentException(OUTLETS_KEY + ": cannot be set from the environment, use a --config file");
            }
            values.put(key, entry.getValue());
        }
        return build(values);
    }

    private static void requireKnown(Map<String, Object> defaults, String key, String source) {
        if (!defaults.containsKey(key)) {
            throw new IllegalArgumentException(key + ": unknown key in " + source + "; known keys: " + new TreeSet<>(defaults.keySet()));
        }
    }

    private static EnrichConfig build(Map<String, Object> v) {
        return new EnrichConfig(
                new EnrichConfig.Kafka(
                        string(v, "enrich.kafka.bootstrap.servers"),
                        string(v, "enrich.kafka.application.id"),
                        string(v, "enrich.kafka.state.dir"),
                        integer(v, "enrich.kafka.replication.factor"),
                        integer(v, "enrich.kafka.commit.interval.ms"),
                        integer(v, "enrich.kafka.stream.threads")),
                new EnrichConfig.Rules(string(v, "enrich.rules.topics.file"), string(v, "enrich.rules.alerts.file")),
                new EnrichConfig.Officials(bool(v, "enrich.officials.seed.enabled")),
                new EnrichConfig.Story(
                        integer(v, "enrich.story.shingle.words"),
                        integer(v, "enrich.story.minhash.functions"),
                        integer(v, "enrich.story.lsh.bands"),
                        decimal(v, "enrich.story.similarity.min"),
                        integer(v, "enrich.story.window.hours"),
                        integer(v, "enrich.story.retention.days")),
                outlets(v.get(OUTLETS_KEY)));
    }

    private static String string(Map<String, Object> v, String key) {
        Object value = v.get(key);
        return value == null ? "" : value.toString();
    }

    private static int integer(Map<String, Object> v, String key) {
        String value = string(v, key).strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected an integer, got '" + value + "'", e);
        }
    }

    private static double decimal(Map<String, Object> v, String key) {
        String value = string(v, key).strip();
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a number, got '" + value + "'", e);
        }
    }

    private static boolean bool(Map<String, Object> v, String key) {
        String value = string(v, key).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + ": expected one of [true, false], got '" + value + "'");
        };
    }

    private static Map<String, String> outlets(@Nullable Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(OUTLETS_KEY + ": expected a map of outlet id to province code, got '" + value + "'");
        }
        Map<String, String> outlets = new LinkedHashMap<>();
        map.forEach((outlet, code) -> outlets.put(String.valueOf(outlet), String.valueOf(code)));
        return outlets;
    }

    private static Map<String, Object> readDefaults() {
        try (InputStream in = EnrichConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULTS + " is missing");
            }
            return new LinkedHashMap<>(YAML.readValue(in, new TypeReference<Map<String, Object>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }

    private static Map<String, Object> readYaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> map = YAML.readValue(in, new TypeReference<Map<String, Object>>() {});
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
    }
}
