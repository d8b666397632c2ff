package id.pantau.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void shouldDefaultToDataDirectoryInTheWorkingDirectory() {
        LauncherOptions options = LauncherOptions.parse(List.of());

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("data"), false));
    }

    @Test
    void shouldReadDataDir() {
        LauncherOptions options = LauncherOptions.parse(List.of("--data-dir", "/tmp/p"));

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("/tmp/p"), false));
    }

    @Test
    void shouldRejectUnknownArgumentNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--demo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown argument '--demo': expected one of --data-dir DIR, --help");
    }

    @Test
    void shouldRejectDataDirWithoutValue() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--data-dir")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--data-dir needs a directory, e.g. --data-dir ./data");
    }
}
