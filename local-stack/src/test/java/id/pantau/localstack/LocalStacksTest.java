package id.pantau.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalStacksTest {

    private final String before = System.getProperty(LocalStackMode.KEY);

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(LocalStackMode.KEY);
        } else {
            System.setProperty(LocalStackMode.KEY, before);
        }
    }

    @Test
    void shouldCreateEmbeddedStackInTemporaryDirectoryWhenForced() {
        System.setProperty(LocalStackMode.KEY, "embedded");

        LocalStack stack = LocalStacks.forTests();
        Path dir = ((EmbeddedLocalStack) stack).baseDir();
        stack.close();

        assertThat(stack).isInstanceOf(EmbeddedLocalStack.class);
        assertThat(dir.getFileName().toString()).startsWith(EmbeddedLocalStack.TEMP_PREFIX);
        assertThat(dir).doesNotExist();
    }

    @Test
    void shouldRejectUnknownModeBeforeStartingAnything() {
        System.setProperty(LocalStackMode.KEY, "podman");

        assertThatThrownBy(LocalStacks::forTests)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pantau.localstack: expected one of [embedded, testcontainers, auto], got 'podman'");
    }
}
