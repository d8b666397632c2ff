package id.pantau.localstack.elasticsearch;

import id.pantau.localstack.internal.MoreFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The layout of one node's directory: {@code config/} ({@code ES_PATH_CONF}), {@code data/},
 * {@code logs/} (also the working directory), {@code tmp/} ({@code ES_TMPDIR}), {@code run/} (the
 * server's pid file), {@code launcher.pid} and {@code console.log} (the process's stdout and stderr).
 * Immutable; the files below it belong to one {@link ElasticsearchNode}.
 *
 * @param root the node directory, absolute
 */
record NodeDirectory(Path root) {

    NodeDirectory {
        root = root.toAbsolutePath();
    }

    Path config() {
        return root.resolve("config");
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    Path consoleLog() {
        return root.resolve("console.log");
    }

    Path launcherPidFile() {
        return root.resolve("launcher.pid");
    }

    Path serverPidFile() {
        return root.resolve("run").resolve("elasticsearch.pid");
    }

    /**
     * Creates the directories, copies the distribution's config once, writes {@code elasticsearch.yml}
     * and gives everything to the node's user.
     */
    void prepare(Path home, ElasticsearchSettings settings, NodeUser user) {
        try {
            for (Path dir : List.of(config(), data(), logs(), tmp(), root.resolve("run"))) {
                Files.createDirectories(dir);
            }
            if (!Files.exists(config().resolve("jvm.options"))) {
                MoreFiles.copyTree(home.resolve("config"), config());
            }
            Files.writeString(config().resolve("elasticsearch.yml"), settings.render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Elasticsearch node directory " + root, e);
        }
        user.checkReachable(root);
        user.chownRecursively(root);
    }

    /** The console log's current size, where the output of the next launch will begin. */
    long consoleSize() {
        try {
            return Files.exists(consoleLog()) ? Files.size(consoleLog()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The first console line after {@code offset} that names a port clash, else an error, else an exception. */
    String firstErrorSince(long offset) {
        String output;
        try (SeekableByteChannel channel = Files.newByteChannel(consoleLog());
                InputStream in = Channels.newInputStream(channel.position(offset))) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(console log unreadable: " + e + ")";
        }
        List<String> lines = output.lines().toList();
        for (String marker : List.of("BindHttpException", "BindTransportException", "Address already in use",
                "ERROR", "Exception")) {
            for (String line : lines) {
                if (line.contains(marker)) {
                    return line.strip();
                }
            }
        }
        return "(none in the console output)";
    }

    /** The last {@code count} lines of the console log. */
    String consoleTail(int count) {
        try {
            List<String> lines = Files.readAllLines(consoleLog(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(console log unreadable: " + e + ")";
        }
    }

}
