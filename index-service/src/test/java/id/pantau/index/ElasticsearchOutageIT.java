package id.pantau.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import id.pantau.index.indexing.Pending;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.EnrichedArticle;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class ElasticsearchOutageIT {

    private static final int BEFORE = 20;
    private static final int DURING = 30;

    @Test
    @SuppressWarnings("rawtypes")
    void shouldLoseAndDuplicateNothingWhenElasticsearchStopsAndStartsAgain(LocalStack stack) throws Exception {
        ItSupport.topics(stack);
        String outlet = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "it-outage-" + UUID.randomUUID();
        ElasticsearchClient es = ItSupport.es(stack);
        try (IndexApp.Running service = IndexApp.start(ItSupport.config(stack, group, List.of()));
                KafkaProducer<String, EnrichedArticle> producer = ItSupport.articleProducer(stack)) {
            for (int i = 0; i < BEFORE; i++) {
                ItSupport.send(producer, TestArticles.pontianak(outlet + "-" + i, 1, outlet));
            }
            ItSupport.await(Duration.ofSeconds(60), () -> ItSupport.caughtUp(stack, group, Topics.ENRICHED_ARTICLES.name()));

            stack.stopElasticsearch();
            for (int i = BEFORE; i < BEFORE + DURING; i++) {
                ItSupport.send(producer, TestArticles.pontianak(outlet + "-" + i, 1, outlet));
            }
            // Re-deliveries of already indexed versions while the node is down must stay harmless.
            ItSupport.send(producer, TestArticles.pontianak(outlet + "-0", 1, outlet));
            ItSupport.await(Duration.ofSeconds(30), () -> service.metrics().documents(Pending.Kind.ARTICLE, "retried") > 0);
            assertThat(ItSupport.caughtUp(stack, group, Topics.ENRICHED_ARTICLES.name())).isFalse();
            assertThat(ItSupport.get(service.apiPort(), "/health", null).status()).isEqualTo(503);
            stack.startElasticsearch();

            ItSupport.await(Duration.ofSeconds(120), () -> ItSupport.caughtUp(stack, group, Topics.ENRICHED_ARTICLES.name()));
            ItSupport.refresh(es);
            SearchResponse<Map> stored = es.search(s -> s.index("articles").size(100).version(true)
                    .query(q -> q.term(t -> t.field("outlet").value(outlet))), Map.class);

            Set<String> ids = new HashSet<>();
            stored.hits().hits().forEach(hit -> ids.add(hit.id()));
            assertThat(stored.hits().total().value()).isEqualTo(BEFORE + DURING);
            assertThat(ids).hasSize(BEFORE + DURING);
            assertThat(stored.hits().hits()).allMatch(hit -> hit.version() == 1L);
            assertThat(service.inFlight()).isZero();
        } finally {
            es._transport().close();
        }
    }
}
