package id.pantau.index.config;

import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The whole configuration of index-service, immutable and validated on construction. Defaults and
 * documentation of every key live in {@code index-defaults.yaml}; {@link ConfigLoader} builds this
 * record from that file, an optional {@code --config} file and {@code PANTAU_*} variables.
 *
 * @param kafka consumer settings
 * @param elasticsearch node address and index names
 * @param bulk bulk ingestion bounds and retry backoff
 * @param api HTTP API settings
 * @param alerts webhook delivery settings
 */
public record IndexConfig(Kafka kafka, Elasticsearch elasticsearch, Bulk bulk, Api api, Alerts alerts) {

    public IndexConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(elasticsearch, "elasticsearch");
        Objects.requireNonNull(bulk, "bulk");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(alerts, "alerts");
    }

    /**
     * @param bootstrapServers {@code index.kafka.bootstrap.servers}, default 127.0.0.1:9092
     * @param groupId {@code index.kafka.group.id}, default pantau-index
     * @param maxPollRecords {@code index.kafka.max.poll.records}, default 500, 1..10000
     * @param replicationFactor {@code index.kafka.topics.replication.factor}, default 1, 1..5
     */
    public record Kafka(String bootstrapServers, String groupId, int maxPollRecords, short replicationFactor) {
        public Kafka {
            Checks.notBlank("index.kafka.bootstrap.servers", bootstrapServers);
            Checks.notBlank("index.kafka.group.id", groupId);
            Checks.range("index.kafka.max.poll.records", maxPollRecords, 1, 10_000);
            Checks.range("index.kafka.topics.replication.factor", replicationFactor, 1, 5);
        }
    }

    /**
     * @param uri {@code index.es.uri}, default http://127.0.0.1:9200
     * @param requestTimeoutMs {@code index.es.request.timeout.ms}, default 30000 ms
     * @param articlesAlias {@code index.es.articles.alias}, default articles
     * @param articlesIndex {@code index.es.articles.index}, default articles-v1
     * @param alertsAlias {@code index.es.alerts.alias}, default alerts
     * @param alertsIndex {@code index.es.alerts.index}, default alerts-v1
     * @param deliveriesAlias {@code index.es.deliveries.alias}, default alert-deliveries
     * @param deliveriesIndex {@code index.es.deliveries.index}, default alert-deliveries-v1
     * @param deadLettersAlias {@code index.es.dead.letters.alias}, default dead-letters: markers of the records sent to news.dlq
     * @param deadLettersIndex {@code index.es.dead.letters.index}, default dead-letters-v1
     */
    public record Elasticsearch(
            URI uri,
            int requestTimeoutMs,
            String articlesAlias,
            String articlesIndex,
            String alertsAlias,
            String alertsIndex,
            String deliveriesAlias,
            String deliveriesIndex,
            String deadLettersAlias,
            String deadLettersIndex) {
        /** The default dead-letter marker index names. */
        public Elasticsearch(URI uri, int requestTimeoutMs, String articlesAlias, String articlesIndex, String alertsAlias, String alertsIndex,
                String deliveriesAlias, String deliveriesIndex) {
            this(uri, requestTimeoutMs, articlesAlias, articlesIndex, alertsAlias, alertsIndex, deliveriesAlias, deliveriesIndex,
                    "dead-letters", "dead-letters-v1");
        }

        public Elasticsearch {
            Checks.httpUri("index.es.uri", uri);
            Checks.range("index.es.request.timeout.ms", requestTimeoutMs, 1000, 600_000);
            Checks.indexName("index.es.articles.alias", articlesAlias);
            Checks.indexName("index.es.articles.index", articlesIndex);
            Checks.indexName("index.es.alerts.alias", alertsAlias);
            Checks.indexName("index.es.alerts.index", alertsIndex);
            Checks.indexName("index.es.deliveries.alias", deliveriesAlias);
            Checks.indexName("index.es.deliveries.index", deliveriesIndex);
            Checks.indexName("index.es.dead.letters.alias", deadLettersAlias);
            Checks.indexName("index.es.dead.letters.index", deadLettersIndex);
        }
    }

    /**
     * @param maxOperations {@code index.bulk.max.operations}, default 1000
     * @param maxBytes {@code index.bulk.max.bytes}, default 5 MiB
     * @param flushIntervalMs {@code index.bulk.flush.interval.ms}, default 200 ms
     * @param maxConcurrentRequests {@code index.bulk.max.concurrent.requests}, default 2
     * @param maxInFlightRecords {@code index.bulk.max.in.flight.records}, default 5000; consumption pauses above it
     * @param retryInitialMs {@code index.bulk.retry.initial.ms}, default 200 ms
     * @param retryMaxMs {@code index.bulk.retry.max.ms}, default 30000 ms
     */
    public record Bulk(
            int maxOperations,
            long maxBytes,
            long flushIntervalMs,
            int maxConcurrentRequests,
            int maxInFlightRecords,
            long retryInitialMs,
            long retryMaxMs) {
        public Bulk {
            Checks.range("index.bulk.max.operations", maxOperations, 1, 100_000);
            Checks.range("index.bulk.max.bytes", maxBytes, 1024, 104_857_600);
            Checks.range("index.bulk.flush.interval.ms", flushIntervalMs, 1, 60_000);
            Checks.range("index.bulk.max.concurrent.requests", maxConcurrentRequests, 1, 16);
            Checks.range("index.bulk.max.in.flight.records", maxInFlightRecords, 1, 1_000_000);
            Checks.range("index.bulk.retry.initial.ms", retryInitialMs, 1, 600_000);
            Checks.range("index.bulk.retry.max.ms", retryMaxMs, retryInitialMs, Long.MAX_VALUE);
        }
    }

    /**
     * @param enabled {@code index.api.enabled}, default true
     * @param host {@code index.api.host}, default 127.0.0.1
     * @param port {@code index.api.port}, default 8083; 0 picks a free port
     * @param keySha256 {@code index.api.key.sha256}: lower-case hex SHA-256 of each accepted key; required when enabled
     * @param maxPageSize {@code index.api.max.page.size}, default 100
     * @param feedBufferEvents {@code index.api.feed.buffer.events}, default 1000
     * @param metricsOpen {@code index.api.metrics.open}, default false: {@code /metrics} needs the API key like
     *     {@code /api/*}; true serves it without a key (for a Prometheus scraper on a private network)
     */
    public record Api(boolean enabled, String host, int port, List<String> keySha256, int maxPageSize, int feedBufferEvents, boolean metricsOpen) {
        /** An API whose {@code /metrics} needs the key (the default). */
        public Api(boolean enabled, String host, int port, List<String> keySha256, int maxPageSize, int feedBufferEvents) {
            this(enabled, host, port, keySha256, maxPageSize, feedBufferEvents, false);
        }

        public Api {
            Checks.notBlank("index.api.host", host);
            Checks.range("index.api.port", port, 0, 65_535);
            keySha256 = keySha256.stream().map(k -> k.strip().toLowerCase(Locale.ROOT)).toList();
            for (String hash : keySha256) {
                if (hash.length() != 64 || !hash.chars().allMatch(HexFormat::isHexDigit)) {
                    throw new IllegalArgumentException(
                            "index.api.key.sha256: expected 64 hex digits (SHA-256 of a key) per entry, got '" + hash + "'");
                }
            }
            if (enabled && keySha256.isEmpty()) {
                throw new IllegalArgumentException(
                        "index.api.key.sha256: required when index.api.enabled=true; set PANTAU_INDEX_API_KEY_SHA256 to the hex SHA-256 of a key");
            }
            Checks.range("index.api.max.page.size", maxPageSize, 1, 1000);
            Checks.range("index.api.feed.buffer.events", feedBufferEvents, 1, 100_000);
        }
    }

    /**
     * @param deliveryEnabled {@code index.alerts.delivery.enabled}, default true
     * @param pollIntervalMs {@code index.alerts.delivery.poll.interval.ms}, default 500 ms
     * @param maxAttempts {@code index.alerts.delivery.max.attempts}, default 10
     * @param retryInitialMs {@code index.alerts.delivery.retry.initial.ms}, default 1000 ms
     * @param retryMaxMs {@code index.alerts.delivery.retry.max.ms}, default 300000 ms
     * @param timeoutMs {@code index.alerts.delivery.timeout.ms}, default 10000 ms
     * @param webhooks {@code index.alerts.webhooks} and {@code index.alerts.webhook.<name>.*}
     */
    public record Alerts(
            boolean deliveryEnabled,
            long pollIntervalMs,
            int maxAttempts,
            long retryInitialMs,
            long retryMaxMs,
            long timeoutMs,
            List<Webhook> webhooks) {
        public Alerts {
            Checks.range("index.alerts.delivery.poll.interval.ms", pollIntervalMs, 10, 600_000);
            Checks.range("index.alerts.delivery.max.attempts", maxAttempts, 1, 100);
            Checks.range("index.alerts.delivery.retry.initial.ms", retryInitialMs, 1, 3_600_000);
            Checks.range("index.alerts.delivery.retry.max.ms", retryMaxMs, retryInitialMs, Long.MAX_VALUE);
            Checks.range("index.alerts.delivery.timeout.ms", timeoutMs, 100, 120_000);
            webhooks = List.copyOf(webhooks);
        }
    }

    /**
     * One webhook receiving the alerts of a rule.
     *
     * @param name webhook name, part of the delivery id
     * @param ruleId alert rule it receives, {@code *} for every rule
     * @param url receiver URL
     * @param secret HMAC-SHA256 key, read from the environment variable named by {@code secret.env}
     */
    public record Webhook(String name, String ruleId, URI url, String secret) {
        public Webhook {
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("index.alerts.webhooks: expected names of [a-z0-9-], got '" + name + "'");
            }
            Checks.notBlank("index.alerts.webhook." + name + ".rule", ruleId);
            Checks.httpUri("index.alerts.webhook." + name + ".url", url);
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("index.alerts.webhook." + name + ".secret.env: the variable it names is empty or unset");
            }
        }

        /** True when this webhook receives alerts of {@code rule}. */
        public boolean accepts(String rule) {
            return ruleId.equals("*") || ruleId.equals(rule);
        }

        @Override
        public String toString() {
            return "Webhook[name=" + name + ", ruleId=" + ruleId + ", url=" + url + ", secret=***]";
        }
    }
}
