package id.pantau.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Command-line options of the launcher.
 *
 * @param dataDir where the broker's and the node's data live; a second run resumes from it (default {@code ./data})
 * @param source which sites ingest follows: {@link Source#AUTO} (default) probes the real outlets at start and
 *     falls back to the demo site when none answers
 * @param demoInterval time between two articles the demo site publishes (default 10 s); used only when the demo runs
 * @param help print usage and exit
 */
public record LauncherOptions(Path dataDir, Source source, Duration demoInterval, boolean help) {

    /** Default time between two demo articles. */
    public static final Duration DEFAULT_DEMO_INTERVAL = Duration.ofSeconds(10);

    public static final String USAGE = """
            usage: java -jar launcher/target/pantau.jar [--data-dir DIR] [--demo | --live] [--demo-interval SECONDS] [--help]
              --data-dir DIR            keep Kafka, Elasticsearch and enrich state in DIR (default: ./data); a second run resumes
              --demo                    follow a local demo site (made-up articles on 127.0.0.x) instead of the real outlets
              --live                    follow the real outlets even when none of them answers at start (no demo fallback)
                                        (default, neither flag: try the outlets' home pages at start, run the demo if none answers)
              --demo-interval SECONDS   the demo site publishes one article every SECONDS, 1..3600 (default: 10)
              --help                    print this text""";

    /** Which sites ingest follows. */
    public enum Source {
        /** Probe the real outlets at start; follow them if one answers, else run the demo site and say so. */
        AUTO,
        /** The real outlets of {@code outlets.yaml}, whether they answer or not ({@code --live}). */
        LIVE,
        /** The in-process demo site ({@code --demo}). */
        DEMO
    }

    public LauncherOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(demoInterval, "demoInterval");
        if (demoInterval.isNegative() || demoInterval.isZero()) {
            throw new IllegalArgumentException("demoInterval: expected a positive duration, got " + demoInterval);
        }
    }

    /** Options with {@code demo} meaning {@link Source#DEMO}, else {@link Source#AUTO}. */
    public LauncherOptions(Path dataDir, boolean demo, Duration demoInterval, boolean help) {
        this(dataDir, demo ? Source.DEMO : Source.AUTO, demoInterval, help);
    }

    /** Options of a default run (outlets probed at start) with the given data directory. */
    public static LauncherOptions of(Path dataDir) {
        return new LauncherOptions(dataDir, Source.AUTO, DEFAULT_DEMO_INTERVAL, false);
    }

    /** True when ingest follows the demo site; an {@link Source#AUTO} run is resolved before it starts. */
    public boolean demo() {
        return source == Source.DEMO;
    }

    /** These options with {@code newSource}. */
    public LauncherOptions withSource(Source newSource) {
        return new LauncherOptions(dataDir, newSource, demoInterval, help);
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the bad argument and the accepted ones
     */
    public static LauncherOptions parse(List<String> args) {
        Path dataDir = Path.of("data");
        Source source = Source.AUTO;
        Duration demoInterval = DEFAULT_DEMO_INTERVAL;
        boolean intervalGiven = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--demo", "--live" -> {
                    Source chosen = arg.equals("--demo") ? Source.DEMO : Source.LIVE;
                    if (source != Source.AUTO && source != chosen) {
                        throw new IllegalArgumentException("--demo and --live exclude each other: give one of them, or neither to probe the outlets");
                    }
                    source = chosen;
                }
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
                        "unknown argument '" + arg + "': expected one of --data-dir DIR, --demo, --live, --demo-interval SECONDS, --help");
            }
        }
        if (intervalGiven && source == Source.LIVE) {
            throw new IllegalArgumentException("--demo-interval does not apply with --live (the demo site never runs)");
        }
        return new LauncherOptions(dataDir, source, demoInterval, help);
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
