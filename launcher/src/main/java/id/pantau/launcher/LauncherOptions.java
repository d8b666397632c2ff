package id.pantau.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Command-line options of the launcher.
 *
 * @param dataDir where the broker's and the node's data live; a second run resumes from it (default {@code ./data})
 * @param help print usage and exit
 */
public record LauncherOptions(Path dataDir, boolean help) {

    public static final String USAGE = """
            usage: java -jar launcher/target/pantau.jar [--data-dir DIR] [--help]
              --data-dir DIR  keep Kafka, Elasticsearch and enrich state in DIR (default: ./data); a second run resumes
              --help          print this text""";

    public LauncherOptions {
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the bad argument and the accepted ones
     */
    public static LauncherOptions parse(List<String> args) {
        Path dataDir = Path.of("data");
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--data-dir" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new IllegalArgumentException("--data-dir needs a directory, e.g. --data-dir ./data");
                    }
                    dataDir = Path.of(args.get(++i));
                }
                default -> throw new IllegalArgumentException(
                        "unknown argument '" + arg + "': expected one of --data-dir DIR, --help");
            }
        }
        return new LauncherOptions(dataDir, help);
    }
}
