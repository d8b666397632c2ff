package id.pantau.ingest.config;

import java.util.Map;
import java.util.Objects;

/**
 * The whole configuration of one ingest-service instance; immutable. Built by {@link ConfigLoader}
 * from {@code ingest-defaults.yaml}, an optional {@code --config} file and {@code PANTAU_*}
 * environment variables, or directly in tests.
 *
 * @param instanceId {@code ingest.instance.id}: this instance's name in logs and Kafka client ids
 * @param outletsFile {@code ingest.outlets.file}: outlet registry path; empty means the bundled one
 * @param http HTTP client limits
 * @param fetch politeness and retries
 * @param discovery feed and sitemap polling
 * @param kafka broker connection and consumer settings
 */
public record IngestConfig(
        String instanceId, String outletsFile, HttpConfig http, FetchConfig fetch, DiscoveryConfig discovery, KafkaConfig kafka) {

    /** Prefix of every key of this service. */
    public static final String PREFIX = "ingest.";

    public IngestConfig {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(outletsFile, "outletsFile");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(kafka, "kafka");
        if (instanceId.isBlank()) {
            throw new IllegalArgumentException("ingest.instance.id: expected a non-empty text, got ''");
        }
    }

    /** Builds the config from a flat map of dotted keys; fails on a missing, bad or unknown key. */
    public static IngestConfig from(Map<String, String> values) {
        ConfigValues v = new ConfigValues(values);
        IngestConfig config = new IngestConfig(
                v.nonBlank("ingest.instance.id"),
                v.string("ingest.outlets.file"),
                HttpConfig.from(v),
                FetchConfig.from(v),
                DiscoveryConfig.from(v),
                KafkaConfig.from(v));
        v.rejectUnknown(PREFIX);
        return config;
    }

    /** A copy with another Kafka section (tests and the launcher point instances at a broker). */
    public IngestConfig withKafka(KafkaConfig newKafka) {
        return new IngestConfig(instanceId, outletsFile, http, fetch, discovery, newKafka);
    }

    /** A copy with another instance id. */
    public IngestConfig withInstanceId(String newInstanceId) {
        return new IngestConfig(newInstanceId, outletsFile, http, fetch, discovery, kafka);
    }
}
