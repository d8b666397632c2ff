package id.pantau.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Command-line options of the launcher.
 *
 * @param dataDir where the broker's and the node's data live; a second run resumes from it (default {@code ./data})
 * @param demo follow the in-process demo site instead of the real outlets
 * @param demoInterval time between two articles the demo site publishes (default 10 s); used only with {@code demo}
 * @param help print usage and exit
 */
public record LauncherOptions(Path dataDir, boolean demo, Duration demoInterval, boolean help) {

    /** Default time between two demo articles. */
    public static final Duration DEFAULT_DEMO_INTERVAL = Duration.ofSeconds(10);

    public static final String USAGE = """
            usage: java -jar launcher/target/pantau.jar [--data-dir DIR] [--demo [--demo-interval SECONDS]] [--help]
              --data-dir DIR            keep Kafka, Elasticsearch and enrich state in DIR (default: ./data); a second run resumes
              --demo                    follow a local demo site (made-up articles on 127.0.0.x) instead of the real outlets
              --demo-interval SECONDS   the demo site publishes one article every SECONDS, 1..3600 (default: 10)
              --help                    print this text""";

    public LauncherOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(demoInterval, "demoInterval");
        if (demoInterval.isNegative() || demoInterval.isZero()) {
            throw new IllegalArgumentException("demoInterval: expected a positive duration, got " + demoInterval);
        }
    }

    /** Options of a run against the real outlets with the given data directory. */
    public static LauncherOptions of(Path dataDir) {
        return new LauncherOptions(dataDir, false, DEFAULT_DEMO_INTERVAL, false);
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the bad argument and the accepted ones
     */
    public static LauncherOptions parse(List<String> args) {
        Path dataDir = Path.of("data");
        boolean demo = false;
        Duration demoInterval = DEFAULT_DEMO_INTERVAL;
        boolean intervalGiven = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--demo" -> demo = true;
                case "--data-dir" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new IllegalArgumentException("--data-dir needs a directory, e.g. --data-dir ./data");
                    }
                    dataDir = Path.of(args.get(++i));
                }
                case "--demo-interval" -> {
                    String value = i + 1 < args.size() ? args.get(++i) : "";
                    demoInterval = Duration.ofSeconds(seconds(value));
                    intervalGiven = true;
                }
                default -> throw new IllegalArgumentException(
                        "unknown argument '" + arg + "': expected one of --data-dir DIR, --demo, --demo-interval SECONDS, --help");
            }
        }
        if (intervalGiven && !demo) {
            throw new IllegalArgumentException("--demo-interval only applies with --demo");
        }
        return new LauncherOptions(dataDir, demo, demoInterval, help);
    }

    private static long seconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 1 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--demo-interval needs whole seconds in 1..3600, got '" + value + "'");
    }
}
