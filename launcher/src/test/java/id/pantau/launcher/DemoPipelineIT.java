package id.pantau.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline as {@code pantau.jar --demo} runs it, in this JVM on a temporary data
 * directory ({@link DemoPipelineExtension}, shared with the other end-to-end classes): demo site,
 * ingest, enrich and index on a real broker and Elasticsearch node, checked through
 * index-service's search and alert API.
 */
@ExtendWith(DemoPipelineExtension.class)
class DemoPipelineIT {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPipelineIT.class);
    private static final String API_KEY = DemoPipelineExtension.API_KEY;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int apiPort;

    @BeforeAll
    static void usePipeline() {
        apiPort = DemoPipelineExtension.pipeline().apiPort();
    }

    @Test
    void shouldIndexTheMempawahNeutralityStoryWithOutletRegionAndOfficialTags() throws Exception {
        JsonNode hit = awaitFirstHit("outlet=tribun-pontianak&region=61.02&official=ismail-pj-bupati-mempawah",
                "the demo article of tribun-pontianak about Ismail (Mempawah, region 61.02)");

        assertThat(hit.path("title").asText()).isEqualTo("Ismail Ingatkan ASN dan Kades Mempawah Tetap Netral Jelang Pilkada");
        assertThat(hit.path("url").asText()).startsWith("http://127.0.0.2:").contains("/ismail-ingatkan-asn-dan-kades-mempawah-tetap-netral");
        assertThat(texts(hit.path("region_codes"))).contains("61", "61.02");
        assertThat(texts(hit.path("official_ids"))).contains("ismail-pj-bupati-mempawah");
        assertThat(texts(hit.path("topics"))).contains("neutrality.appeal");
    }

    @Test
    void shouldIndexTheKaltaraStoryOfAnotherOutlet() throws Exception {
        JsonNode hit = awaitFirstHit("outlet=suara-borneo&region=65&official=togap-simangunsong-pjs-gubernur-kaltara",
                "the demo article of suara-borneo about Togap Simangunsong (Kalimantan Utara, region 65)");

        assertThat(hit.path("title").asText()).isEqualTo("Togap Simangunsong Minta ASN Bulungan Jaga Netralitas");
        assertThat(hit.path("url").asText()).startsWith("http://127.0.0.4:");
    }

    @Test
    void shouldIndexAnAlertForTheNeutralityStory() throws Exception {
        String title = "Ismail Ingatkan ASN dan Kades Mempawah Tetap Netral Jelang Pilkada";
        JsonNode alert = await("an alert of rule neutrality-appeal-kalimantan for \"" + title + "\"",
                "/api/alerts?rule=neutrality-appeal-kalimantan&size=50",
                body -> find(body.path("alerts"), a -> title.equals(a.path("title").asText())));

        assertThat(alert.path("rule_id").asText()).isEqualTo("neutrality-appeal-kalimantan");
        assertThat(alert.path("outlet").asText()).isEqualTo("tribun-pontianak");
        assertThat(alert.path("url").asText()).contains("/ismail-ingatkan-asn-dan-kades-mempawah-tetap-netral");
    }

    @Test
    void shouldRefuseTheApiWithoutTheConfiguredKey() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api("/api/search?q=netralitas")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static JsonNode awaitFirstHit(String filters, String what) throws Exception {
        return await(what, "/api/search?" + filters, body -> body.path("hits").isArray() && !body.path("hits").isEmpty() ? body.path("hits").get(0) : null);
    }

    /** Polls {@code path} until {@code extract} finds something, or fails after {@link #WAIT} naming {@code what} and the last answer. */
    private static JsonNode await(String what, String path, Function<JsonNode, JsonNode> extract) throws Exception {
        long begin = System.nanoTime();
        long deadline = begin + WAIT.toNanos();
        String last = "(no answer yet)";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api(path)).header("X-Api-Key", API_KEY)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode found = extract.apply(JSON.readTree(response.body()));
                    if (found != null) {
                        LOG.info("it=found what=\"{}\" afterMs={}", what, (System.nanoTime() - begin) / 1_000_000);
                        return found;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        return fail("not found within %d s: %s; last answer of GET %s: %s", WAIT.toSeconds(), what, path,
                last.length() > 2000 ? last.substring(0, 2000) + "..." : last);
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode node : array) {
            if (test.test(node)) {
                return node;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static URI api(String path) {
        return URI.create("http://127.0.0.1:" + apiPort + path);
    }
}
