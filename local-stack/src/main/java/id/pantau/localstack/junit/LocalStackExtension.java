package id.pantau.localstack.junit;

import id.pantau.localstack.LocalStack;
import id.pantau.localstack.LocalStacks;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalStack} parameter (in {@code @BeforeAll}, {@code @BeforeEach} or test
 * methods). All test classes of one run share one stack: it lives in the root extension context's
 * store, so JUnit closes it once, at the end of the run (a JVM shutdown hook closes it if the run is
 * killed). Its broker and node start lazily, on the first call that needs them.
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class ArticleIndexingIT {
 *     @BeforeAll
 *     static void topics(LocalStack stack) {
 *         stack.createTopic("news.articles.enriched", 3, false);
 *     }
 * }
 * }</pre>
 *
 * <p>The implementation follows {@code pantau.localstack} (system property or env): {@code embedded},
 * {@code testcontainers} or {@code auto} (default). Thread-safe.
 */
public final class LocalStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sharedStack(extensionContext);
    }

    /** The stack shared by the whole run, created on first use. */
    public static LocalStack sharedStack(ExtensionContext context) {
        // The root store closes AutoCloseable values when the run ends (JUnit 5.13+).
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalStack.class.getName(), key -> LocalStacks.forTests(), LocalStack.class);
    }
}
