package id.pantau.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.pantau.ingest.config.ConfigLoader;
import id.pantau.launcher.LauncherOptions.Source;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The start-up choice between the real outlets and the demo site, with fake probers (no network). */
class OutletProbeTest {

    private static final LauncherOptions DEFAULT_RUN = LauncherOptions.of(Path.of("data"));
    private static final List<URI> HOMES = List.of(URI.create("https://a.example/"), URI.create("https://b.example/"),
            URI.create("https://c.example/"));

    @Test
    void shouldRunTheDemoAndSaySoWhenNoOutletAnswers() throws Exception {
        Set<URI> asked = ConcurrentHashMap.newKeySet();

        OutletProbe.Decision decision = OutletProbe.decide(DEFAULT_RUN, HOMES, url -> asked.add(url) && false, Duration.ofSeconds(5));

        assertThat(decision.options()).isEqualTo(DEFAULT_RUN.withSource(Source.DEMO));
        assertThat(decision.fellBack()).isTrue();
        assertThat(decision.reason()).isEqualTo("No outlet could be reached (none of the 3 home pages in outlets.yaml answered within 5 s), "
                + "so pantau runs its local demo site with made-up articles instead. Start with --live to follow the real outlets anyway, "
                + "or --demo to skip this check.");
        assertThat(asked).containsExactlyInAnyOrderElementsOf(HOMES);
    }

    @Test
    void shouldFollowTheOutletsWhenOneAnswers() throws Exception {
        OutletProbe.Decision decision = OutletProbe.decide(DEFAULT_RUN, HOMES, url -> url.getHost().equals("b.example"), Duration.ofSeconds(5));

        assertThat(decision.options()).isEqualTo(DEFAULT_RUN.withSource(Source.LIVE));
        assertThat(decision.fellBack()).isFalse();
        assertThat(decision.reason()).isEqualTo("outlet https://b.example/ answered: following the 3 outlets of outlets.yaml");
    }

    @Test
    void shouldNotProbeWhenDemoOrLiveIsGiven() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        OutletProbe.Prober counting = url -> probes.incrementAndGet() > 0;

        OutletProbe.Decision demo = OutletProbe.decide(DEFAULT_RUN.withSource(Source.DEMO), HOMES, counting, Duration.ofSeconds(5));
        OutletProbe.Decision live = OutletProbe.decide(DEFAULT_RUN.withSource(Source.LIVE), HOMES, url -> false, Duration.ofSeconds(5));

        assertThat(demo.options().source()).isEqualTo(Source.DEMO);
        assertThat(live.options().source()).isEqualTo(Source.LIVE);
        assertThat(List.of(demo.fellBack(), live.fellBack())).containsExactly(false, false);
        assertThat(probes).hasValue(0);
    }

    @Test
    void shouldRunTheDemoWhenTheOnlyOutletsHangOrFail() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        OutletProbe.Prober prober = url -> {
            if (url.getHost().equals("a.example")) {
                throw new IOException("name lookup failed");
            }
            if (url.getHost().equals("b.example")) {
                try {
                    new CountDownLatch(1).await(); // hangs like a connect to a black-holed address
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }
            return false;
        };

        OutletProbe.Decision decision = OutletProbe.decide(DEFAULT_RUN, HOMES, prober, Duration.ofMillis(200));

        assertThat(decision.options().source()).isEqualTo(Source.DEMO);
        assertThat(decision.fellBack()).isTrue();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the hanging probe is interrupted once the deadline passed").isTrue();
    }

    @Test
    void shouldRunTheDemoWhenNoOutletIsConfigured() throws Exception {
        OutletProbe.Decision decision = OutletProbe.decide(DEFAULT_RUN, List.of(), url -> true, Duration.ofSeconds(5));

        assertThat(decision.options().source()).isEqualTo(Source.DEMO);
    }

    @Test
    void shouldProbeTheHomePagesOfTheBundledOutlets() {
        List<URI> homes = OutletProbe.homes(ConfigLoader.load(List.of(), Map.of()));

        assertThat(homes).containsExactly(URI.create("https://kalbaronline.com/"), URI.create("https://pontianak.tribunnews.com/"),
                URI.create("https://infopublik.id/"), URI.create("https://suaraborneo.id/"), URI.create("https://tanjungpura.id/"));
    }

    @Test
    void shouldCountAnyHttpStatusAsAnAnswerAndARefusedConnectionAsNone() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> requests = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (HttpClient client = OutletProbe.client(Duration.ofSeconds(2))) {
            OutletProbe.Prober http = OutletProbe.http(client, "pantau-test", Duration.ofSeconds(2));

            assertThat(http.answers(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))).isTrue();
            assertThat(http.answers(URI.create("http://127.0.0.1:" + closedPort + "/"))).isFalse();
            assertThat(requests).containsExactly("HEAD / pantau-test");
        } finally {
            server.stop(0);
        }
    }
}
