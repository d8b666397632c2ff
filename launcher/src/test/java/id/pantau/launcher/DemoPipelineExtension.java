package id.pantau.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline as {@code pantau.jar --demo} runs it (demo site publishing every second, ingest,
 * enrich and index on a real broker and Elasticsearch node, a temporary data directory), shared by
 * every end-to-end test class of the JVM that uses this extension: the first one starts it (about
 * a minute, most of it Elasticsearch), JUnit stops it when the whole run ends (the root store closes
 * what it holds). The index grows
 * while the tests run, so each test asserts on what it waits for, not on totals.
 */
public final class DemoPipelineExtension implements BeforeAllCallback {

    /** The API key index-service accepts in this pipeline. */
    public static final String API_KEY = "demo-pipeline-it-key";

    private static final Logger LOG = LoggerFactory.getLogger(DemoPipelineExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DemoPipelineExtension.class);

    private static volatile Pipeline current;

    @Override
    public void beforeAll(ExtensionContext context) {
        current = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Pipeline.class, type -> Pipeline.start(), Pipeline.class);
    }

    /** The running pipeline; call it from {@code @BeforeAll} or a test of a class extended with this. */
    public static Pipeline pipeline() {
        if (current == null) {
            throw new IllegalStateException("no demo pipeline: extend the test class with @ExtendWith(DemoPipelineExtension.class)");
        }
        return current;
    }

    /**
     * The shared run and where its API listens.
     *
     * @param run the pipeline run (its {@link PipelineRun#stack()} gives the broker)
     * @param apiPort index-service's API port on 127.0.0.1
     * @param dataDir the temporary data directory, deleted on {@link #close()}
     */
    public record Pipeline(PipelineRun run, int apiPort, Path dataDir) implements AutoCloseable {

        static Pipeline start() {
            Path dataDir = null;
            PipelineRun run = null;
            try {
                // Readable by others: as root, the Elasticsearch node runs as an unprivileged user below this directory.
                dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pantau-demo-it-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                int apiPort = freePort();
                Map<String, String> env = new HashMap<>(System.getenv());
                env.put("PANTAU_INDEX_API_PORT", Integer.toString(apiPort));
                env.put("PANTAU_INDEX_API_KEY_SHA256", sha256(API_KEY));
                run = new PipelineRun(new LauncherOptions(dataDir, true, Duration.ofSeconds(1), false), PipelineServices.all(env));
                long begin = System.nanoTime();
                run.start();
                LOG.info("it=pipeline-started elapsedMs={} apiPort={}", (System.nanoTime() - begin) / 1_000_000, apiPort);
                return new Pipeline(run, apiPort, dataDir);
            } catch (Exception e) {
                if (run != null) {
                    run.close();
                }
                delete(dataDir);
                throw new IllegalStateException("the demo pipeline did not start: " + e, e);
            }
        }

        /** Stops the pipeline and deletes its data directory. */
        @Override
        public void close() {
            try {
                run.close();
            } finally {
                delete(dataDir);
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
