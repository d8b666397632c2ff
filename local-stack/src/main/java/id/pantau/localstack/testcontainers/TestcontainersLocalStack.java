package id.pantau.localstack.testcontainers;

import id.pantau.localstack.LocalStack;
import id.pantau.localstack.internal.TopicCreation;
import id.pantau.localstack.internal.Versions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The local stack on Docker through Testcontainers: an {@code apache/kafka} container and an
 * Elasticsearch container of the same version as the embedded node, security off. Each starts on
 * first use. {@link #stopKafka()}/{@link #stopElasticsearch()} pause the container (the mapped port
 * and the data stay; clients see a broker that does not answer) and the start methods unpause it.
 *
 * <p>Thread-safe. The creator closes it.
 */
public final class TestcontainersLocalStack implements LocalStack {

    /** Pinned Kafka image. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private @Nullable KafkaContainer kafka;
    private @Nullable ElasticsearchContainer elasticsearch;
    private @Nullable Admin admin;

    /**
     * True when Testcontainers finds a Docker engine. Asks Testcontainers only when there is a sign of
     * one (a {@code DOCKER_HOST}, a Docker socket, a Testcontainers config), because its search logs
     * an error and takes seconds on machines without Docker.
     */
    public static boolean isDockerAvailable() {
        if (!hasDockerHint(System.getenv(), Path.of(System.getProperty("user.home")))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** True when the environment shows some sign of a Docker engine; visible for tests. */
    static boolean hasDockerHint(Map<String, String> env, Path userHome) {
        if (env.containsKey("DOCKER_HOST") || env.containsKey("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE")) {
            return true;
        }
        List<Path> hints = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                userHome.resolve(".docker").resolve("run").resolve("docker.sock"),
                userHome.resolve(".testcontainers.properties")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            hints.add(Path.of(runtimeDir).resolve("docker.sock"));
        }
        return hints.stream().anyMatch(Files::exists);
    }

    /** The pinned Elasticsearch image, the same version as the embedded node's zip. */
    public static String elasticsearchImage() {
        return "docker.elastic.co/elasticsearch/elasticsearch:" + Versions.elasticsearch();
    }

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                    .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            container.start();
            kafka = container;
        }
        return kafka.getBootstrapServers();
    }

    @Override
    public synchronized URI elasticsearchUri() {
        if (elasticsearch == null) {
            ElasticsearchContainer container = new ElasticsearchContainer(
                    DockerImageName.parse(elasticsearchImage())
                            .asCompatibleSubstituteFor("docker.elastic.co/elasticsearch/elasticsearch"))
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
            container.start();
            elasticsearch = container;
        }
        return URI.create("http://" + elasticsearch.getHttpHostAddress());
    }

    @Override
    public void createTopic(String name, int partitions, boolean compacted) {
        TopicCreation.create(admin(), name, partitions, compacted);
    }

    @Override
    public synchronized void stopKafka() {
        pause(kafka);
    }

    @Override
    public synchronized void startKafka() {
        if (kafka == null) {
            kafkaBootstrapServers();
        } else {
            unpause(kafka);
        }
    }

    @Override
    public synchronized void stopElasticsearch() {
        pause(elasticsearch);
    }

    @Override
    public synchronized void startElasticsearch() {
        if (elasticsearch == null) {
            elasticsearchUri();
        } else {
            unpause(elasticsearch);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (elasticsearch != null) {
            elasticsearch.stop();
            elasticsearch = null;
        }
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
    }

    private synchronized Admin admin() {
        String bootstrap = kafkaBootstrapServers();
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        }
        return admin;
    }

    private static void pause(@Nullable GenericContainer<?> container) {
        if (container != null && container.isRunning()) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
        }
    }

    private static void unpause(GenericContainer<?> container) {
        var state = DockerClientFactory.instance().client().inspectContainerCmd(container.getContainerId()).exec()
                .getState();
        if (Boolean.TRUE.equals(state.getPaused())) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
        }
    }
}
