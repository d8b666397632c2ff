package id.pantau.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import id.pantau.localstack.internal.FreePorts;
import id.pantau.localstack.internal.MoreFiles;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs its own node (not the shared one) in one directory through a crash, a restart after the crash
 * and a stop/start. The steps build on each other, hence the order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchNodeIT {

    private static Path base;
    private static Path nodeDir;
    private static ElasticsearchNode node;
    private static int crashedPort;

    @BeforeAll
    static void directories() {
        base = MoreFiles.createReadableTempDirectory("pantau-es-it-");
        nodeDir = base.resolve("node");
        node = new ElasticsearchNode(nodeDir);
    }

    @AfterAll
    static void cleanUp() {
        node.close();
        MoreFiles.deleteRecursively(base);
    }

    @Test
    @Order(1)
    void shouldLeaveNoProcessOrPortBehindWhenTheStartingJvmIsKilled() throws Exception {
        Path uriFile = base.resolve("child-uri.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NodeInChildJvm.class.getName(),
                nodeDir.toString(), uriFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("child.log").toFile())
                .start();
        try {
            awaitFile(uriFile, child, 240);
        } catch (AssertionError e) {
            child.destroyForcibly();
            throw e;
        }
        crashedPort = URI.create(Files.readString(uriFile, StandardCharsets.UTF_8)).getPort();
        ProcessHandle launcher = NodePidFile.read(node.launcherPidFile()).liveProcess().orElseThrow();
        ProcessHandle server = NodePidFile.read(node.serverPidFile()).liveProcess().orElseThrow();

        child.destroyForcibly();  // SIGKILL: no shutdown hook runs, as in a crash
        child.waitFor(30, TimeUnit.SECONDS);
        launcher.onExit().get(60, TimeUnit.SECONDS);
        server.onExit().get(60, TimeUnit.SECONDS);

        assertThat(launcher.isAlive()).isFalse();
        assertThat(server.isAlive()).isFalse();
        assertThat(FreePorts.isFree(crashedPort)).isTrue();
        assertThat(node.launcherPidFile()).exists();  // left behind by the crash, for the next start to handle
    }

    @Test
    @Order(2)
    void shouldKillStaleProcessAndStartAgainInTheSameDirectory() throws Exception {
        // A leftover process whose command line names the node directory stands for a node a crash left running.
        Process stale = new ProcessBuilder("sh", "-c", "sleep 600; echo \"$0\"", nodeDir.toString()).start();
        NodePidFile.of(stale.toHandle()).write(node.launcherPidFile());
        FileTime markerBefore = distributionMarkerTime();

        node.start();

        assertThat(stale.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(NodePidFile.read(node.launcherPidFile()).pid()).isNotEqualTo(stale.pid());
        assertThat(node.isRunning()).isTrue();
        assertThat(node.lastStartUnpacked()).isFalse();
        assertThat(distributionMarkerTime()).isEqualTo(markerBefore);
        assertThat(node.consoleLog()).exists();
        indexAndSearch(node.uri());
    }

    @Test
    @Order(3)
    void shouldRunTheNodeAsUnprivilegedUserWhenTheJvmIsRoot() {
        String serverUser = node.serverProcess().orElseThrow().info().user().orElseThrow();

        if (NodeUser.isRoot()) {
            assertThat(serverUser).isEqualTo("nobody");
        } else {
            assertThat(serverUser).isEqualTo(System.getProperty("user.name"));
        }
    }

    @Test
    @Order(4)
    void shouldKeepDataAndPortWhenStoppedAndStartedAgain() throws Exception {
        URI before = node.uri();
        ProcessHandle serverBefore = node.serverProcess().orElseThrow();

        node.stop();

        assertThat(node.isRunning()).isFalse();
        assertThat(serverBefore.isAlive()).isFalse();
        assertThat(node.launcherPidFile()).doesNotExist();
        assertThat(FreePorts.isFree(before.getPort())).isTrue();

        node.start();

        assertThat(node.uri()).isEqualTo(before);
        assertThat(search(node.uri())).containsExactly("1");
    }

    private static FileTime distributionMarkerTime() throws Exception {
        Path marker = node.options().cacheDir().resolve("elasticsearch-" + node.options().version())
                .resolve(ElasticsearchDistribution.MARKER);
        return Files.getLastModifiedTime(marker);
    }

    private static void indexAndSearch(URI uri) throws Exception {
        try (RestClient rest = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort(), "http")).build();
                RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper())) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            client.index(i -> i.index("node-it").id("1")
                    .document(Map.of("title", "ASN wajib netral menjelang pilkada", "region", "Kabupaten Bogor")));
            client.index(i -> i.index("node-it").id("2")
                    .document(Map.of("title", "Harga cabai naik di pasar", "region", "Kota Bandung")));
            client.indices().refresh(r -> r.index("node-it"));
        }
        assertThat(search(uri)).containsExactly("1");
    }

    private static List<String> search(URI uri) throws Exception {
        try (RestClient rest = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort(), "http")).build();
                RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper())) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> response = client.search(s -> s.index("node-it")
                    .query(q -> q.match(m -> m.field("title").query("netral pilkada"))), Map.class);
            return response.hits().hits().stream().map(h -> h.id()).toList();
        }
    }

    private static void awaitFile(Path file, Process child, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.size(file) > 0) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child JVM exited with " + child.exitValue() + ":\n"
                        + Files.readString(base.resolve("child.log"), StandardCharsets.UTF_8));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the child JVM did not start a node within " + seconds + " s; see "
                + base.resolve("child.log") + File.separator);
    }
}
