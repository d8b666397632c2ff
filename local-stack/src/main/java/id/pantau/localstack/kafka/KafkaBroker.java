package id.pantau.localstack.kafka;

import id.pantau.localstack.internal.FreePorts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode, broker and controller in one, running in this JVM
 * ({@link KafkaRaftServer}). Its storage is formatted on the first start; later starts reuse the data.
 * Ports are picked on the first start and kept, so {@link #stop()} then {@link #start()} brings the
 * broker back on the same address with the same topics and records (for fault tests).
 *
 * <p>Thread-safe (all state changes are synchronized). The creator closes it; {@link #close()} stops it.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The node id of the only node; it is broker and controller at once. */
    public static final int NODE_ID = 1;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_PORT_ATTEMPTS = 3;

    private final Path dataDir;
    private int port;
    private int controllerPort;
    private boolean everStarted;
    private @Nullable KafkaRaftServer server;

    /**
     * @param dataDir directory for the broker's log and metadata; created if missing, reused if formatted
     */
    public KafkaBroker(Path dataDir) {
        this(dataDir, 0, 0);
    }

    /** A broker with preset ports (0 = pick at first start); for tests. */
    KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Renders the broker configuration: PLAINTEXT listener on {@code port}, controller on
     * {@code controllerPort}, both on 127.0.0.1, replication factors and min ISR of the internal
     * topics set to 1 so transactions and exactly-once work on one broker.
     */
    public static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Small segments and a short retention check keep the data directory of a test run small.
        p.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        p.put("log.retention.check.interval.ms", "60000");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    /** Starts the broker (formatting its storage first if needed) and waits until it serves requests. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        if (port == 0) {
            port = FreePorts.pick();
            controllerPort = FreePorts.pick();
        }
        long began = System.nanoTime();
        Path logDir = dataDir.resolve("kraft-logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory " + logDir, e);
        }
        formatIfNeeded(logDir);
        for (int attempt = 1; ; attempt++) {
            KafkaRaftServer raftServer = new KafkaRaftServer(
                    KafkaConfig.fromProps(brokerProperties(logDir, port, controllerPort), false), Time.SYSTEM);
            try {
                raftServer.startup();
                awaitReady();
                server = raftServer;
                break;
            } catch (RuntimeException e) {
                shutdownQuietly(raftServer);
                // A free port picked a moment ago may have been taken meanwhile; only a first start may move.
                if (everStarted || attempt >= MAX_PORT_ATTEMPTS || !isPortClash(e)) {
                    throw e;
                }
                LOG.warn("kafka ports taken, retrying with others port={} controllerPort={} attempt={}",
                        port, controllerPort, attempt);
                port = FreePorts.pick();
                controllerPort = FreePorts.pick();
            }
        }
        everStarted = true;
        LOG.info("kafka broker started bootstrap={} dataDir={} millis={}",
                bootstrapServers(), dataDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    /** Stops the broker and waits until it is down; data and ports are kept for {@link #start()}. */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        long began = System.nanoTime();
        shutdownQuietly(running);
        LOG.info("kafka broker stopped bootstrap={} millis={}",
                bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    /** True while the broker runs. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * The bootstrap servers, {@code 127.0.0.1:<port>}.
     *
     * @throws IllegalStateException before the first {@link #start()}
     */
    public synchronized String bootstrapServers() {
        if (port == 0) {
            throw new IllegalStateException("the broker has not been started yet");
        }
        return "127.0.0.1:" + port;
    }

    /** The broker's data directory. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        stop();
    }

    private void formatIfNeeded(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        Exception last = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                try {
                    var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes().get(10, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker on port " + port, e);
        }
        throw new IllegalStateException("the Kafka broker on 127.0.0.1:" + port + " was not ready after "
                + READY_TIMEOUT.toSeconds() + " s", last);
    }

    static boolean isPortClash(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof BindException || message.contains("Address already in use")
                    || message.contains("failed to bind")) {
                return true;
            }
        }
        return false;
    }

    private static void shutdownQuietly(KafkaRaftServer raftServer) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("kafka broker shutdown failed error={}", e.toString(), e);
        }
    }
}
