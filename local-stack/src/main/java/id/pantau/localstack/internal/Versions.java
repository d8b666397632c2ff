package id.pantau.localstack.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Kafka and Elasticsearch versions the build pins, read from the Maven-filtered {@code versions.properties}. */
public final class Versions {

    private static final String RESOURCE = "/id/pantau/localstack/versions.properties";
    private static final Properties PROPERTIES = load();

    private Versions() {}

    /** The version of the Elasticsearch distribution zip, e.g. {@code 8.19.21}. */
    public static String elasticsearch() {
        return get("elasticsearch.version");
    }

    /** The Kafka version of the broker jars, e.g. {@code 4.3.1}. */
    public static String kafka() {
        return get("kafka.version");
    }

    private static String get(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " has no filtered value for " + key + " (got '" + value
                    + "'); build local-stack with Maven so resources are filtered");
        }
        return value.trim();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return p;
    }
}
