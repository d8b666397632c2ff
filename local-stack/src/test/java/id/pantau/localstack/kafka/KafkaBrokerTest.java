package id.pantau.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void shouldRenderSingleNodeConfigWithTransactionsOnOneBroker() {
        Properties p = KafkaBroker.brokerProperties(Path.of("/data/kafka"), 41000, 41001);

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:41001");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:41000,CONTROLLER://127.0.0.1:41001");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:41000");
        assertThat(p.getProperty("log.dirs")).isEqualTo("/data/kafka");
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
    }

    @Test
    void shouldProduceConfigKafkaAccepts() {
        KafkaConfig config = KafkaConfig.fromProps(KafkaBroker.brokerProperties(Path.of("/data/kafka"), 41000, 41001), false);

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.getShort("transaction.state.log.replication.factor")).isEqualTo((short) 1);
    }

    @Test
    void shouldRefuseAddressBeforeFirstStart() {
        KafkaBroker broker = new KafkaBroker(Path.of("/nonexistent"));

        assertThatThrownBy(broker::bootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the broker has not been started yet");
    }
}
