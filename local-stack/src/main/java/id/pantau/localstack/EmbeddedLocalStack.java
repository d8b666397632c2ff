package id.pantau.localstack;

import id.pantau.localstack.elasticsearch.ElasticsearchNode;
import id.pantau.localstack.internal.DirectoryLock;
import id.pantau.localstack.internal.MoreFiles;
import id.pantau.localstack.internal.TopicCreation;
import id.pantau.localstack.kafka.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack in this JVM and its children: an in-process {@link KafkaBroker} and an
 * {@link ElasticsearchNode} child process, each started on first use. Built on a data directory
 * ({@link #inDirectory}, data kept across runs, for the launcher) or a temporary one
 * ({@link #temporary}, deleted on close, for tests). A shutdown hook closes it when the JVM exits.
 *
 * <p>Thread-safe; the broker and the node start independently, so a test asking for the broker does
 * not wait for a node that another thread is starting. The creator closes it.
 */
public final class EmbeddedLocalStack implements LocalStack {

    /** Name prefix of the temporary directories of {@link #temporary()} stacks. */
    public static final String TEMP_PREFIX = "pantau-stack-";
    /** The lock file a running stack holds in its base directory. */
    public static final String LOCK_FILE = "stack.lock";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedLocalStack.class);

    private final Path baseDir;
    private final boolean deleteOnClose;
    private final KafkaBroker broker;
    private final ElasticsearchNode node;
    private final Thread shutdownHook;
    private final DirectoryLock stackLock;
    private final Object adminLock = new Object();
    private @Nullable Admin admin;
    private volatile boolean closed;

    private EmbeddedLocalStack(Path baseDir, boolean deleteOnClose) {
        this.baseDir = baseDir.toAbsolutePath();
        this.deleteOnClose = deleteOnClose;
        this.stackLock = lockBaseDir(this.baseDir);
        this.broker = new KafkaBroker(this.baseDir.resolve("kafka"));
        this.node = new ElasticsearchNode(this.baseDir.resolve("elasticsearch"));
        this.shutdownHook = new Thread(this::close, "pantau-local-stack-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A stack keeping its data in {@code dataDir} ({@code kafka/} and {@code elasticsearch/} below it); a later run resumes it. */
    public static EmbeddedLocalStack inDirectory(Path dataDir) {
        return new EmbeddedLocalStack(dataDir, false);
    }

    /**
     * A stack in a fresh temporary directory that {@link #close()} deletes. First removes what stacks of
     * crashed runs left in the temporary directory ({@link AbandonedStacks}).
     */
    public static EmbeddedLocalStack temporary() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        AbandonedStacks.sweep(tmp, TEMP_PREFIX);
        return new EmbeddedLocalStack(MoreFiles.createReadableTempDirectory(TEMP_PREFIX), true);
    }

    @Override
    public String kafkaBootstrapServers() {
        checkOpen();
        broker.start();
        return broker.bootstrapServers();
    }

    @Override
    public URI elasticsearchUri() {
        checkOpen();
        node.start();
        return node.uri();
    }

    @Override
    public void createTopic(String name, int partitions, boolean compacted) {
        if (TopicCreation.create(admin(), name, partitions, compacted)) {
            LOG.info("topic created name={} partitions={} compacted={}", name, partitions, compacted);
        }
    }

    @Override
    public void stopKafka() {
        closeAdmin();
        broker.stop();
    }

    @Override
    public void startKafka() {
        checkOpen();
        broker.start();
    }

    @Override
    public void stopElasticsearch() {
        node.stop();
    }

    @Override
    public void startElasticsearch() {
        checkOpen();
        node.start();
    }

    /** The broker, for callers that need more than the {@link LocalStack} API. */
    public KafkaBroker kafkaBroker() {
        return broker;
    }

    /** The Elasticsearch node, for callers that need more than the {@link LocalStack} API. */
    public ElasticsearchNode elasticsearchNode() {
        return node;
    }

    /** The directory holding the broker's and the node's data. */
    public Path baseDir() {
        return baseDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAdmin();
        try {
            node.close();
        } finally {
            broker.close();
        }
        try {
            if (deleteOnClose) {
                MoreFiles.deleteRecursively(baseDir);
            }
        } finally {
            stackLock.close();
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down; nothing to unregister.
            }
        }
        LOG.info("local stack closed baseDir={} deleted={}", baseDir, deleteOnClose);
    }

    private static DirectoryLock lockBaseDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local stack directory " + dir, e);
        }
        DirectoryLock lock = DirectoryLock.tryAcquire(dir.resolve(LOCK_FILE));
        if (lock == null) {
            throw new IllegalStateException("the local stack directory " + dir + " is in use by another running stack");
        }
        return lock;
    }

    private Admin admin() {
        String bootstrap = kafkaBootstrapServers();
        synchronized (adminLock) {
            if (admin == null) {
                admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
            }
            return admin;
        }
    }

    private void closeAdmin() {
        synchronized (adminLock) {
            if (admin != null) {
                admin.close();
                admin = null;
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the local stack is closed");
        }
    }
}
