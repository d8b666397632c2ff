package id.pantau.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.launcher.LauncherOptions.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void shouldDefaultToDataDirectoryInTheWorkingDirectory() {
        LauncherOptions options = LauncherOptions.parse(List.of());

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("data"), Source.AUTO, Duration.ofSeconds(10), false));
        assertThat(options.demo()).isFalse();
    }

    @Test
    void shouldReadDataDir() {
        LauncherOptions options = LauncherOptions.parse(List.of("--data-dir", "/tmp/p"));

        assertThat(options).isEqualTo(LauncherOptions.of(Path.of("/tmp/p")));
    }

    @Test
    void shouldReadDemoWithDefaultInterval() {
        LauncherOptions options = LauncherOptions.parse(List.of("--demo"));

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("data"), Source.DEMO, Duration.ofSeconds(10), false));
        assertThat(options.demo()).isTrue();
    }

    @Test
    void shouldReadDemoInterval() {
        LauncherOptions options = LauncherOptions.parse(List.of("--demo", "--demo-interval", "3", "--data-dir", "d"));

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("d"), true, Duration.ofSeconds(3), false));
    }

    @Test
    void shouldRejectDemoIntervalOutOfRange() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--demo", "--demo-interval", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--demo-interval needs whole seconds in 1..3600, got '0'");
    }

    @Test
    void shouldRejectDemoIntervalWithoutValue() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--demo", "--demo-interval")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--demo-interval needs whole seconds in 1..3600, got ''");
    }

    @Test
    void shouldReadDemoIntervalWithoutDemoForTheFallback() {
        LauncherOptions options = LauncherOptions.parse(List.of("--demo-interval", "5"));

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("data"), Source.AUTO, Duration.ofSeconds(5), false));
    }

    @Test
    void shouldReadLive() {
        LauncherOptions options = LauncherOptions.parse(List.of("--live"));

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("data"), Source.LIVE, Duration.ofSeconds(10), false));
        assertThat(options.demo()).isFalse();
    }

    @Test
    void shouldRejectDemoIntervalWithLive() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--live", "--demo-interval", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--demo-interval does not apply with --live (the demo site never runs)");
    }

    @Test
    void shouldRejectDemoTogetherWithLive() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--demo", "--live")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--demo and --live exclude each other: give one of them, or neither to probe the outlets");
    }

    @Test
    void shouldRejectUnknownArgumentNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--offline")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown argument '--offline': expected one of --data-dir DIR, --demo, --live, --demo-interval SECONDS, --help");
    }

    @Test
    void shouldRejectDataDirWithoutValue() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--data-dir")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--data-dir needs a directory, e.g. --data-dir ./data");
    }
}
