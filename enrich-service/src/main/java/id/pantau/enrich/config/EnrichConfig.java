package id.pantau.enrich.config;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of enrich-service; immutable. Built by {@link EnrichConfigLoader} from
 * {@code enrich-defaults.yaml}, an optional file and {@code PANTAU_*} variables, or directly in tests.
 *
 * @param kafka Kafka Streams settings
 * @param rules where the topic and alert rules come from
 * @param officials reference-data settings
 * @param story near-duplicate detection settings
 * @param outletProvinces outlet id to province code ({@code enrich.outlet.provinces}, default: the five seed outlets)
 */
public record EnrichConfig(Kafka kafka, Rules rules, Officials officials, Story story, Map<String, String> outletProvinces) {

    private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");

    public EnrichConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(officials, "officials");
        Objects.requireNonNull(story, "story");
        outletProvinces = Map.copyOf(new TreeMap<>(Objects.requireNonNull(outletProvinces, "outletProvinces")));
        outletProvinces.forEach((outlet, code) -> {
            if (!PROVINCE_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("enrich.outlet.provinces." + outlet + ": expected a two-digit province code, got '" + code + "'");
            }
        });
    }

    /**
     * Kafka Streams settings.
     *
     * @param bootstrapServers {@code enrich.kafka.bootstrap.servers}, default {@code localhost:9092}
     * @param applicationId {@code enrich.kafka.application.id}, default {@code pantau-enrich}
     * @param stateDir {@code enrich.kafka.state.dir}, default {@code ./data/enrich-state}
     * @param replicationFactor {@code enrich.kafka.replication.factor}, default 1, range 1..5
     * @param commitIntervalMs {@code enrich.kafka.commit.interval.ms}, default 100 ms, range 10..60000
     * @param streamThreads {@code enrich.kafka.stream.threads}, default 1, range 1..32
     */
    public record Kafka(String bootstrapServers, String applicationId, String stateDir, int replicationFactor, int commitIntervalMs, int streamThreads) {
        public Kafka {
            nonBlank("enrich.kafka.bootstrap.servers", bootstrapServers);
            nonBlank("enrich.kafka.application.id", applicationId);
            nonBlank("enrich.kafka.state.dir", stateDir);
            range("enrich.kafka.replication.factor", replicationFactor, 1, 5);
            range("enrich.kafka.commit.interval.ms", commitIntervalMs, 10, 60_000);
            range("enrich.kafka.stream.threads", streamThreads, 1, 32);
        }
    }

    /**
     * Rule files.
     *
     * @param topicsFile {@code enrich.rules.topics.file}; empty (default) = shipped {@code topics.yaml}
     * @param alertsFile {@code enrich.rules.alerts.file}; empty (default) = shipped {@code alert-rules.yaml}
     */
    public record Rules(String topicsFile, String alertsFile) {
        public Rules {
            Objects.requireNonNull(topicsFile, "enrich.rules.topics.file");
            Objects.requireNonNull(alertsFile, "enrich.rules.alerts.file");
        }
    }

    /**
     * Officials reference data.
     *
     * @param seedEnabled {@code enrich.officials.seed.enabled}, default true
     */
    public record Officials(boolean seedEnabled) {}

    /**
     * Story clustering.
     *
     * @param shingleWords {@code enrich.story.shingle.words}, default 1, range 1..5
     * @param minhashFunctions {@code enrich.story.minhash.functions}, default 16, range 16..512, a multiple of bands
     * @param lshBands {@code enrich.story.lsh.bands}, default 16, range 1..256
     * @param similarityMin {@code enrich.story.similarity.min}, default 0.2, range (0, 1]
     * @param windowHours {@code enrich.story.window.hours}, default 72 h, range 1..720
     * @param retentionDays {@code enrich.story.retention.days}, default 30, range 1..3650, at least the window
     */
    public record Story(int shingleWords, int minhashFunctions, int lshBands, double similarityMin, int windowHours, int retentionDays) {

        /** Default of {@code enrich.story.retention.days}. */
        public static final int DEFAULT_RETENTION_DAYS = 30;

        public Story {
            range("enrich.story.shingle.words", shingleWords, 1, 5);
            range("enrich.story.minhash.functions", minhashFunctions, 16, 512);
            range("enrich.story.lsh.bands", lshBands, 1, 256);
            if (minhashFunctions % lshBands != 0) {
                throw new IllegalArgumentException("enrich.story.minhash.functions: expected a multiple of enrich.story.lsh.bands ("
                        + lshBands + "), got " + minhashFunctions);
            }
            if (!(similarityMin > 0 && similarityMin <= 1)) {
                throw new IllegalArgumentException("enrich.story.similarity.min: expected a number in (0, 1], got " + similarityMin);
            }
            range("enrich.story.window.hours", windowHours, 1, 720);
            range("enrich.story.retention.days", retentionDays, 1, 3650);
            if (retentionDays * 24L < windowHours) {
                throw new IllegalArgumentException("enrich.story.retention.days: expected at least enrich.story.window.hours ("
                        + windowHours + " h), got " + retentionDays + " days");
            }
        }

        /** Story settings with the default retention. */
        public Story(int shingleWords, int minhashFunctions, int lshBands, double similarityMin, int windowHours) {
            this(shingleWords, minhashFunctions, lshBands, similarityMin, windowHours, DEFAULT_RETENTION_DAYS);
        }

        /** MinHash rows per LSH band. */
        public int rowsPerBand() {
            return minhashFunctions / lshBands;
        }
    }

    /** Province code of an outlet's region focus, or null. */
    public @Nullable String provinceOf(String outletId) {
        return outletProvinces.get(outletId);
    }

    private static void nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": expected a non-empty value, got '" + value + "'");
        }
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": expected an integer in " + min + ".." + max + ", got " + value);
        }
    }
}
