package id.pantau.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.localstack.internal.MoreFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Kafka-only checks of the embedded stack's own lifecycle (its own stacks, not the shared one). */
class EmbeddedLocalStackIT {

    @Test
    void shouldResumeTopicsAndRecordsWhenReopenedOnTheSameDirectory() throws Exception {
        Path dir = MoreFiles.createReadableTempDirectory("pantau-stack-resume-it-");
        try {
            try (EmbeddedLocalStack first = EmbeddedLocalStack.inDirectory(dir)) {
                first.createTopic("ingest.seen.it", 3, true);
                send(first.kafkaBootstrapServers(), "ingest.seen.it", "https://example.id/a", "v1");
            }

            try (EmbeddedLocalStack second = EmbeddedLocalStack.inDirectory(dir)) {
                second.createTopic("ingest.seen.it", 3, true);  // exists already: no error

                assertThat(topicNames(second.kafkaBootstrapServers())).contains("ingest.seen.it");
                assertThat(readAll(second.kafkaBootstrapServers(), "ingest.seen.it", 3, 1)).containsExactly("v1");
            }
        } finally {
            MoreFiles.deleteRecursively(dir);
        }
    }

    @Test
    void shouldRefuseSecondStackOnDirectoryInUse() {
        Path dir = MoreFiles.createReadableTempDirectory("pantau-stack-busy-it-");
        try (EmbeddedLocalStack first = EmbeddedLocalStack.inDirectory(dir)) {
            assertThatThrownBy(() -> EmbeddedLocalStack.inDirectory(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the local stack directory " + dir + " is in use by another running stack");
        } finally {
            MoreFiles.deleteRecursively(dir);
        }
    }

    @Test
    void shouldKeepAddressAndRecordsAcrossStopKafkaAndStartKafka() throws Exception {
        try (EmbeddedLocalStack stack = EmbeddedLocalStack.temporary()) {
            stack.createTopic("news.alerts.it", 1, false);
            String before = stack.kafkaBootstrapServers();
            send(before, "news.alerts.it", "alert-1", "rule-asn-neutrality");

            stack.stopKafka();
            assertThat(stack.kafkaBroker().isRunning()).isFalse();
            stack.startKafka();

            assertThat(stack.kafkaBootstrapServers()).isEqualTo(before);
            stack.createTopic("news.alerts.it", 1, false);
            assertThat(readAll(before, "news.alerts.it", 1, 1)).containsExactly("rule-asn-neutrality");
        }
    }

    @Test
    void shouldDeleteTemporaryDirectoryOnClose() {
        EmbeddedLocalStack stack = EmbeddedLocalStack.temporary();
        stack.kafkaBootstrapServers();
        Path dir = stack.baseDir();

        stack.close();

        assertThat(dir).doesNotExist();
        assertThatThrownBy(stack::kafkaBootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the local stack is closed");
    }

    private static void send(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<String> topicNames(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int partitions, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
