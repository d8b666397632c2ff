package id.pantau.launcher;

import id.pantau.localstack.LocalStack;

/** One service the launcher runs in its JVM against the local stack. */
interface PipelineService {

    /** Short name for progress lines, e.g. {@code ingest}. */
    String name();

    /**
     * Starts the service against {@code stack}; the returned handle stops it.
     *
     * @throws Exception when the service cannot start; the launcher stops what it started and exits
     */
    AutoCloseable start(LocalStack stack, LauncherOptions options) throws Exception;
}
