package id.pantau.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionLeaseTest {

    private final PartitionLease lease = new PartitionLease(new TopicPartition("ingest.crawl.requests", 4));
    private final List<String> written = new CopyOnWriteArrayList<>();

    @Test
    void shouldWriteWhileHeld() {
        lease.write(() -> written.add("artikel"));

        assertThat(written).containsExactly("artikel");
        assertThat(lease.isHeld()).isTrue();
    }

    // issue #3: a request of a revoked partition wrote its outcome while the partition's next owner processed it again
    @Test
    void shouldRefuseWritesOnceRevoked() {
        lease.revoke();

        assertThatThrownBy(() -> lease.write(() -> written.add("artikel"))).isInstanceOf(PartitionRevokedException.class)
                .hasMessage("crawl-request partition ingest.crawl.requests-4 is no longer owned here: write dropped");
        assertThat(written).isEmpty();
        assertThat(lease.isHeld()).isFalse();
        assertThat(lease.awaitWrites(Duration.ZERO)).isTrue();
    }

    @Test
    void shouldTellAWriteUnderWayAtRevocationUntilItEnds() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread writer = Thread.ofVirtual().start(() -> lease.write(() -> {
            inside.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add("artikel");
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        lease.revoke();

        assertThat(lease.awaitWrites(Duration.ZERO)).as("the write begun before the revocation is under way").isFalse();
        assertThatThrownBy(() -> lease.write(() -> written.add("permintaan ulang"))).isInstanceOf(PartitionRevokedException.class);
        finish.countDown();
        writer.join();
        assertThat(lease.awaitWrites(Duration.ZERO)).isTrue();
        assertThat(written).containsExactly("artikel");
    }

    @Test
    void shouldTellAWriteUnderWayOfAnyOfSeveralRevokedLeases() throws Exception {
        PartitionLease idle = new PartitionLease(new TopicPartition("ingest.crawl.requests", 5));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread writer = Thread.ofVirtual().start(() -> lease.write(() -> {
            inside.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        idle.revoke();
        lease.revoke();

        assertThat(PartitionLease.awaitWrites(List.of(idle, lease), Duration.ZERO)).isFalse();
        finish.countDown();
        writer.join();
        assertThat(PartitionLease.awaitWrites(List.of(idle, lease), Duration.ZERO)).isTrue();
    }
}
