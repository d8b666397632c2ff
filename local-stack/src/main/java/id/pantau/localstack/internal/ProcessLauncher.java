package id.pantau.localstack.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts child processes from one long-lived daemon thread. A child started with a parent-death
 * signal ({@code setpriv --pdeathsig}) gets that signal when the <em>thread</em> that forked it ends,
 * not only when the JVM ends; forking from a thread that lives as long as the JVM makes the signal
 * mean "the JVM died". Thread-safe.
 */
public final class ProcessLauncher {

    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pantau-process-launcher");
        t.setDaemon(true);
        return t;
    });

    private ProcessLauncher() {}

    /** Starts {@code builder}'s process from the launcher thread. */
    public static Process start(ProcessBuilder builder) {
        Future<Process> started = LAUNCHER.submit(builder::start);
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + builder.command(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot start " + builder.command(), io);
            }
            throw new IllegalStateException("cannot start " + builder.command(), e.getCause());
        }
    }
}
