package id.pantau.enrich;

import id.pantau.enrich.config.EnrichConfig;
import id.pantau.enrich.config.EnrichConfigLoader;
import id.pantau.enrich.tagger.official.OfficialSeed;
import id.pantau.enrich.topology.EnrichComponents;
import id.pantau.enrich.topology.EnrichTopology;
import id.pantau.enrich.topology.OfficialsSeeder;
import id.pantau.schemas.TopicProvisioner;
import id.pantau.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** enrich-service: loads config, creates topics, seeds ref.officials, starts the Kafka Streams topology. */
public final class EnrichApp {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);

    private EnrichApp() {}

    /** {@code [--config <file>]}; runs until the JVM is stopped. */
    public static void main(String[] args) throws Exception {
        @Nullable Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("usage: EnrichApp [--config <file>]; unexpected argument '" + args[i] + "'");
            }
        }
        AutoCloseable app = start(EnrichConfigLoader.load(configFile, System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                LOG.error("event=shutdown_failed error=\"{}\"", e.toString());
            } finally {
                stopped.countDown();
            }
        }, "enrich-shutdown"));
        stopped.await();
    }

    /**
     * Creates the topics enrich-service uses, seeds ref.officials (when enabled) and starts the
     * topology. The returned handle stops the streams and releases the taggers; the caller closes it.
     */
    public static AutoCloseable start(EnrichConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin,
                    List.of(Topics.RAW_ARTICLES, Topics.OFFICIALS, Topics.ENRICHED_ARTICLES, Topics.ALERTS, Topics.DEAD_LETTERS),
                    (short) config.kafka().replicationFactor());
        }
        if (config.officials().seedEnabled()) {
            OfficialsSeeder.seedMissing(config.kafka().bootstrapServers(), OfficialSeed.loadDefault());
        }
        EnrichComponents components = EnrichComponents.standard(config);
        Topology topology = EnrichTopology.build(config, components);
        KafkaStreams streams = new KafkaStreams(topology, EnrichTopology.streamsProperties(config));
        streams.setStateListener((now, before) -> LOG.info("event=streams_state from={} to={}", before, now));
        streams.start();
        LOG.info("event=enrich_started application={} bootstrap={}", config.kafka().applicationId(), config.kafka().bootstrapServers());
        return () -> {
            streams.close(Duration.ofSeconds(30));
            components.close();
            LOG.info("event=enrich_stopped");
        };
    }
}
