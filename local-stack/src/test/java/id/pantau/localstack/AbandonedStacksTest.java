package id.pantau.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.localstack.internal.DirectoryLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbandonedStacksTest {

    @TempDir
    Path tmp;

    @Test
    void shouldLeaveStackAloneWhoseLockFileIsYoungerThanTheCutoff() throws Exception {
        Path young = Files.createDirectories(tmp.resolve("pantau-stack-9"));
        Files.writeString(young.resolve("stack.lock"), "");

        assertThat(AbandonedStacks.sweep(tmp, "pantau-stack-")).isEmpty();
        assertThat(young).exists();
    }

    @Test
    void shouldDeleteOnlyStackDirectoriesNoLiveProcessHolds() throws Exception {
        Path abandoned = Files.createDirectories(tmp.resolve("pantau-stack-1/kafka"));
        Files.writeString(tmp.resolve("pantau-stack-1/stack.lock"), "");
        Path live = Files.createDirectories(tmp.resolve("pantau-stack-2"));
        Path notAStack = Files.createDirectories(tmp.resolve("pantau-stack-3"));
        Path otherPrefix = Files.createDirectories(tmp.resolve("other-1"));
        Files.writeString(otherPrefix.resolve("stack.lock"), "");

        try (DirectoryLock held = DirectoryLock.acquire(live.resolve("stack.lock"))) {
            assertThat(AbandonedStacks.sweep(tmp, "pantau-stack-", Instant.now().plusSeconds(60)))
                    .containsExactly(tmp.resolve("pantau-stack-1"));
        }

        assertThat(abandoned.getParent()).doesNotExist();
        assertThat(live).exists();
        assertThat(notAStack).exists();
        assertThat(otherPrefix).exists();
    }
}
