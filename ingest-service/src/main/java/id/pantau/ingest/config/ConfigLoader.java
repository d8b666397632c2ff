package id.pantau.ingest.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link IngestConfig} from three layers, each overriding the one before: the classpath
 * {@code ingest-defaults.yaml}, an optional {@code --config FILE} and {@code PANTAU_INGEST_*}
 * environment variables ({@code PANTAU_INGEST_FETCH_DELAY_MS} sets {@code ingest.fetch.delay.ms}).
 */
public final class ConfigLoader {

    /** Classpath resource holding every key with its default. */
    public static final String DEFAULTS_RESOURCE = "/ingest-defaults.yaml";
    private static final String ENV_PREFIX = "PANTAU_";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {}

    /**
     * Loads the config for the given command-line arguments and environment.
     *
     * @throws IllegalArgumentException naming the key for a bad, missing or unknown key, or a bad argument
     */
    public static IngestConfig load(List<String> args, Map<String, String> env) {
        Map<String, String> values = defaults();
        Path file = configFile(args);
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                values.putAll(flatten(in, file.toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException("--config: cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        values.putAll(fromEnvironment(env));
        return IngestConfig.from(values);
    }

    /** The bundled defaults as a flat map. */
    public static Map<String, String> defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULTS_RESOURCE);
            }
            return flatten(in, DEFAULTS_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code PANTAU_INGEST_*} variables as dotted keys. */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX + "INGEST_")) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(key, value);
            }
        });
        return values;
    }

    private static @Nullable Path configFile(List<String> args) {
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--config")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--config: expected a file path after it");
                }
                file = Path.of(args.get(++i));
            } else if (arg.startsWith("--config=")) {
                file = Path.of(arg.substring("--config=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; allowed: --config FILE");
            }
        }
        return file;
    }

    private static Map<String, String> flatten(InputStream in, String source) throws IOException {
        JsonNode root = YAML.readTree(in);
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping of config keys");
        }
        flatten("", root, values, source);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, String source) {
        node.properties().forEach(entry -> {
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, out, source);
            } else if (value.isContainerNode()) {
                throw new IllegalArgumentException(source + ": " + key + ": expected a single value, got a list");
            } else {
                out.put(key, value.isNull() ? "" : value.asText());
            }
        });
    }
}
