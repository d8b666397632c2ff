package id.pantau.localstack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the embedded stack (broker and node), prints their addresses and runs until Ctrl-C.
 * Usage: {@code LocalStackMain [dataDir]}; the data directory defaults to {@code ./data/local-stack}
 * and is kept, so a second run resumes with the same topics and indices.
 */
public final class LocalStackMain {

    private LocalStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        // A CLI may print its output to stdout.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            out.println("usage: LocalStackMain [dataDir]   (default ./data/local-stack)");
            System.exit(2);
        }
        Path dataDir = Path.of(args.length == 1 ? args[0] : "data/local-stack").toAbsolutePath();
        CountDownLatch stopped = new CountDownLatch(1);
        // The stack registers its own shutdown hook, which stops both parts on Ctrl-C.
        EmbeddedLocalStack stack = EmbeddedLocalStack.inDirectory(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "pantau-local-stack-main-exit"));
        out.println("kafka.bootstrap.servers=" + stack.kafkaBootstrapServers());
        out.println("elasticsearch.uri=" + stack.elasticsearchUri());
        out.println("data=" + dataDir);
        out.println("running; press Ctrl-C to stop");
        stopped.await();
    }
}
