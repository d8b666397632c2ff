package id.pantau.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePidFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripPidAndStartTime() {
        NodePidFile file = new NodePidFile(4242, 1_763_900_000_000L);

        assertThat(file.render()).isEqualTo("4242 1763900000000\n");
        assertThat(NodePidFile.parse(file.render())).isEqualTo(file);
    }

    @Test
    void shouldAcceptBarePidAsElasticsearchWritesIt() {
        assertThat(NodePidFile.parse("4242\n")).isEqualTo(new NodePidFile(4242, 0));
    }

    @Test
    void shouldReturnNullForGarbage() {
        assertThat(NodePidFile.parse("")).isNull();
        assertThat(NodePidFile.parse("abc")).isNull();
        assertThat(NodePidFile.parse("1 2 3")).isNull();
    }

    @Test
    void shouldFindLiveProcessOnlyWhenStartTimeMatches() {
        NodePidFile self = NodePidFile.of(ProcessHandle.current());
        NodePidFile recycled = new NodePidFile(self.pid(), self.startedEpochMillis() - 60_000);

        assertThat(self.liveProcess()).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());
        assertThat(recycled.liveProcess()).isEmpty();
    }

    @Test
    void shouldDeleteStalePidFileOfDeadProcessWithoutKillingAnything() {
        Path file = dir.resolve("launcher.pid");
        new NodePidFile(Long.MAX_VALUE - 1, 0).write(file);

        List<Long> killed = NodePidFile.killStale(List.of(file, dir.resolve("missing.pid")), null);

        assertThat(killed).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void shouldNotKillLiveProcessWhoseCommandLineLacksNodeDir() {
        Path file = dir.resolve("launcher.pid");
        NodePidFile.of(ProcessHandle.current()).write(file);

        List<Long> killed = NodePidFile.killStale(List.of(file), "/no/such/node/dir");

        assertThat(killed).isEmpty();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(file).doesNotExist();
    }
}
