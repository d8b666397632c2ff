package id.pantau.index.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link IndexConfig} from three layers, each overriding the one before: the classpath
 * {@code index-defaults.yaml}, an optional {@code --config <file>} and {@code PANTAU_INDEX_*}
 * environment variables ({@code PANTAU_INDEX_BULK_MAX_BYTES} sets {@code index.bulk.max.bytes}).
 * Unknown keys under {@code index.} are rejected. Stateless.
 */
public final class ConfigLoader {

    private static final String DEFAULTS = "/index-defaults.yaml";
    private static final String ENV_PREFIX = "PANTAU_INDEX_";
    private static final Pattern WEBHOOK_KEY = Pattern.compile("index\\.alerts\\.webhook\\.([a-z0-9-]+)\\.(rule|url|secret\\.env)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {}

    /** Loads the configuration for command-line {@code args} and environment {@code env}. */
    public static IndexConfig load(String[] args, Map<String, String> env) {
        Map<String, String> values = readYaml(openDefaults(), DEFAULTS);
        var known = List.copyOf(values.keySet());
        Path file = configFile(args);
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                merge(values, readYaml(in, file.toString()), known, file.toString());
            } catch (IOException e) {
                throw new IllegalArgumentException("--config: cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> fromEnv = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                fromEnv.put(name.toLowerCase(Locale.ROOT).replace('_', '.').substring("pantau.".length()), value);
            }
        });
        merge(values, fromEnv, known, "environment");
        return build(values, env);
    }

    /** Builds the record from flat dotted keys; secrets are looked up in {@code env}. */
    static IndexConfig build(Map<String, String> v, Map<String, String> env) {
        var kafka = new IndexConfig.Kafka(
                v.get("index.kafka.bootstrap.servers"),
                v.get("index.kafka.group.id"),
                integer(v, "index.kafka.max.poll.records"),
                (short) integer(v, "index.kafka.topics.replication.factor"));
        var es = new IndexConfig.Elasticsearch(
                uri(v, "index.es.uri"),
                integer(v, "index.es.request.timeout.ms"),
                v.get("index.es.articles.alias"),
                v.get("index.es.articles.index"),
                v.get("index.es.alerts.alias"),
                v.get("index.es.alerts.index"),
                v.get("index.es.deliveries.alias"),
                v.get("index.es.deliveries.index"),
                v.get("index.es.dead.letters.alias"),
                v.get("index.es.dead.letters.index"));
        var bulk = new IndexConfig.Bulk(
                integer(v, "index.bulk.max.operations"),
                longValue(v, "index.bulk.max.bytes"),
                longValue(v, "index.bulk.flush.interval.ms"),
                integer(v, "index.bulk.max.concurrent.requests"),
                integer(v, "index.bulk.max.in.flight.records"),
                longValue(v, "index.bulk.retry.initial.ms"),
                longValue(v, "index.bulk.retry.max.ms"));
        var api = new IndexConfig.Api(
                bool(v, "index.api.enabled"),
                v.get("index.api.host"),
                integer(v, "index.api.port"),
                list(v.get("index.api.key.sha256")),
                integer(v, "index.api.max.page.size"),
                integer(v, "index.api.feed.buffer.events"),
                bool(v, "index.api.metrics.open"));
        List<IndexConfig.Webhook> webhooks = new ArrayList<>();
        for (String name : list(v.get("index.alerts.webhooks"))) {
            String prefix = "index.alerts.webhook." + name + ".";
            String secretEnv = required(v, prefix + "secret.env");
            webhooks.add(new IndexConfig.Webhook(
                    name, required(v, prefix + "rule"), uri(v, prefix + "url"), env.getOrDefault(secretEnv, "")));
        }
        var alerts = new IndexConfig.Alerts(
                bool(v, "index.alerts.delivery.enabled"),
                longValue(v, "index.alerts.delivery.poll.interval.ms"),
                integer(v, "index.alerts.delivery.max.attempts"),
                longValue(v, "index.alerts.delivery.retry.initial.ms"),
                longValue(v, "index.alerts.delivery.retry.max.ms"),
                longValue(v, "index.alerts.delivery.timeout.ms"),
                webhooks);
        return new IndexConfig(kafka, es, bulk, api, alerts);
    }

    private static @Nullable Path configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--config: expected a file path after it");
                }
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }

    private static InputStream openDefaults() {
        InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + DEFAULTS + " is missing");
        }
        return in;
    }

    private static Map<String, String> readYaml(InputStream in, String source) {
        try (in) {
            JsonNode root = YAML.readTree(in);
            Map<String, String> flat = new LinkedHashMap<>();
            if (root != null) {
                flatten("", root, flat);
            }
            return flat;
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, String.join(",", items));
        } else {
            out.put(prefix, node.isNull() ? "" : node.asText());
        }
    }

    private static void merge(Map<String, String> into, Map<String, String> layer, List<String> known, String source) {
        layer.forEach((key, value) -> {
            if (!known.contains(key) && !WEBHOOK_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "'; see index-defaults.yaml for the keys");
            }
            into.put(key, value);
        });
    }

    private static String required(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": required, not set");
        }
        return value.strip();
    }

    private static int integer(Map<String, String> v, String key) {
        long value = longValue(v, key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": expected an integer, got '" + v.get(key) + "'");
        }
        return (int) value;
    }

    private static long longValue(Map<String, String> v, String key) {
        String raw = required(v, key);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected an integer, got '" + raw + "'", e);
        }
    }

    private static boolean bool(Map<String, String> v, String key) {
        String raw = required(v, key).toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + ": expected one of [true, false], got '" + raw + "'");
        };
    }

    private static URI uri(Map<String, String> v, String key) {
        String raw = required(v, key);
        try {
            return URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": expected an http(s)://host[:port] URI, got '" + raw + "'", e);
        }
    }

    private static List<String> list(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
