package id.pantau.launcher;

import id.pantau.localstack.LocalStack;

/**
 * One service the launcher runs in its JVM against the local stack.
 *
 * @param name short name for progress lines, e.g. {@code ingest}
 * @param starter starts the service; the handle it returns stops it
 */
public record PipelineService(String name, Starter starter) {

    /** Starts a service against the stack. */
    @FunctionalInterface
    public interface Starter {
        /**
         * @throws Exception when the service cannot start; the launcher stops what it started and exits
         */
        AutoCloseable start(LocalStack stack, LauncherOptions options) throws Exception;
    }

    AutoCloseable start(LocalStack stack, LauncherOptions options) throws Exception {
        return starter.start(stack, options);
    }
}
