package id.pantau.localstack;

import id.pantau.localstack.testcontainers.TestcontainersLocalStack;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the {@link LocalStack} the environment asks for ({@link LocalStackMode}). Stateless. */
public final class LocalStacks {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStacks.class);

    private LocalStacks() {}

    /**
     * A stack for tests: temporary data, mode from {@code pantau.localstack} (default auto: Testcontainers
     * only where a Docker engine answers).
     */
    public static LocalStack forTests() {
        LocalStackMode requested = LocalStackMode.fromEnvironment();
        LocalStackMode mode = requested.resolve(requested == LocalStackMode.AUTO && TestcontainersLocalStack.isDockerAvailable());
        LOG.info("local stack chosen mode={} requested={}", mode.name().toLowerCase(Locale.ROOT),
                requested.name().toLowerCase(Locale.ROOT));
        return mode == LocalStackMode.TESTCONTAINERS ? new TestcontainersLocalStack() : EmbeddedLocalStack.temporary();
    }
}
