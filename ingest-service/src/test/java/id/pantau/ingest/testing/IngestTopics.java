package id.pantau.ingest.testing;

import id.pantau.ingest.crawl.CrawlWorker;
import id.pantau.localstack.LocalStack;
import id.pantau.schemas.Topic;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.RawArticle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What ingest's integration tests share: its topics on the local stack, the articles of records read
 * from {@code news.articles.raw}, and loopback hosts by crawl-request partition.
 */
public final class IngestTopics {

    private IngestTopics() {}

    /** Creates the topics ingest-service reads and writes (if missing) and returns the broker's bootstrap servers. */
    public static String create(LocalStack stack) {
        for (Topic<?, ?> topic : List.of(Topics.CRAWL_REQUESTS, Topics.SEEN_ARTICLES, Topics.RAW_ARTICLES, Topics.DEAD_LETTERS)) {
            stack.createTopic(topic.name(), topic.partitions(), topic.compacted());
        }
        return stack.kafkaBootstrapServers();
    }

    /** The article of a record read from {@code news.articles.raw}. */
    public static RawArticle rawArticle(ConsumerRecord<byte[], byte[]> record) {
        return Topics.RAW_ARTICLES.valueSerde().deserializer().deserialize(Topics.RAW_ARTICLES.name(), record.value());
    }

    /** The articles of records read from {@code news.articles.raw} whose canonical URL is one of {@code urls}, in order. */
    public static List<RawArticle> rawArticles(List<ConsumerRecord<byte[], byte[]>> records, Collection<String> urls) {
        return records.stream().map(IngestTopics::rawArticle).filter(article -> urls.contains(article.getCanonicalUrl())).toList();
    }

    /**
     * Two loopback addresses (two hosts to the crawler) whose host keys fall on the same crawl-request
     * partition: the first such pair met going from 127.0.0.{@code from} in steps of {@code step} (+1 or
     * -1), so that tests searching from different ends use different hosts.
     */
    public static List<String> twoLoopbackHostsOnOnePartition(int from, int step) {
        int partitions = Topics.CRAWL_REQUESTS.partitions();
        for (int i = from; i > 1 && i < 255; i += step) {
            for (int j = i + step; j > 1 && j < 255; j += step) {
                if (CrawlWorker.partitionOf("127.0.0." + i, partitions) == CrawlWorker.partitionOf("127.0.0." + j, partitions)) {
                    return List.of("127.0.0." + i, "127.0.0." + j);
                }
            }
        }
        throw new IllegalStateException("no two loopback hosts share a partition");
    }

    /**
     * Loopback addresses whose host keys fall on every crawl-request partition once: the first met for
     * each going from 127.0.0.{@code from} in steps of {@code step} (+1 or -1).
     */
    public static List<String> loopbackHostsOnePerPartition(int from, int step) {
        int partitions = Topics.CRAWL_REQUESTS.partitions();
        List<String> hosts = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = from; i >= 1 && i < 255 && covered.size() < partitions; i += step) {
            String host = "127.0.0." + i;
            if (covered.add(CrawlWorker.partitionOf(host, partitions))) {
                hosts.add(host);
            }
        }
        return hosts;
    }
}
