package id.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.index.config.IndexConfig;
import id.pantau.index.indexing.ArticleDocumentMapper;
import id.pantau.index.indexing.Pending;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.LocalStacks;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.EnrichedArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * index-service against a raw {@code _bulk} loader on the same node in the same run, and the
 * latency from a record on {@code news.articles.enriched} to a search hit. Needs the local stack
 * (started here); run with {@code mvn -Pbench -pl index-service verify} or this class's main.
 * In-process (fork 0) because the stack lives in this JVM.
 */
@State(Scope.Benchmark)
@Fork(0)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndexingBenchmark {

    /** Documents per throughput iteration. */
    static final int DOCS = Integer.getInteger("bench.docs", 20_000);
    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalStack stack;
    private IndexApp.Running service;
    private ElasticsearchClient es;
    private RestClient rest;
    private KafkaProducer<String, EnrichedArticle> producer;
    private final ArticleDocumentMapper mapper = new ArticleDocumentMapper();
    private final ExecutorService senders = Executors.newFixedThreadPool(2);
    private List<EnrichedArticle> batch;
    private String group;

    /** One stack for every benchmark of the run, so both loaders write to the same node. */
    private static LocalStack sharedStack;

    private static synchronized LocalStack stack() {
        if (sharedStack == null) {
            sharedStack = LocalStacks.forTests();
            ItSupport.topics(sharedStack);
        }
        return sharedStack;
    }

    @Setup(Level.Trial)
    public void startStack(BenchmarkParams params) throws IOException {
        stack = stack();
        es = ItSupport.es(stack);
        rest = RestClient.builder(HttpHost.create(stack.elasticsearchUri().toString())).build();
        createRawIndexUnlessPresent();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                Topics.ENRICHED_ARTICLES.keySerde().serializer(), Topics.ENRICHED_ARTICLES.valueSerde().serializer());
        if (params.getBenchmark().endsWith("rawBulk")) {
            return; // no index-service competing with the raw loader for the node
        }
        group = "bench-" + UUID.randomUUID();
        IndexConfig base = ItSupport.config(stack, group, List.of());
        service = IndexApp.start(new IndexConfig(base.kafka(), base.elasticsearch(),
                new IndexConfig.Bulk(1000, 5_242_880, 200, 2, 5000, 200, 30_000), base.api(), base.alerts()));
        ItSupport.await(Duration.ofMinutes(5), () -> ItSupport.caughtUp(stack, group, Topics.ENRICHED_ARTICLES.name()));
    }

    @TearDown(Level.Trial)
    public void stopStack() throws IOException {
        if (service != null) {
            service.close();
        }
        producer.close();
        rest.close();
        es._transport().close();
        senders.shutdownNow();
    }

    @Setup(Level.Iteration)
    public void newDocuments() {
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        batch = new ArrayList<>(DOCS);
        for (int i = 0; i < DOCS; i++) {
            batch.add(i % 2 == 0 ? TestArticles.pontianak(prefix + "-" + i, 1, "bench") : TestArticles.mempawah(prefix + "-" + i, 1, "bench"));
        }
    }

    /** Maps the same articles and sends them as {@code _bulk} requests of 1000, two at a time. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int rawBulk() throws Exception {
        List<Future<Integer>> sent = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += BATCH) {
            List<EnrichedArticle> slice = batch.subList(from, Math.min(batch.size(), from + BATCH));
            sent.add(senders.submit(() -> bulk(slice)));
        }
        int total = 0;
        for (Future<Integer> f : sent) {
            total += f.get();
        }
        return total;
    }

    /** Publishes the articles and waits until index-service has acknowledged and committed all of them. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int indexService() throws Exception {
        long before = service.metrics().documents(Pending.Kind.ARTICLE, "indexed");
        for (EnrichedArticle article : batch) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), article.getArticle().getArticleId(), article));
        }
        producer.flush();
        // Done when Elasticsearch acknowledged every document, as for the raw loader (offsets commit right after).
        while (service.metrics().documents(Pending.Kind.ARTICLE, "indexed") - before < batch.size()) {
            Thread.sleep(5);
        }
        return batch.size();
    }

    /** One article from the topic to a search hit (the articles index refreshes every second). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 1, time = 5)
    @Measurement(iterations = 2, time = 20)
    public long topicToSearchable() throws Exception {
        String id = "lat-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), id, TestArticles.pontianak(id, 1, "latency"))).get();
        while (true) {
            long hits = es.count(c -> c.index("articles").query(q -> q.term(t -> t.field("article_id").value(id)))).count();
            if (hits == 1) {
                return hits;
            }
            Thread.sleep(5);
        }
    }

    private int bulk(List<EnrichedArticle> slice) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(slice.size() * 2048);
        Instant now = Instant.now();
        for (EnrichedArticle article : slice) {
            String id = article.getArticle().getArticleId();
            body.write(("{\"index\":{\"_index\":\"bench-raw\",\"_id\":\"" + id + "\",\"version\":" + article.getArticle().getVersion()
                    + ",\"version_type\":\"external\"}}\n").getBytes(StandardCharsets.UTF_8));
            body.write(JSON.writeValueAsBytes(mapper.toDocument(article, now)));
            body.write('\n');
        }
        Request request = new Request("POST", "/_bulk");
        request.setEntity(new NByteArrayEntity(body.toByteArray(), ContentType.create("application/x-ndjson")));
        Response response = rest.performRequest(request);
        if (JSON.readTree(response.getEntity().getContent()).path("errors").asBoolean()) {
            throw new IllegalStateException("raw bulk had item errors");
        }
        return slice.size();
    }

    private void createRawIndexUnlessPresent() throws IOException {
        if (rest.performRequest(new Request("HEAD", "/bench-raw")).getStatusLine().getStatusCode() == 200) {
            return;
        }
        try (InputStream in = IndexingBenchmark.class.getResourceAsStream("/es/articles-v1.json")) {
            String indexBody = JSON.writeValueAsString(JSON.readTree(in).path("template"));
            Request request = new Request("PUT", "/bench-raw");
            request.setEntity(new NByteArrayEntity(indexBody.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
            rest.performRequest(request);
        }
    }

    /** Runs the benchmarks and prints documents/s of both loaders, their ratio and the latency percentiles. */
    @SuppressWarnings("SystemOut") // a benchmark main prints its figures
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(IndexingBenchmark.class.getName() + ".*").build()).run();
        double raw = 0;
        double service = 0;
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            double ms = result.getPrimaryResult().getScore();
            if (name.endsWith("rawBulk")) {
                raw = DOCS / (ms / 1000.0);
            } else if (name.endsWith("indexService")) {
                service = DOCS / (ms / 1000.0);
            } else {
                var stats = result.getPrimaryResult().getStatistics();
                System.out.printf("topic -> searchable: p50 %.0f ms, p99 %.0f ms, max %.0f ms, n=%d%n",
                        stats.getPercentile(50), stats.getPercentile(99), stats.getMax(), stats.getN());
            }
        }
        System.out.printf("raw _bulk: %.0f docs/s, index-service: %.0f docs/s, ratio %.2f (docs per iteration %d)%n",
                raw, service, service / raw, DOCS);
        if (sharedStack != null) {
            sharedStack.close();
        }
    }
}
