package id.pantau.launcher;

import id.pantau.localstack.EmbeddedLocalStack;
import id.pantau.localstack.LocalStack;
import id.pantau.schemas.TopicProvisioner;
import id.pantau.schemas.Topics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the pipeline on the embedded default: starts the local stack, creates the topics,
 * starts each service, and on {@link #close()} stops them in reverse order. Not thread-safe; the
 * launcher owns and closes it. Public for the end-to-end tests in sub-packages, which run it in their JVM.
 */
public final class PipelineRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);

    private final LauncherOptions options;
    private final List<PipelineService> services;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private @Nullable LocalStack stack;

    public PipelineRun(LauncherOptions options, List<PipelineService> services) {
        this.options = options;
        this.services = List.copyOf(services);
    }

    /**
     * Starts the stack and the services, in this order; on failure, what was started stays for {@link #close()}.
     *
     * @throws Exception when the stack or a service cannot start
     */
    public void start() throws Exception {
        long begin = System.nanoTime();
        LOG.info("stack=starting dataDir={}", options.dataDir().toAbsolutePath());
        if (options.demo()) {
            LOG.info("mode=demo source=\"local demo site on 127.0.0.x with made-up articles, one every {} s; the real outlets are not contacted\"",
                    options.demoInterval().toSeconds());
        }
        EmbeddedLocalStack stack = EmbeddedLocalStack.inDirectory(options.dataDir());
        started.push(stack);
        this.stack = stack;

        String bootstrap = stack.kafkaBootstrapServers();
        LOG.info("kafka=up bootstrap={} elapsedMs={}", bootstrap, millisSince(begin));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioner.ensureTopics(admin, Topics.ALL, (short) 1);
        }
        LOG.info("topics=ready names={}", Topics.ALL.stream().map(t -> t.name()).toList());

        LOG.info("elasticsearch=starting (about 45 s on a cold start)");
        LOG.info("elasticsearch=up uri={} elapsedMs={}", stack.elasticsearchUri(), millisSince(begin));

        startServices(stack);
        LOG.info("pipeline=running services={} source={} elapsedMs={} stop=Ctrl-C", services.stream().map(PipelineService::name).toList(),
                options.demo() ? "demo-site" : "outlets.yaml", millisSince(begin));
    }

    private void startServices(LocalStack stack) throws Exception {
        for (PipelineService service : services) {
            LOG.info("service={} state=starting", service.name());
            started.push(service.start(stack, options));
            LOG.info("service={} state=running", service.name());
        }
    }

    /**
     * The broker and node this run started, e.g. for a test that publishes to a topic itself.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("the pipeline run has not started its stack yet");
        }
        return stack;
    }

    /** Stops the services and the stack, newest first; logs, and does not throw, when one fails to stop. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("stop=failed component={} error={}", next.getClass().getSimpleName(), e.toString());
            }
        }
        LOG.info("pipeline=stopped");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
