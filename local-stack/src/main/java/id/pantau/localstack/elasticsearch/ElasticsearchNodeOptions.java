package id.pantau.localstack.elasticsearch;

import id.pantau.localstack.internal.Versions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;

/**
 * Where an {@link ElasticsearchNode} finds its distribution and keeps its files.
 *
 * @param nodeDir the node's own directory: config, data, logs, tmp and pid files live below it
 * @param version Elasticsearch version, e.g. {@code 8.19.21}; default from the build's versions.properties
 * @param zipOverride the distribution zip, env {@code PANTAU_ES_ZIP}; null to look in the Maven repository
 * @param mavenRepositories local Maven repositories to look for the zip in, in order: system property
 *     {@code maven.repo.local}, the repository the Kafka jars on the classpath come from, {@code ~/.m2/repository}
 * @param userHome the user's home, for {@code ~/.m2} and {@code ~/.cache}
 * @param cacheDir where the zip is unpacked once, env {@code PANTAU_CACHE_DIR}; default {@code ~/.cache/pantau}
 * @param runtimeDir where a copy readable by the unprivileged user is kept when the JVM is root,
 *     env {@code PANTAU_ES_RUNTIME_DIR}; default {@code /var/tmp/pantau}
 * @param heap heap size for -Xms and -Xmx, e.g. {@code 512m}; env {@code PANTAU_ES_HEAP}
 * @param startTimeout how long to wait for a yellow cluster; default 180 s (a cold start takes ~45 s on 2 cores)
 */
public record ElasticsearchNodeOptions(
        Path nodeDir,
        String version,
        @Nullable String zipOverride,
        List<Path> mavenRepositories,
        Path userHome,
        Path cacheDir,
        Path runtimeDir,
        String heap,
        Duration startTimeout) {

    public ElasticsearchNodeOptions {
        Objects.requireNonNull(nodeDir, "nodeDir");
        Objects.requireNonNull(version, "version");
        mavenRepositories = List.copyOf(mavenRepositories);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(runtimeDir, "runtimeDir");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (!heap.matches("[1-9][0-9]*[mg]")) {
            throw new IllegalArgumentException("PANTAU_ES_HEAP: expected a size like 512m or 1g, got '" + heap + "'");
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout: expected > 0, got " + startTimeout);
        }
        nodeDir = nodeDir.toAbsolutePath();
    }

    /** Options for {@code nodeDir} from this JVM's environment and system properties. */
    public static ElasticsearchNodeOptions fromEnvironment(Path nodeDir) {
        return fromEnvironment(nodeDir, System.getenv(), System.getProperty("maven.repo.local"),
                ElasticsearchDistribution.repositoryOf(Admin.class, "org/apache/kafka", "kafka-clients"),
                Path.of(System.getProperty("user.home")));
    }

    /** Options for {@code nodeDir} from the given environment; visible for tests. */
    public static ElasticsearchNodeOptions fromEnvironment(Path nodeDir, Map<String, String> env,
            @Nullable String mavenRepoLocal, @Nullable Path classpathRepository, Path userHome) {
        Set<Path> repositories = new LinkedHashSet<>();
        if (mavenRepoLocal != null && !mavenRepoLocal.isBlank()) {
            repositories.add(Path.of(mavenRepoLocal));
        }
        if (classpathRepository != null) {
            repositories.add(classpathRepository);
        }
        repositories.add(userHome.resolve(".m2").resolve("repository"));
        String cache = env.get("PANTAU_CACHE_DIR");
        String runtime = env.get("PANTAU_ES_RUNTIME_DIR");
        return new ElasticsearchNodeOptions(
                nodeDir,
                Versions.elasticsearch(),
                env.get("PANTAU_ES_ZIP"),
                List.copyOf(repositories),
                userHome,
                cache == null || cache.isBlank() ? userHome.resolve(".cache").resolve("pantau") : Path.of(cache),
                runtime == null || runtime.isBlank() ? Path.of("/var/tmp/pantau") : Path.of(runtime),
                env.getOrDefault("PANTAU_ES_HEAP", "512m"),
                Duration.ofSeconds(180));
    }

    /** The same options with another node directory. */
    public ElasticsearchNodeOptions withNodeDir(Path dir) {
        return new ElasticsearchNodeOptions(dir, version, zipOverride, mavenRepositories, userHome, cacheDir, runtimeDir,
                heap, startTimeout);
    }
}
