package id.pantau.ingest.testing;

import id.pantau.ingest.config.DiscoveryConfig;
import id.pantau.ingest.config.FetchConfig;
import id.pantau.ingest.config.HttpConfig;
import id.pantau.ingest.config.IngestConfig;
import id.pantau.ingest.config.KafkaConfig;
import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.SourceConfig;
import id.pantau.ingest.config.SourceType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Config records for tests, built directly: fast timeouts, no host delay, loopback allowed. */
public final class TestConfigs {

    public static final String USER_AGENT = "pantau-ingest/0.1";

    private TestConfigs() {}

    public static HttpConfig http() {
        return http(Duration.ofSeconds(2), 1024 * 1024);
    }

    public static HttpConfig http(Duration requestTimeout, long maxBodyBytes) {
        return new HttpConfig(USER_AGENT, URI.create("https://pantau.example/crawler"), Duration.ofSeconds(2), requestTimeout,
                maxBodyBytes, 5, true);
    }

    public static FetchConfig fetch(Duration hostDelay) {
        return new FetchConfig(hostDelay, Duration.ofSeconds(30), 2, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofHours(1), 0,
                Duration.ZERO);
    }

    public static DiscoveryConfig discovery(Duration pollMin, Duration pollMax) {
        return new DiscoveryConfig(Duration.ofHours(48), pollMin, pollMax, 20, Duration.ofHours(1), 2);
    }

    public static IngestConfig ingest(String instanceId, String bootstrapServers, String groupId, Duration hostDelay, Duration pollMin) {
        return new IngestConfig(instanceId, "", http(), fetch(hostDelay), discovery(pollMin, pollMin.multipliedBy(2)),
                new KafkaConfig(bootstrapServers, groupId, (short) 1, 50, Duration.ofSeconds(30)));
    }

    /** An outlet on the test site with one source. */
    public static Outlet outlet(String id, TestSite site, SourceType type, String sourcePath, @Nullable String linkPattern) {
        SourceConfig source = new SourceConfig(type, type == SourceType.ROBOTS ? null : site.url(sourcePath), linkPattern);
        return new Outlet(id, "Test " + id, site.url("/"), List.of("61"), List.of(), List.of(source), null, null);
    }

    /** An outlet on the test site with a feed source. */
    public static Outlet feedOutlet(String id, TestSite site, String feedPath) {
        return outlet(id, site, SourceType.FEED, feedPath, null);
    }
}
