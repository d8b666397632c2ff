package id.pantau.localstack.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pid and start time of a node process, written next to the node's data when it starts and
 * removed when it stops. A file left behind means the JVM that started the node crashed; the next
 * start reads it and kills that process (only if the pid still belongs to the same process, judged by
 * its start time, so a recycled pid is never killed).
 *
 * @param pid process id
 * @param startedEpochMillis the process's start time in epoch milliseconds, 0 when unknown
 */
public record NodePidFile(long pid, long startedEpochMillis) {

    private static final Logger LOG = LoggerFactory.getLogger(NodePidFile.class);
    private static final long START_TOLERANCE_MILLIS = 2000;

    /** Describes a live process. */
    public static NodePidFile of(ProcessHandle process) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new NodePidFile(process.pid(), started);
    }

    /** The file text, {@code <pid> <startedEpochMillis>}. */
    public String render() {
        return pid + " " + startedEpochMillis + "\n";
    }

    /** Parses {@link #render()} output; a bare pid (as Elasticsearch writes it) is accepted with start time 0. */
    public static @Nullable NodePidFile parse(String text) {
        String[] parts = text.trim().split("\\s+");
        try {
            if (parts.length == 1 && !parts[0].isEmpty()) {
                return new NodePidFile(Long.parseLong(parts[0]), 0);
            }
            if (parts.length == 2) {
                return new NodePidFile(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Writes this pid file. */
    public void write(Path file) {
        try {
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file " + file, e);
        }
    }

    /** Reads a pid file; null when missing or unreadable. */
    public static @Nullable NodePidFile read(Path file) {
        try {
            return Files.isRegularFile(file) ? parse(Files.readString(file, StandardCharsets.UTF_8)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The live process this file names, if it still runs and (when the start time is known) started when recorded. */
    public Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> {
            if (startedEpochMillis == 0) {
                return true;
            }
            return p.info().startInstant()
                    .map(i -> Math.abs(i.toEpochMilli() - startedEpochMillis) <= START_TOLERANCE_MILLIS)
                    .orElse(false);
        });
    }

    /**
     * Kills whatever process tree the pid files name (the launcher's file first, then the server's own),
     * then deletes the files. Returns the pids killed.
     */
    public static List<Long> killStale(List<Path> pidFiles, @Nullable String requiredInCommandLine) {
        List<Long> killed = new ArrayList<>();
        for (Path file : pidFiles) {
            NodePidFile recorded = read(file);
            if (recorded != null) {
                recorded.liveProcess()
                        .filter(p -> requiredInCommandLine == null || commandLineContains(p, requiredInCommandLine))
                        .ifPresent(p -> {
                            LOG.warn("killing stale elasticsearch process pid={} pidFile={}", p.pid(), file);
                            killTree(p, Duration.ofSeconds(10));
                            killed.add(p.pid());
                        });
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete stale pid file " + file, e);
            }
        }
        return killed;
    }

    private static boolean commandLineContains(ProcessHandle process, String text) {
        // Without a readable command line (another user's process on some systems) trust the start time.
        return process.info().commandLine().map(c -> c.contains(text)).orElse(true);
    }

    /** Ends {@code root} and all its descendants: SIGTERM first, SIGKILL after {@code grace}. */
    public static void killTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // Still alive after the grace period; killed below.
            }
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.warn("process did not exit after SIGKILL pid={}", p.pid());
                }
            }
        }
    }
}
