package id.pantau.launcher;

import id.pantau.ingest.config.ConfigLoader;
import id.pantau.ingest.config.IngestConfig;
import id.pantau.launcher.LauncherOptions.Source;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

        options = chooseSource(options, System.getenv()).options();
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

    /**
     * Resolves a default run: probes the home pages of the outlets ingest would follow (with its
     * configuration from {@code environment}) and falls back to the demo site when none answers,
     * saying so plainly. {@code --demo} and {@code --live} are kept as given, without a probe.
     */
    static OutletProbe.Decision chooseSource(LauncherOptions options, Map<String, String> environment) throws InterruptedException {
        if (options.source() != Source.AUTO) {
            return OutletProbe.decide(options, List.of(), url -> false, Duration.ZERO);
        }
        IngestConfig ingest = ConfigLoader.load(List.of(), environment);
        List<URI> homes = OutletProbe.homes(ingest);
        LOG.info("outlets=probing count={} deadlineMs={} hint=\"--live or --demo skip this check\"", homes.size(), OutletProbe.DEADLINE.toMillis());
        HttpClient client = OutletProbe.client(OutletProbe.DEADLINE);
        OutletProbe.Decision decision;
        try {
            decision = OutletProbe.decide(options, homes, OutletProbe.http(client, ingest.http().userAgentHeader(), OutletProbe.DEADLINE),
                    OutletProbe.DEADLINE);
        } finally {
            client.shutdownNow(); // not close(): that would wait for a probe still stuck in a name lookup
        }
        if (decision.fellBack()) {
            LOG.warn("{} (mode=demo fallback=no-outlet-reachable)", decision.reason());
        } else {
            LOG.info("mode=live reason=\"{}\"", decision.reason());
        }
        return decision;
    }
}
