package id.pantau.localstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseSecondHolderUntilFirstReleases() {
        Path file = dir.resolve("x.lock");

        DirectoryLock first = DirectoryLock.tryAcquire(file);
        DirectoryLock whileHeld = DirectoryLock.tryAcquire(file);
        first.close();
        DirectoryLock afterRelease = DirectoryLock.tryAcquire(file);

        assertThat(first).isNotNull();
        assertThat(whileHeld).isNull();
        assertThat(afterRelease).isNotNull();
        afterRelease.close();
    }

    @Test
    void shouldAllowReleaseFromAnotherThread() throws Exception {
        Path file = dir.resolve("y.lock");
        DirectoryLock lock = DirectoryLock.acquire(file);

        Thread closer = new Thread(lock::close);
        closer.start();
        closer.join();

        DirectoryLock again = DirectoryLock.tryAcquire(file);
        assertThat(again).isNotNull();
        again.close();
    }
}
