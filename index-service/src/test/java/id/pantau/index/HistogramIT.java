package id.pantau.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import id.pantau.schemas.avro.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/histogram} on the real node: mentions per UTC day, gaps as 0, bounded by from..to. */
@ExtendWith(LocalStackExtension.class)
class HistogramIT {

    private static IndexApp.Running service;
    private static KafkaProducer<String, EnrichedArticle> producer;
    private static final String OUTLET = "hist-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start(LocalStack stack) {
        ItSupport.topics(stack);
        producer = ItSupport.articleProducer(stack);
        service = IndexApp.start(ItSupport.config(stack, "it-histogram-" + UUID.randomUUID(), List.of()));
        // Harisson (Pontianak) twice on 26 Aug (one just before midnight UTC) and once on 28 Aug; Mempawah once on 27 Aug.
        send(TestArticles.pontianak(OUTLET + "-a", 1, OUTLET), "2024-08-26T01:00:00Z");
        send(TestArticles.pontianak(OUTLET + "-b", 1, OUTLET), "2024-08-26T23:59:59Z");
        send(TestArticles.pontianak(OUTLET + "-c", 1, OUTLET), "2024-08-28T00:00:00Z");
        send(TestArticles.mempawah(OUTLET + "-d", 1, OUTLET), "2024-08-27T10:00:00Z");
        ItSupport.await(Duration.ofSeconds(90), () -> ItSupport.get(service.apiPort(), "/api/search?outlet=" + OUTLET).json().path("total").asLong() == 4);
    }

    @AfterAll
    static void stop() {
        service.close();
        producer.close();
    }

    @Test
    void shouldCountAnOfficialsMentionsPerDayWithEmptyDaysBetween() {
        ItSupport.Response response = ItSupport.get(service.apiPort(), "/api/histogram?official=off-harisson&outlet=" + OUTLET);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("field").asText()).isEqualTo("published_at");
        assertThat(response.json().path("interval").asText()).isEqualTo("day");
        assertThat(response.json().path("time_zone").asText()).isEqualTo("UTC");
        assertThat(buckets(response.json())).containsExactly("2024-08-26=2", "2024-08-27=0", "2024-08-28=1");
    }

    @Test
    void shouldStretchARegionsHistogramOverTheWholeDateRange() {
        ItSupport.Response regency = ItSupport.get(service.apiPort(), "/api/histogram?region=61.04&outlet=" + OUTLET + "&from=2024-08-25&to=2024-08-29");
        ItSupport.Response province = ItSupport.get(service.apiPort(), "/api/histogram?region=61&outlet=" + OUTLET + "&from=2024-08-26&to=2024-08-27");

        assertThat(buckets(regency.json())).containsExactly("2024-08-25=0", "2024-08-26=0", "2024-08-27=1", "2024-08-28=0", "2024-08-29=0");
        assertThat(buckets(province.json())).containsExactly("2024-08-26=2", "2024-08-27=1");
    }

    @Test
    void shouldAnswerWithNoBucketsWhenNothingMatches() {
        ItSupport.Response response = ItSupport.get(service.apiPort(), "/api/histogram?official=off-nobody&outlet=" + OUTLET);

        assertThat(response.status()).isEqualTo(200);
        assertThat(buckets(response.json())).isEmpty();
    }

    private static List<String> buckets(JsonNode histogram) {
        List<String> out = new ArrayList<>();
        for (JsonNode bucket : histogram.path("buckets")) {
            out.add(bucket.path("date").asText() + "=" + bucket.path("count").asLong());
        }
        return out;
    }

    private static void send(EnrichedArticle article, String publishedAt) {
        article.getArticle().setPublishedAt(Instant.parse(publishedAt));
        ItSupport.send(producer, article);
    }
}
