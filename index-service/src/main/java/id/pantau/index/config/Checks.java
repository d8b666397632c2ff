package id.pantau.index.config;

import java.net.URI;

/** Range and format checks whose messages name the key, the bad value and what is allowed. */
final class Checks {

    private Checks() {}

    static void range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            String allowed = max == Long.MAX_VALUE ? ">= " + min : min + ".." + max;
            throw new IllegalArgumentException(key + ": expected " + allowed + ", got " + value);
        }
    }

    static void notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": expected a non-empty value, got '" + value + "'");
        }
    }

    static void httpUri(String key, URI uri) {
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(key + ": expected an http(s)://host[:port] URI, got '" + uri + "'");
        }
    }

    static void indexName(String key, String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException(key + ": expected a lower-case index name of [a-z0-9._-], got '" + name + "'");
        }
    }
}
