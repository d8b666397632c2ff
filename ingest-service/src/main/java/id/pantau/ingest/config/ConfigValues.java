package id.pantau.ingest.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Typed, range-checked reads of a flat map of dotted keys. Every read marks its key as used, so that
 * {@link #rejectUnknown()} can name keys nobody asked for (typos). Not thread-safe; used once at start.
 */
public final class ConfigValues {

    private final Map<String, String> values;
    private final Set<String> used = new HashSet<>();

    public ConfigValues(Map<String, String> values) {
        this.values = new TreeMap<>(Objects.requireNonNull(values, "values"));
    }

    /** The raw text of a required key. */
    public String string(String key) {
        used.add(key);
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException(key + ": required, but not set");
        }
        return value.trim();
    }

    /** A required key whose value must not be blank. */
    public String nonBlank(String key) {
        String value = string(key);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + ": expected a non-empty text, got ''");
        }
        return value;
    }

    public long longIn(String key, long min, long max) {
        String text = string(key);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected an integer in " + min + ".." + max + ", got '" + text + "'", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": expected an integer in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    public int intIn(String key, int min, int max) {
        return (int) longIn(key, min, max);
    }

    public Duration millisIn(String key, long min, long max) {
        return Duration.ofMillis(longIn(key, min, max));
    }

    public boolean bool(String key) {
        String text = string(key);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + ": expected one of [true, false], got '" + text + "'");
        };
    }

    public URI httpUrl(String key) {
        String text = nonBlank(key);
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + ": expected an absolute http(s) URL, got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": expected an absolute http(s) URL, got '" + text + "'", e);
        }
    }

    /** Fails naming every key under {@code prefix} that no read asked for. */
    public void rejectUnknown(String prefix) {
        Set<String> unknown = new TreeSet<>();
        for (String key : values.keySet()) {
            if (key.startsWith(prefix) && !used.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown config keys " + unknown + "; known keys are listed in ingest-defaults.yaml");
        }
    }
}
