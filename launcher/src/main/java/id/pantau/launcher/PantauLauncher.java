package id.pantau.launcher;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs pantau on its embedded default until Ctrl-C. See {@link LauncherOptions#USAGE}. */
public final class PantauLauncher {

    static {
        // Each service jar carries its own logback.xml for java -jar; in one JVM the launcher's wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "launcher-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PantauLauncher.class);

    private PantauLauncher() {}

    public static void main(String[] args) throws Exception {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            LOG.error("{}\n{}", e.getMessage(), LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            LOG.info("\n{}", LauncherOptions.USAGE);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        PipelineRun run = new PipelineRun(options, PipelineServices.all());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            run.close();
            stopped.countDown();
        }, "pantau-launcher-stop"));
        try {
            run.start();
        } catch (Exception e) {
            LOG.error("pipeline=failed error={}", e.toString(), e);
            System.exit(1);
        }
        stopped.await();
    }
}
