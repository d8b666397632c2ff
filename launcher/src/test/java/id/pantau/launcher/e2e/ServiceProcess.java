package id.pantau.launcher.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pantau service run as a child JVM of the test, on the test's classpath, so that it can be
 * killed with SIGKILL ({@link Process#destroyForcibly()}) and started again. Its output (every start
 * appended) goes to {@code <name>.log}. On Linux the child is started through
 * {@code setpriv --pdeathsig KILL}, from {@code starter}'s long-lived thread, so it dies with the
 * test JVM even when that JVM is killed. Not thread-safe: the test drives it from one thread.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private final String name;
    private final String mainClass;
    private final List<String> jvmOptions;
    private final Map<String, String> env;
    private final Path log;
    private final ExecutorService starter;
    private @Nullable Process process;
    private long logOffsetAtStart;
    private int starts;

    /**
     * @param name short name in logs and of the log file
     * @param mainClass class with the service's {@code main}
     * @param jvmOptions e.g. heap size
     * @param env the {@code PANTAU_*} settings (other inherited {@code PANTAU_<SERVICE>_*} variables are removed)
     * @param logDir where {@code <name>.log} goes
     * @param starter single long-lived thread the processes are started from (parent-death signal)
     */
    ServiceProcess(String name, String mainClass, List<String> jvmOptions, Map<String, String> env, Path logDir, ExecutorService starter) {
        this.name = Objects.requireNonNull(name, "name");
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
        this.jvmOptions = List.copyOf(jvmOptions);
        this.env = Map.copyOf(env);
        this.log = logDir.resolve(name + ".log");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** Starts the JVM (a new one after {@link #kill()}); returns at once, see {@link #awaitLogLine}. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + ": already running as pid " + process.pid());
        }
        starts++;
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("PANTAU_INGEST_") || key.startsWith("PANTAU_ENRICH_")
                || key.startsWith("PANTAU_INDEX_"));
        builder.environment().putAll(env);
        try {
            Files.writeString(log, "=== e2e: start " + starts + " of " + name + " ===\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logOffsetAtStart = Files.size(log);
            process = starter.submit(builder::start).get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot start: " + e.getMessage(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + ": cannot start: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while starting", e);
        }
        LOG.info("e2e=service-started service={} pid={} start={} log={}", name, process.pid(), starts, log);
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill() throws InterruptedException {
        Process running = Objects.requireNonNull(process, "process");
        running.destroyForcibly();
        if (!running.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": pid " + running.pid() + " still alive 30 s after SIGKILL");
        }
        LOG.info("e2e=service-killed service={} pid={} exit={}", name, running.pid(), running.exitValue());
    }

    /**
     * Waits until the output of the current start has a line containing {@code text}.
     *
     * @throws IllegalStateException when the process exits first or the time runs out (with the log's tail)
     */
    void awaitLogLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (currentOutput().contains(text)) {
                return;
            }
            Process running = Objects.requireNonNull(process, "process");
            if (!running.isAlive()) {
                throw new IllegalStateException(name + " exited with " + running.exitValue() + " before logging '" + text + "'; log tail:\n"
                        + tail());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not log '" + text + "' within " + timeout.toSeconds() + " s; log tail:\n" + tail());
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The last 40 lines of the log. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private String currentOutput() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logOffsetAtStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process if it runs. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("e2e=service-stopped service={} pid={}", name, process.pid());
        }
    }
}
