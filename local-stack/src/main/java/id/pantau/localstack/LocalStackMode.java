package id.pantau.localstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Which implementation of {@link LocalStack} to run; chosen by system property or env {@code pantau.localstack}. */
public enum LocalStackMode {
    /** Broker in this JVM, Elasticsearch as a child process. */
    EMBEDDED,
    /** Kafka and Elasticsearch containers through Testcontainers; needs a Docker engine. */
    TESTCONTAINERS,
    /** Testcontainers when a Docker engine answers, else embedded. */
    AUTO;

    /** The system property, and the environment variable, that choose the mode. */
    public static final String KEY = "pantau.localstack";

    /**
     * Parses a mode name, case-insensitively; null or blank means {@link #AUTO}.
     *
     * @throws IllegalArgumentException naming the key and the allowed values
     */
    public static LocalStackMode parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ", "[", "]"));
            throw new IllegalArgumentException(KEY + ": expected one of " + allowed + ", got '" + value + "'", e);
        }
    }

    /** The mode chosen by the system property {@code pantau.localstack}, else the env variable of that name. */
    public static LocalStackMode fromEnvironment() {
        String value = System.getProperty(KEY);
        if (value == null || value.isBlank()) {
            value = System.getenv(KEY);
        }
        return parse(value);
    }

    /** Resolves {@link #AUTO} with the answer to "is a Docker engine available?". */
    public LocalStackMode resolve(boolean dockerAvailable) {
        if (this != AUTO) {
            return this;
        }
        return dockerAvailable ? TESTCONTAINERS : EMBEDDED;
    }
}
