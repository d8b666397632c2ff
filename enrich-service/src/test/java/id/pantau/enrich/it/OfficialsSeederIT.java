package id.pantau.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.enrich.tagger.official.OfficialSeed;
import id.pantau.enrich.topology.OfficialsSeeder;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Official;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seeding ref.officials on a real broker: missing officials are produced, an edit on the topic is kept. */
@ExtendWith(LocalStackExtension.class)
class OfficialsSeederIT {

    @Test
    void shouldProduceOnlyMissingSeedsAndKeepEditsMadeOnTheTopic(LocalStack stack) throws Exception {
        stack.createTopic(Topics.OFFICIALS.name(), Topics.OFFICIALS.partitions(), Topics.OFFICIALS.compacted());
        // ids unique to this run: the broker is shared with the other integration tests of the module
        String run = "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Official> seeds = OfficialSeed.loadDefault().stream()
                .map(o -> Official.newBuilder(o).setId(o.getId() + run).build())
                .toList();
        Official edited = Official.newBuilder(seeds.get(0)).setAliases(List.of("Pak Edit")).build();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), Topics.OFFICIALS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.OFFICIALS.name(), edited.getId(), edited)).get();
        }

        int first = OfficialsSeeder.seedMissing(stack.kafkaBootstrapServers(), seeds);
        int second = OfficialsSeeder.seedMissing(stack.kafkaBootstrapServers(), seeds);

        assertThat(first).isEqualTo(seeds.size() - 1);
        assertThat(second).isZero();
        Map<String, Official> latest = new HashMap<>();
        EnrichPipelineIT.readUntil(stack, Topics.OFFICIALS.name(), seeds.size(),
                        r -> new String(r.key(), StandardCharsets.UTF_8).endsWith(run))
                .forEach(r -> latest.put(new String(r.key(), StandardCharsets.UTF_8),
                        Topics.OFFICIALS.valueSerde().deserializer().deserialize(r.topic(), r.value())));
        assertThat(latest).hasSize(seeds.size());
        assertThat(latest.get(edited.getId()).getAliases()).containsExactly("Pak Edit");
    }
}
