package id.pantau.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.localstack.internal.MoreFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs its own broker (not the shared one) because it stops and restarts it. */
class KafkaBrokerIT {

    private static Path dir;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        dir = MoreFiles.createReadableTempDirectory("pantau-kafka-it-");
        broker = new KafkaBroker(dir);
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        MoreFiles.deleteRecursively(dir);
    }

    @Test
    void shouldShowOnlyCommittedRecordsToReadCommittedConsumer() throws Exception {
        createTopic("tx-test");

        try (KafkaProducer<String, String> producer = transactionalProducer("tx-test-producer")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-test", "k1", "committed-1"));
            producer.send(new ProducerRecord<>("tx-test", "k2", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-test", "k3", "aborted-3"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-test", "k4", "committed-4"));
            producer.commitTransaction();
        }

        assertThat(readAll("tx-test", "read_committed", 3))
                .containsExactly("committed-1", "committed-2", "committed-4");
        assertThat(readAll("tx-test", "read_uncommitted", 4))
                .containsExactly("committed-1", "committed-2", "aborted-3", "committed-4");
    }

    @Test
    void shouldKeepRecordsAndAddressWhenStoppedAndStartedAgain() throws Exception {
        createTopic("restart-test");
        String before = broker.bootstrapServers();
        try (KafkaProducer<String, String> producer = transactionalProducer("restart-test-producer")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("restart-test", "a", "before-restart"));
            producer.commitTransaction();
        }

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        assertThat(broker.bootstrapServers()).isEqualTo(before);
        assertThat(readAll("restart-test", "read_committed", 1)).containsExactly("before-restart");
    }

    private static void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String topic, String isolation, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
                if (values.size() >= expected) {
                    // One more poll shows that nothing beyond the expected records arrives.
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                    break;
                }
            }
        }
        return values;
    }
}
