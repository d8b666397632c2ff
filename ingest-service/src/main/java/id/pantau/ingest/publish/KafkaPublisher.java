package id.pantau.ingest.publish;

import id.pantau.schemas.DeadLetterHeaders;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.SeenArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka writer of ingest: raw articles ({@code news.articles.raw}, keyed by article id), their
 * seen-store records ({@code ingest.seen}, keyed by canonical URL), crawl requests
 * ({@code ingest.crawl.requests}, keyed by host) and dead letters ({@code news.dlq}). An article
 * and its seen-store record go in one Kafka transaction ({@link ArticleTransactions}), so a version is
 * published once even when the instance dies between the two; the rest goes through an idempotent
 * producer, acks=all. Each call waits for its acknowledgement. Thread-safe; {@link #close()} by the owner.
 */
public final class KafkaPublisher implements ArticlePublisher, CrawlRequestSink, AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final String SERVICE = "ingest";

    private final KafkaProducer<byte[], byte[]> producer;
    private final ArticleTransactions articles;

    /**
     * @param clientId the instance id: unique among running instances, since the article transactions'
     *     id is derived from it
     */
    public KafkaPublisher(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            this.articles = new ArticleTransactions(bootstrapServers, clientId);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    @Override
    public void publish(RawArticle article, SeenArticle seen) {
        String rawTopic = Topics.RAW_ARTICLES.name();
        byte[] value = Topics.RAW_ARTICLES.valueSerde().serializer().serialize(rawTopic, article);
        String seenTopic = Topics.SEEN_ARTICLES.name();
        byte[] seenValue = Topics.SEEN_ARTICLES.valueSerde().serializer().serialize(seenTopic, seen);
        articles.write(List.of(new ProducerRecord<>(rawTopic, utf8(article.getArticleId()), value),
                new ProducerRecord<>(seenTopic, utf8(seen.getCanonicalUrl()), seenValue)));
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        DeadLetterHeaders.Builder builder = DeadLetterHeaders.builder(SERVICE, letter.reason(), letter.message()).url(letter.url());
        if (letter.source() != null) {
            builder.source(letter.source().topic(), letter.source().partition(), letter.source().offset());
        }
        Headers headers = builder.build();
        if (letter.exception() != null) {
            headers.add(DeadLetterHeaders.EXCEPTION, utf8(letter.exception()));
        }
        String topic = Topics.DEAD_LETTERS.name();
        await(topic, letter.url(), producer.send(new ProducerRecord<>(topic, null, utf8(letter.host()), utf8(letter.url()), headers)));
    }

    @Override
    public void undecodable(byte[] key, byte[] value, String reason, String message, DeadLetter.Source source) {
        Headers headers = DeadLetterHeaders.builder(SERVICE, reason, message).source(source.topic(), source.partition(), source.offset()).build();
        String topic = Topics.DEAD_LETTERS.name();
        await(topic, reason, producer.send(new ProducerRecord<>(topic, null, key, value, headers)));
    }

    @Override
    public void request(String host, CrawlRequest request) {
        String topic = Topics.CRAWL_REQUESTS.name();
        byte[] value = Topics.CRAWL_REQUESTS.valueSerde().serializer().serialize(topic, request);
        await(topic, host, producer.send(new ProducerRecord<>(topic, utf8(host), value)));
    }

    private static void await(String topic, String key, Future<RecordMetadata> ack) {
        try {
            ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishException(topic, key, e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException(topic, key, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(topic, key, e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        articles.close();
        producer.close(Duration.ofSeconds(10));
    }
}
