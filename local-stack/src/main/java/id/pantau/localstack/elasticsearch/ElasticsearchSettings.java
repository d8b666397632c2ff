package id.pantau.localstack.elasticsearch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of a single-node Elasticsearch node bound to 127.0.0.1, security off, disk-based
 * shard allocation off (CI disks are often nearly full), rendered as {@code elasticsearch.yml}.
 *
 * @param clusterName cluster name, e.g. {@code pantau-local}
 * @param httpPort HTTP port on 127.0.0.1, 1..65535
 * @param transportPort transport port on 127.0.0.1, 1..65535, not {@code httpPort}
 * @param dataDir {@code path.data}
 * @param logsDir {@code path.logs}
 */
public record ElasticsearchSettings(String clusterName, int httpPort, int transportPort, Path dataDir, Path logsDir) {

    public ElasticsearchSettings {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logsDir, "logsDir");
        if (!clusterName.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("clusterName: expected lowercase letters, digits, '-' or '_', got '"
                    + clusterName + "'");
        }
        checkPort("httpPort", httpPort);
        checkPort("transportPort", transportPort);
        if (httpPort == transportPort) {
            throw new IllegalArgumentException("httpPort and transportPort must differ, both are " + httpPort);
        }
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + ": expected 1..65535, got " + port);
        }
    }

    /** The {@code elasticsearch.yml} text. Paths are quoted, so spaces in them are fine. */
    public String render() {
        return String.join("\n",
                "# Written by pantau local-stack at each start; edits are overwritten.",
                "cluster.name: " + clusterName,
                "node.name: " + clusterName + "-node",
                "path.data: " + quote(dataDir),
                "path.logs: " + quote(logsDir),
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: false",
                "");
    }

    private static String quote(Path path) {
        return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
