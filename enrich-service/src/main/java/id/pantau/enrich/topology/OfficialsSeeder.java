package id.pantau.enrich.topology;

import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Official;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the shipped officials to ref.officials when their id is not there yet, so an edit
 * made on the topic is never overwritten by the shipped file. Stateless.
 */
public final class OfficialsSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(OfficialsSeeder.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private OfficialsSeeder() {}

    /**
     * Reads the ids on ref.officials and produces the missing seeds.
     *
     * @return how many officials were produced
     * @throws IllegalStateException when the broker does not answer within 30 s
     */
    public static int seedMissing(String bootstrapServers, List<Official> seeds) {
        Set<String> present = presentIds(bootstrapServers);
        List<Official> missing = seeds.stream().filter(o -> !present.contains(o.getId())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), Topics.OFFICIALS.valueSerde().serializer())) {
            for (Official official : missing) {
                producer.send(new ProducerRecord<>(Topics.OFFICIALS.name(), official.getId(), official)).get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot seed " + Topics.OFFICIALS.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding " + Topics.OFFICIALS.name(), e);
        }
        LOG.info("event=officials_seeded topic={} produced={} present={}", Topics.OFFICIALS.name(), missing.size(), present.size());
        return missing.size();
    }

    private static Set<String> presentIds(String bootstrapServers) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> ids = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OFFICIALS.name(), READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.OFFICIALS.name() + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        ids.remove(record.key());
                    } else {
                        ids.add(record.key());
                    }
                }
            }
        }
        return ids;
    }
}
