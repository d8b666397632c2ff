package id.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.index.api.ApiKeyAuth;
import id.pantau.index.config.ConfigLoader;
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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * index-service against a raw {@code _bulk} loader on the same node in the same run, in interleaved
 * rounds, and the latency from a record on {@code news.articles.enriched} to a search hit. Starts
 * its own local stack; run with {@code mvn -B -o -pl index-service -Pbench verify -DskipTests
 * -DskipITs} (the pom runs this main) or this class's main.
 *
 * <p><b>Rounds.</b> {@code bench.warmup} (default 1) unreported and {@code bench.rounds} (default 5)
 * reported rounds; each round runs both loaders on {@code bench.docs} (default 20,000) new articles,
 * raw first in rounds 1, 3, 5, ... and the service first in rounds 2, 4, ... (so neither always runs on a node still
 * merging the other's segments). Each load goes into a fresh index created from the same body (the
 * articles template's settings and mapping: 1 shard, 0 replicas, refresh every 1 s), deleted after
 * the round. index-service writes through the {@code articles} alias, which each service load moves
 * to its fresh index.
 *
 * <p><b>What each timing includes.</b>
 * <ul>
 *   <li>raw: for each slice of 1000 documents (the service's {@code index.bulk.max.operations};
 *       the service's 5 MiB byte bound is never reached by these 1.5 KB documents), mapping by
 *       {@link ArticleDocumentMapper}, Jackson serialisation into one NDJSON body with the same
 *       action line as the service's (id, external version), the {@code _bulk} request, and parsing
 *       its response; two requests in flight (the service's {@code max.concurrent.requests}). Not
 *       included: Avro decoding, Kafka.
 *   <li>service: the records are Avro-encoded and written to the topic in one Kafka transaction
 *       before the clock starts (index-service reads {@code read_committed}, so it sees none of
 *       them yet); the clock starts at the transaction's commit and stops when index-service has
 *       counted every document acknowledged by Elasticsearch. So it includes the commit, the fetch
 *       from the broker (in this JVM), Avro decoding, mapping, JSON serialisation in the bulk
 *       ingester, the bulk requests and their responses, and the offset and feed bookkeeping; not
 *       the producer or the broker's appends, which in a deployment run elsewhere. Not waiting on
 *       refresh (neither is raw).
 * </ul>
 * The service runs with the shipped defaults ({@code index-defaults.yaml}; only addresses, group and
 * key set), the raw loader with the same bulk size and concurrency.
 * Both run in this JVM, against the same node, with the same documents' content (fresh ids per
 * load). Printed: every round's figures, the medians and the median of the per-round ratios.
 *
 * <p><b>Latency.</b> {@code bench.latency.samples} (default 100) articles, one at a time: sent to
 * the topic, then a {@code count} on its id every 5 ms until it is found; p50, p99 and max. Twice:
 * plain sends, and each article in its own transaction (how enrich-service's exactly-once output
 * becomes visible to the {@code read_committed} service). A random
 * 0..1 s pause before each sample keeps the samples from locking onto the index's refresh cycle.
 */
public final class IndexingBenchmark {

    private static final int DOCS = Integer.getInteger("bench.docs", 20_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1);
    private static final int LATENCY_SAMPLES = Integer.getInteger("bench.latency.samples", 100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final RestClient rest;
    private final ElasticsearchClient es;
    private final KafkaProducer<String, byte[]> producer;
    /** Writes each service load in one transaction, committed when the clock starts (the service reads read_committed). */
    private final KafkaProducer<String, byte[]> loader;
    private final ArticleDocumentMapper mapper = new ArticleDocumentMapper();
    private final String indexBody;
    private final String group = "bench-" + UUID.randomUUID();
    /** The service's configuration: index-defaults.yaml with only addresses, group and key set, as a deployment runs it. */
    private final IndexConfig config;
    /** The service's bulk settings; the raw loader mirrors them. */
    private final IndexConfig.Bulk bulkSettings;
    private final ExecutorService senders;
    private IndexApp.Running service;
    /** Milliseconds from the clock's start to the service's first acknowledged document, last service load. */
    private long lastFirstAckMs;

    private IndexingBenchmark(LocalStack stack) throws IOException {
        this.stack = stack;
        this.rest = RestClient.builder(HttpHost.create(stack.elasticsearchUri().toString())).build();
        this.es = ItSupport.es(stack);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new ByteArraySerializer());
        this.loader = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-loader-" + UUID.randomUUID(), ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 600_000),
                new StringSerializer(), new ByteArraySerializer());
        loader.initTransactions();
        try (InputStream in = IndexingBenchmark.class.getResourceAsStream("/es/articles-v1.json")) {
            this.indexBody = JSON.writeValueAsString(JSON.readTree(in).path("template"));
        }
        this.config = ConfigLoader.load(new String[0], Map.of(
                "PANTAU_INDEX_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                "PANTAU_INDEX_ES_URI", stack.elasticsearchUri().toString(),
                "PANTAU_INDEX_KAFKA_GROUP_ID", group,
                "PANTAU_INDEX_API_PORT", "0",
                "PANTAU_INDEX_API_KEY_SHA256", ApiKeyAuth.hash(ItSupport.API_KEY)));
        this.bulkSettings = config.bulk();
        this.senders = Executors.newFixedThreadPool(bulkSettings.maxConcurrentRequests());
    }

    /** Runs the rounds and the latency samples and prints the figures. */
    @SuppressWarnings("SystemOut") // a benchmark main prints its figures
    public static void main(String[] args) throws Exception {
        try (LocalStack stack = LocalStacks.forTests()) {
            ItSupport.topics(stack);
            IndexingBenchmark bench = new IndexingBenchmark(stack);
            try {
                bench.run();
            } finally {
                bench.close();
            }
        }
    }

    @SuppressWarnings("SystemOut")
    private void run() throws Exception {
        service = IndexApp.start(config);
        ItSupport.await(Duration.ofMinutes(5), () -> ItSupport.caughtUp(stack, group, Topics.ENRICHED_ARTICLES.name()));
        System.out.printf("docs per load %d, bulk %d operations, %d in flight; %d warm-up + %d rounds; cores %d%n",
                DOCS, bulkSettings.maxOperations(), bulkSettings.maxConcurrentRequests(), WARMUP, ROUNDS, Runtime.getRuntime().availableProcessors());
        double[] raw = new double[ROUNDS];
        double[] svc = new double[ROUNDS];
        double[] ratio = new double[ROUNDS];
        double[][] cpu = new double[4][ROUNDS];
        for (int round = -WARMUP; round < ROUNDS; round++) {
            Load r;
            Load s;
            if (Math.floorMod(round, 2) == 0) {
                r = rawLoad(round);
                s = serviceLoad(round);
            } else {
                s = serviceLoad(round);
                r = rawLoad(round);
            }
            String label = round < 0 ? "warm-up" : "round " + (round + 1);
            System.out.printf("%-8s raw %,7.0f docs/s   index-service %,7.0f docs/s   ratio %.2f   (%s first; service's first ack after %d ms;"
                    + " load average %.1f)%n", label, r.perSecond(), s.perSecond(), s.perSecond() / r.perSecond(),
                    Math.floorMod(round, 2) == 0 ? "raw" : "service", lastFirstAckMs, loadAverage());
            System.out.printf("         CPU ms per 1000 docs: raw: this JVM %.0f, Elasticsearch %.0f; index-service: this JVM %.0f, Elasticsearch %.0f%n",
                    r.jvmCpuMsPerThousand(), r.esCpuMsPerThousand(), s.jvmCpuMsPerThousand(), s.esCpuMsPerThousand());
            if (round >= 0) {
                raw[round] = r.perSecond();
                svc[round] = s.perSecond();
                ratio[round] = s.perSecond() / r.perSecond();
                cpu[0][round] = r.jvmCpuMsPerThousand();
                cpu[1][round] = r.esCpuMsPerThousand();
                cpu[2][round] = s.jvmCpuMsPerThousand();
                cpu[3][round] = s.esCpuMsPerThousand();
            }
        }
        System.out.printf("median   raw %,7.0f docs/s   index-service %,7.0f docs/s   median ratio %.2f (min %.2f, max %.2f)%n",
                median(raw), median(svc), median(ratio), Arrays.stream(ratio).min().orElse(0), Arrays.stream(ratio).max().orElse(0));
        System.out.printf("median   CPU ms per 1000 docs: raw: this JVM %.0f, Elasticsearch %.0f; index-service: this JVM %.0f, Elasticsearch %.0f%n",
                median(cpu[0]), median(cpu[1]), median(cpu[2]), median(cpu[3]));
        latency();
    }

    /**
     * One load: documents/s, and CPU time per 1000 documents of this JVM (the loader, or index-service
     * plus the in-process broker) and of the Elasticsearch node, over the timed region. CPU time per
     * document depends much less on the other work on the machine than documents/s do.
     */
    private record Load(double perSecond, double jvmCpuMsPerThousand, double esCpuMsPerThousand) {}

    /** CPU time so far in ms: [this JVM, the Elasticsearch node (a child process)]. */
    private static double[] cpuMs() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
        double es = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.elasticsearch"))
                .mapToDouble(p -> procCpuMs(p.pid())).sum();
        return new double[] {jvm, es};
    }

    /** utime + stime of {@code pid} from /proc, ms (clock ticks of 10 ms); 0 where /proc is not there. */
    private static double procCpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Load load(int docs, long startNanos, double[] cpuBefore) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double[] cpuAfter = cpuMs();
        return new Load(docs / seconds, (cpuAfter[0] - cpuBefore[0]) * 1000 / docs, (cpuAfter[1] - cpuBefore[1]) * 1000 / docs);
    }

    /** Documents/s of the raw loader into a fresh index. */
    private Load rawLoad(int round) throws Exception {
        String index = "bench-raw-" + (round + WARMUP);
        createIndex(index);
        List<EnrichedArticle> articles = articles("raw" + round);
        double[] cpuBefore = cpuMs();
        long start = System.nanoTime();
        List<Future<Integer>> sent = new ArrayList<>();
        for (int from = 0; from < articles.size(); from += bulkSettings.maxOperations()) {
            List<EnrichedArticle> slice = articles.subList(from, Math.min(articles.size(), from + bulkSettings.maxOperations()));
            sent.add(senders.submit(() -> bulk(index, slice)));
        }
        int total = 0;
        for (Future<Integer> f : sent) {
            total += f.get();
        }
        Load load = load(total, start, cpuBefore);
        deleteIndex(index);
        return load;
    }

    /** Documents/s of index-service from the first send to the last acknowledgement, into a fresh index. */
    private Load serviceLoad(int round) throws Exception {
        String index = "bench-svc-" + (round + WARMUP);
        createIndex(index);
        moveArticlesAlias(index);
        List<EnrichedArticle> articles = articles("svc" + round);
        List<byte[]> encoded = new ArrayList<>(articles.size());
        var serializer = Topics.ENRICHED_ARTICLES.valueSerde().serializer();
        for (EnrichedArticle article : articles) {
            encoded.add(serializer.serialize(Topics.ENRICHED_ARTICLES.name(), article));
        }
        // On the topic before the clock starts, but invisible to the service (read_committed) until the commit.
        loader.beginTransaction();
        for (int i = 0; i < articles.size(); i++) {
            loader.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), articles.get(i).getArticle().getArticleId(), encoded.get(i)));
        }
        loader.flush();
        long before = service.metrics().documents(Pending.Kind.ARTICLE, "indexed");
        double[] cpuBefore = cpuMs();
        long start = System.nanoTime();
        loader.commitTransaction();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long firstAck = 0;
        long done;
        while ((done = service.metrics().documents(Pending.Kind.ARTICLE, "indexed") - before) < articles.size()) {
            if (firstAck == 0 && done > 0) {
                firstAck = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("index-service did not acknowledge the round's documents within 10 minutes");
            }
            Thread.sleep(2);
        }
        lastFirstAckMs = firstAck == 0 ? 0 : (firstAck - start) / 1_000_000;
        Load load = load(articles.size(), start, cpuBefore);
        ItSupport.await(Duration.ofMinutes(1), () -> service.inFlight() == 0);
        deleteIndex(index);
        return load;
    }

    /** Topic to searchable, one article at a time, into a fresh index behind the alias: plain sends, then transactional ones. */
    private void latency() throws Exception {
        String index = "bench-latency";
        createIndex(index);
        moveArticlesAlias(index);
        latency("plain send", id -> producer.send(record(id)).get());
        latency("one transaction per article, as enrich-service's exactly-once writes", id -> {
            loader.beginTransaction();
            loader.send(record(id));
            loader.commitTransaction();
        });
        deleteIndex(index);
    }

    private interface Sender {
        void send(String id) throws Exception;
    }

    private static ProducerRecord<String, byte[]> record(String id) {
        byte[] value = Topics.ENRICHED_ARTICLES.valueSerde().serializer().serialize(Topics.ENRICHED_ARTICLES.name(),
                TestArticles.pontianak(id, 1, "latency"));
        return new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), id, value);
    }

    @SuppressWarnings("SystemOut")
    private void latency(String how, Sender sender) throws Exception {
        long[] micros = new long[LATENCY_SAMPLES];
        Random random = new Random(42);
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            // A random pause, so that samples do not lock onto the 1 s refresh (each send landing just after one).
            Thread.sleep(random.nextInt(1000));
            String id = "lat-" + UUID.randomUUID();
            long start = System.nanoTime();
            sender.send(id);
            while (es.count(c -> c.index("articles").query(q -> q.term(t -> t.field("article_id").value(id)))).count() != 1) {
                Thread.sleep(5);
            }
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("topic -> searchable, %s (refresh_interval 1s, flush interval %d ms): p50 %d ms, p99 %d ms, max %d ms, n=%d%n",
                how, bulkSettings.flushIntervalMs(), percentile(micros, 50) / 1000, percentile(micros, 99) / 1000,
                micros[micros.length - 1] / 1000, micros.length);
    }

    private static List<EnrichedArticle> articles(String tag) {
        String prefix = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<EnrichedArticle> out = new ArrayList<>(DOCS);
        for (int i = 0; i < DOCS; i++) {
            out.add(i % 2 == 0 ? TestArticles.pontianak(prefix + "-" + i, 1, "bench") : TestArticles.mempawah(prefix + "-" + i, 1, "bench"));
        }
        return out;
    }

    private int bulk(String index, List<EnrichedArticle> slice) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(slice.size() * 2048);
        Instant now = Instant.now();
        for (EnrichedArticle article : slice) {
            String id = article.getArticle().getArticleId();
            body.write(("{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"" + id + "\",\"version\":" + article.getArticle().getVersion()
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

    private void createIndex(String index) throws IOException {
        Request request = new Request("PUT", "/" + index);
        request.setEntity(new NByteArrayEntity(indexBody.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
        rest.performRequest(request);
        rest.performRequest(new Request("GET", "/_cluster/health/" + index + "?wait_for_status=green&timeout=60s"));
    }

    private void deleteIndex(String index) throws IOException {
        rest.performRequest(new Request("DELETE", "/" + index));
    }

    /** Points the {@code articles} alias (index-service's write target) at {@code index} only. */
    private void moveArticlesAlias(String index) throws IOException {
        Request request = new Request("POST", "/_aliases");
        String body = "{\"actions\":[{\"remove\":{\"index\":\"*\",\"alias\":\"articles\",\"must_exist\":false}},"
                + "{\"add\":{\"index\":\"" + index + "\",\"alias\":\"articles\",\"is_write_index\":true}}]}";
        request.setEntity(new NByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
        rest.performRequest(request);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void close() throws IOException {
        if (service != null) {
            service.close();
        }
        producer.close();
        loader.close();
        senders.shutdownNow();
        es._transport().close();
        rest.close();
    }
}
