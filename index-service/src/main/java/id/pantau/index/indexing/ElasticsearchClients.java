package id.pantau.index.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import id.pantau.index.config.IndexConfig;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** Builds the Elasticsearch client; closing the client's transport closes its connections. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    /** A client for {@code config.uri()} with its request timeout; the caller closes {@code client._transport()}. */
    public static ElasticsearchClient create(IndexConfig.Elasticsearch config) {
        RestClient rest = RestClient.builder(HttpHost.create(config.uri().toString()))
                .setRequestConfigCallback(r -> r.setConnectTimeout(5_000).setSocketTimeout(config.requestTimeoutMs()))
                .build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }
}
