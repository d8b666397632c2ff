package id.pantau.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class NodeUserTest {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @Test
    void shouldSwitchUserThenSetParentDeathSignalWhenDroppingRoot() {
        NodeUser user = new NodeUser("nobody", "nogroup", SETPRIV);

        assertThat(user.dropsPrivileges()).isTrue();
        assertThat(user.commandPrefix()).containsExactly("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup",
                "--init-groups", "--pdeathsig", "KILL");
    }

    @Test
    void shouldOnlySetParentDeathSignalWhenKeepingUser() {
        NodeUser user = new NodeUser(null, null, SETPRIV);

        assertThat(user.dropsPrivileges()).isFalse();
        assertThat(user.commandPrefix()).containsExactly("/usr/bin/setpriv", "--pdeathsig", "KILL");
    }

    @Test
    void shouldStartDirectlyWithoutSetprivWhenKeepingUser() {
        assertThat(new NodeUser(null, null, null).commandPrefix()).isEmpty();
    }

    @Test
    void shouldRefuseToDropRootWithoutSetpriv() {
        NodeUser user = new NodeUser("nobody", "nogroup", null);

        assertThatThrownBy(user::commandPrefix)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setpriv, which is not installed (package util-linux)");
    }

    @Test
    void shouldRequireUserAndGroupTogether() {
        assertThatThrownBy(() -> new NodeUser("nobody", null, SETPRIV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user and group are set together, got user=nobody group=null");
    }

    @Test
    void shouldRejectNodeDirBelowDirectoryOthersCannotEnter() throws Exception {
        Path closed = Files.createTempDirectory("pantau-closed-");
        try {
            Files.setPosixFilePermissions(closed,
                    PosixFilePermissions.fromString("rwx------"));
            NodeUser user = new NodeUser("nobody", "nogroup", SETPRIV);

            assertThatThrownBy(() -> user.checkReachable(closed.resolve("node")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the Elasticsearch node runs as nobody, who cannot enter " + closed);
        } finally {
            Files.delete(closed);
        }
    }
}
