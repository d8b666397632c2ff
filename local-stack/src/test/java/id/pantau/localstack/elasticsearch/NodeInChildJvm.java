package id.pantau.localstack.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper run in a child JVM by {@link ElasticsearchNodeIT}: starts a node in the directory given
 * as first argument, writes its URI to the file given as second argument, then waits to be killed,
 * so the test can play a crashed JVM.
 */
public final class NodeInChildJvm {

    private NodeInChildJvm() {}

    public static void main(String[] args) throws Exception {
        ElasticsearchNode node = new ElasticsearchNode(Path.of(args[0]));
        node.start();
        Files.writeString(Path.of(args[1]), node.uri().toString());
        Thread.sleep(Long.MAX_VALUE);
    }
}
