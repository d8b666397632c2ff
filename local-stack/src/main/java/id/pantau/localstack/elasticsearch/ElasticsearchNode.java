package id.pantau.localstack.elasticsearch;

import id.pantau.localstack.internal.DirectoryLock;
import id.pantau.localstack.internal.FreePorts;
import id.pantau.localstack.internal.ProcessLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node run as a child process from the integ-test distribution zip, bound to
 * 127.0.0.1 on free ports, single-node, security off. The zip is unpacked once into a cache directory
 * ({@link ElasticsearchDistribution}); when this JVM runs as root the node runs as an unprivileged user
 * ({@link NodeUser}). The node dies with this JVM: a shutdown hook stops it, {@code setpriv --pdeathsig}
 * kills it if the JVM crashes, and the next start kills a node a crashed run left behind (pid files).
 * {@link #stop()} then {@link #start()} keeps the data and the port.
 *
 * <p>Thread-safe (state changes are synchronized). The creator closes it.
 */
public final class ElasticsearchNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int MAX_PORT_ATTEMPTS = 3;
    private static final int CONSOLE_TAIL_LINES = 40;

    private final ElasticsearchNodeOptions options;
    private final NodeDirectory dir;
    private final NodeUser user;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int httpPort;
    private int transportPort;
    private boolean lastStartUnpacked;
    private boolean everHealthy;
    private @Nullable DirectoryLock ownerLock;
    // Volatile: the shutdown hook reads it without the monitor, which start() may hold for minutes.
    private volatile @Nullable Process process;
    private @Nullable Thread shutdownHook;

    /** A node in {@code nodeDir}, configured from this JVM's environment. */
    public ElasticsearchNode(Path nodeDir) {
        this(ElasticsearchNodeOptions.fromEnvironment(nodeDir), NodeUser.detect(System.getenv()));
    }

    public ElasticsearchNode(ElasticsearchNodeOptions options, NodeUser user) {
        this.options = options;
        this.dir = new NodeDirectory(options.nodeDir());
        this.user = user;
    }

    /** Presets the ports a first start uses instead of picking them; for tests. */
    synchronized void presetPorts(int http, int transport) {
        if (everHealthy) {
            throw new IllegalStateException("the node has run already; its ports are fixed");
        }
        this.httpPort = http;
        this.transportPort = transport;
    }

    /**
     * Starts the node and waits until the cluster is yellow; a no-op while it runs.
     *
     * @throws IllegalStateException when the zip is missing, another process uses the node directory, or
     *     the node does not become healthy in time (the message carries the end of its console log)
     */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        long began = System.nanoTime();
        Path nodeDir = options.nodeDir();
        createDirectories(nodeDir);
        if (ownerLock == null) {
            ownerLock = DirectoryLock.tryAcquire(nodeDir.resolve("owner.lock"));
            if (ownerLock == null) {
                throw new IllegalStateException("the Elasticsearch node directory " + nodeDir
                        + " is in use by another running process");
            }
        }
        killStaleNode();
        Path zip = ElasticsearchDistribution.locateZip(options.version(), options.zipOverride(),
                options.mavenRepositories());
        ElasticsearchDistribution.Installation installation =
                ElasticsearchDistribution.unpackOnce(zip, options.cacheDir(), options.version());
        lastStartUnpacked = installation.unpacked();
        Path home = ElasticsearchDistribution.copyForUser(installation, options.runtimeDir(), options.version(), user);
        user.checkReachable(Path.of(System.getProperty("java.home"), "bin", "java"),
                "run the tests on a JDK installed outside root's home (e.g. under /usr/lib/jvm)");
        if (httpPort == 0) {
            httpPort = FreePorts.pick();
            transportPort = FreePorts.pick();
        }
        for (int attempt = 1; ; attempt++) {
            dir.prepare(home, new ElasticsearchSettings("pantau-local", httpPort, transportPort, dir.data(), dir.logs()),
                    user);
            long consoleOffset = dir.consoleSize();
            Process started = ProcessLauncher.start(processBuilder(home));
            process = started;
            NodePidFile.of(started.toHandle()).write(launcherPidFile());
            registerShutdownHook();
            try {
                awaitHealthy(started, began, consoleOffset);
                break;
            } catch (RuntimeException e) {
                stop();
                // A free port picked seconds ago may have been taken meanwhile; only a first start may move.
                if (everHealthy || attempt >= MAX_PORT_ATTEMPTS || !isPortClash(e)) {
                    throw e;
                }
                LOG.warn("elasticsearch ports taken, retrying with others httpPort={} transportPort={} attempt={}",
                        httpPort, transportPort, attempt);
                httpPort = FreePorts.pick();
                transportPort = FreePorts.pick();
            }
        }
        everHealthy = true;
        LOG.info("elasticsearch node started uri={} user={} unpacked={} millis={}", uri(),
                user.dropsPrivileges() ? user.user() : System.getProperty("user.name"), lastStartUnpacked,
                (System.nanoTime() - began) / 1_000_000);
    }

    /** Stops the node (SIGTERM, then SIGKILL after 30 s) and waits; data and ports are kept. */
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        process = null;
        long began = System.nanoTime();
        NodePidFile.killTree(running.toHandle(), STOP_GRACE);
        // The server is the launcher's child; should it have outlived the launcher, its own pid file names it.
        NodePidFile.killStale(List.of(launcherPidFile(), serverPidFile()), options.nodeDir().toString());
        removeShutdownHook();
        LOG.info("elasticsearch node stopped uri={} millis={}", uri(), (System.nanoTime() - began) / 1_000_000);
    }

    /** Stops the node and releases its directory. */
    @Override
    public synchronized void close() {
        stop();
        if (ownerLock != null) {
            ownerLock.close();
            ownerLock = null;
        }
    }

    /**
     * The node's base URI, {@code http://127.0.0.1:<port>}.
     *
     * @throws IllegalStateException before the first {@link #start()}
     */
    public synchronized URI uri() {
        if (httpPort == 0) {
            throw new IllegalStateException("the Elasticsearch node has not been started yet");
        }
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** True while the node's process runs. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** True when the last start had to unpack the distribution (false when it reused the cache). */
    public synchronized boolean lastStartUnpacked() {
        return lastStartUnpacked;
    }

    /** The Elasticsearch server process (the launcher's child), while it runs. */
    public synchronized Optional<ProcessHandle> serverProcess() {
        NodePidFile pid = NodePidFile.read(serverPidFile());
        return pid == null ? Optional.empty() : pid.liveProcess();
    }

    /** The file that receives the node's stdout and stderr. */
    public Path consoleLog() {
        return dir.consoleLog();
    }

    /** The file naming the process this JVM launched; a leftover means a crashed run. */
    public Path launcherPidFile() {
        return dir.launcherPidFile();
    }

    /** The pid file Elasticsearch itself writes for its server process. */
    public Path serverPidFile() {
        return dir.serverPidFile();
    }

    /** The node's options. */
    public ElasticsearchNodeOptions options() {
        return options;
    }

    private void killStaleNode() {
        List<Long> killed = NodePidFile.killStale(List.of(launcherPidFile(), serverPidFile()),
                options.nodeDir().toString());
        if (!killed.isEmpty()) {
            LOG.warn("killed a stale elasticsearch node left by a crashed run nodeDir={} pids={}",
                    options.nodeDir(), killed);
        }
    }

    private ProcessBuilder processBuilder(Path home) {
        List<String> command = new ArrayList<>(user.commandPrefix());
        command.add(home.resolve("bin").resolve("elasticsearch").toString());
        command.add("-p");
        command.add(serverPidFile().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.logs().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        for (String inherited : List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS",
                "ES_HOME", "CLI_JAVA_OPTS")) {
            env.remove(inherited);
        }
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_JAVA_OPTS", "-Xms" + options.heap() + " -Xmx" + options.heap());
        env.put("ES_PATH_CONF", dir.config().toString());
        env.put("ES_TMPDIR", dir.tmp().toString());
        env.put("HOME", dir.tmp().toString());
        return builder;
    }

    private void awaitHealthy(Process started, long beganNanos, long consoleOffset) {
        URI health = uri().resolve("/_cluster/health?wait_for_status=yellow&timeout=2s");
        long deadline = beganNanos + options.startTimeout().toNanos();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException("the Elasticsearch node exited with code " + started.exitValue()
                        + " before it became healthy; first error: " + dir.firstErrorSince(consoleOffset)
                        + "; end of " + consoleLog() + ":\n" + dir.consoleTail(CONSOLE_TAIL_LINES));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Elasticsearch node", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("the Elasticsearch node at " + uri() + " was not healthy after "
                + options.startTimeout().toSeconds() + " s (last answer: " + lastAnswer + "); end of " + consoleLog()
                + ":\n" + dir.consoleTail(CONSOLE_TAIL_LINES));
    }

    static boolean isPortClash(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("BindHttpException") || message.contains("BindTransportException")
                || message.contains("Address already in use");
    }

    private void registerShutdownHook() {
        if (shutdownHook != null) {
            return;
        }
        Thread hook = new Thread(this::stopOnJvmExit, "pantau-elasticsearch-stop");
        shutdownHook = hook;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Ends the node without taking the monitor, so a JVM exit during a long start() is not held up. */
    private void stopOnJvmExit() {
        Process running = process;
        if (running != null) {
            NodePidFile.killTree(running.toHandle(), STOP_GRACE);
            LOG.info("elasticsearch node stopped at JVM exit uri=http://127.0.0.1:{}", httpPort);
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already; the hook runs or has run.
        }
    }

    private static void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Elasticsearch node", e);
        }
    }
}
