package id.pantau.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import id.pantau.localstack.LocalStack;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class LocalStackExtensionIT {

    private static LocalStack fromBeforeAll;

    @BeforeAll
    static void keep(LocalStack stack) {
        fromBeforeAll = stack;
    }

    @Test
    void shouldInjectTheSameStackIntoLifecycleAndTestMethods(LocalStack stack) {
        assertThat(stack).isSameAs(fromBeforeAll);
    }

    @Test
    void shouldCreateTopicOnceWhenAskedTwice(LocalStack stack) throws Exception {
        stack.createTopic("ref.officials.it", 1, true);
        stack.createTopic("ref.officials.it", 1, true);
        stack.createTopic("news.articles.raw.it", 3, false);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("ref.officials.it", "news.articles.raw.it"))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get("ref.officials.it").partitions()).hasSize(1);
            assertThat(topics.get("news.articles.raw.it").partitions()).hasSize(3);
            ConfigResource compacted = new ConfigResource(ConfigResource.Type.TOPIC, "ref.officials.it");
            ConfigResource plain = new ConfigResource(ConfigResource.Type.TOPIC, "news.articles.raw.it");
            var configs = admin.describeConfigs(List.of(compacted, plain)).all().get(30, TimeUnit.SECONDS);
            assertThat(configs.get(compacted).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(configs.get(plain).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
        }
    }

    @Test
    void shouldIndexAndSearchDocumentInSharedNode(LocalStack stack) throws Exception {
        URI uri = stack.elasticsearchUri();

        try (RestClient rest = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort(), "http")).build();
                RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper())) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            client.index(i -> i.index("stack-it").id("1").document(Map.of("title", "Kepala desa diminta netral")));
            client.indices().refresh(r -> r.index("stack-it"));

            @SuppressWarnings("rawtypes")
            SearchResponse<Map> response = client.search(s -> s.index("stack-it")
                    .query(q -> q.match(m -> m.field("title").query("netral"))), Map.class);

            assertThat(response.hits().hits()).hasSize(1);
            assertThat(response.hits().hits().get(0).id()).isEqualTo("1");
            assertThat(response.hits().hits().get(0).source()).containsEntry("title", "Kepala desa diminta netral");
        }
    }
}
