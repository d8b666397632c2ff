package id.pantau.ingest.seen;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.SeenArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seen-store's tailer on a {@link MockConsumer} of {@code ingest.seen}. Poll tasks run on the
 * tailer's thread at the start of each poll, so each test fixes the order of failures and records.
 */
class KafkaSeenStoreTest {

    private static final String TOPIC = Topics.SEEN_ARTICLES.name();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final String URL = "https://kalbaronline.com/2024/11/18/delapan-dugaan-pelanggaran-netralitas-di-pemprov-kalbar/";
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(10);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final KafkaSeenStore store = new KafkaSeenStore(consumer, "test", Duration.ZERO);
    private final SeenArticle seen = SeenArticle.newBuilder().setCanonicalUrl(URL).setArticleId("a1").setContentHash("h1").setVersion(1)
            .setPublishedAt(Instant.parse("2024-11-18T09:40:00Z")).build();

    KafkaSeenStoreTest() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        // the topic's end is after the one record: the store counts as loaded only once it has read it
        consumer.updateEndOffsets(Map.of(P0, 1L));
    }

    @AfterEach
    void close() {
        store.close();
    }

    // A failed poll used to be caught and logged with no test that the tailer reads on afterwards
    @Test
    void shouldKeepReadingAfterAFailedPoll() {
        consumer.schedulePollTask(() -> consumer.setPollException(new KafkaException("broker not available")));
        consumer.schedulePollTask(() -> consumer.addRecord(record(seen)));

        store.load(LOAD_TIMEOUT);

        assertThat(store.get(URL)).isEqualTo(seen);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void shouldCountFailedPollsInARowUntilOneSucceeds() {
        AtomicInteger countedBeforeThirdPoll = new AtomicInteger(-1);
        consumer.schedulePollTask(() -> consumer.setPollException(new KafkaException("broker not available")));
        consumer.schedulePollTask(() -> consumer.setPollException(new KafkaException("broker not available")));
        consumer.schedulePollTask(() -> {
            countedBeforeThirdPoll.set(store.failedPollsInARow());
            consumer.addRecord(record(seen));
        });

        store.load(LOAD_TIMEOUT);

        assertThat(countedBeforeThirdPoll).hasValue(2);
        assertThat(store.failedPollsInARow()).isZero();
        assertThat(store.get(URL)).isEqualTo(seen);
    }

    private static ConsumerRecord<String, byte[]> record(SeenArticle article) {
        byte[] value = Topics.SEEN_ARTICLES.valueSerde().serializer().serialize(TOPIC, article);
        return new ConsumerRecord<>(TOPIC, 0, 0L, article.getCanonicalUrl(), value);
    }
}
