package id.pantau.localstack;

import id.pantau.localstack.elasticsearch.NodePidFile;
import id.pantau.localstack.internal.DirectoryLock;
import id.pantau.localstack.internal.MoreFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after test runs that crashed: a temporary stack directory whose {@code stack.lock} no live
 * process holds (the OS released it when its JVM died) is abandoned. Its Elasticsearch node, should it
 * still run, is killed through its pid files, and the directory is deleted. Stateless.
 */
final class AbandonedStacks {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedStacks.class);
    private static final Duration MIN_AGE = Duration.ofMinutes(1);

    private AbandonedStacks() {}

    /** Sweeps the {@code prefix*} directories of {@code parent}; returns the ones deleted. Never throws. */
    static List<Path> sweep(Path parent, String prefix) {
        return sweep(parent, prefix, Instant.now().minus(MIN_AGE));
    }

    /**
     * As {@link #sweep(Path, String)}, considering only stacks whose lock file is older than
     * {@code createdBefore}: a stack being created right now has its lock file a moment before it locks it.
     */
    static List<Path> sweep(Path parent, String prefix, Instant createdBefore) {
        List<Path> deleted = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path dir : dirs) {
                Path lockFile = dir.resolve(EmbeddedLocalStack.LOCK_FILE);
                if (Files.isDirectory(dir) && Files.exists(lockFile)
                        && Files.getLastModifiedTime(lockFile).toInstant().isBefore(createdBefore) && sweepOne(dir)) {
                    deleted.add(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot sweep abandoned local stacks parent={} error={}", parent, e.toString());
        }
        return deleted;
    }

    private static boolean sweepOne(Path dir) {
        DirectoryLock lock = DirectoryLock.tryAcquire(dir.resolve(EmbeddedLocalStack.LOCK_FILE));
        if (lock == null) {
            return false; // a live stack owns it
        }
        try {
            Path node = dir.resolve("elasticsearch");
            List<Long> killed = NodePidFile.killStale(
                    List.of(node.resolve("launcher.pid"), node.resolve("run").resolve("elasticsearch.pid")),
                    dir.toString());
            MoreFiles.deleteRecursively(dir);
            LOG.warn("removed an abandoned local stack dir={} killedPids={}", dir, killed);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cannot remove an abandoned local stack dir={} error={}", dir, e.toString());
            return false;
        } finally {
            lock.close();
        }
    }
}
