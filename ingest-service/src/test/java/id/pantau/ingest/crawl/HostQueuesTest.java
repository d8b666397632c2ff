package id.pantau.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostQueuesTest {

    private static String hostOf(String url) {
        return url.substring(0, url.indexOf('/'));
    }

    @Test
    void shouldGroupByHostKeepingOrder() {
        Map<String, List<String>> queues = HostQueues.byHost(List.of("a/1", "b/1", "a/2", "c/1", "a/3"), HostQueuesTest::hostOf);

        assertThat(queues).containsExactly(
                Map.entry("a", List.of("a/1", "a/2", "a/3")), Map.entry("b", List.of("b/1")), Map.entry("c", List.of("c/1")));
    }

    @Test
    void shouldRunOneHostSequentiallyAndHostsInParallel() {
        Map<String, List<String>> done = new ConcurrentHashMap<>();
        CountDownLatch bothHostsStarted = new CountDownLatch(2);
        List<Boolean> ranInParallel = new CopyOnWriteArrayList<>();

        HostQueues.runAll(List.of("a/1", "b/1", "a/2"), HostQueuesTest::hostOf, url -> {
            if (url.endsWith("/1")) {
                bothHostsStarted.countDown();
                try {
                    // a/1 and b/1 can only both get here if the hosts run in parallel
                    ranInParallel.add(bothHostsStarted.await(2, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            done.computeIfAbsent(hostOf(url), h -> new CopyOnWriteArrayList<>()).add(url);
        });

        assertThat(ranInParallel).containsExactly(true, true);
        assertThat(done.get("a")).containsExactly("a/1", "a/2");
        assertThat(done.get("b")).containsExactly("b/1");
    }

    @Test
    void shouldReportFailuresAndGoOnWithTheHostsNextItems() {
        List<String> done = new CopyOnWriteArrayList<>();

        List<HostQueues.Failure<String>> failures = HostQueues.runAll(List.of("a/1", "a/2"), HostQueuesTest::hostOf, url -> {
            if (url.equals("a/1")) {
                throw new IllegalStateException("broker down");
            }
            done.add(url);
        });

        assertThat(failures).extracting(HostQueues.Failure::item).containsExactly("a/1");
        assertThat(failures.getFirst().error()).hasMessage("broker down");
        assertThat(done).containsExactly("a/2");
    }

    @Test
    void shouldSendHostToTheProducersPartition() {
        // Kafka's default partitioner: toPositive(murmur2(key bytes)) % partitions
        assertThat(CrawlWorker.partitionOf("kalbaronline.com", 6))
                .isEqualTo(org.apache.kafka.common.utils.Utils.toPositive(
                        org.apache.kafka.common.utils.Utils.murmur2("kalbaronline.com".getBytes(java.nio.charset.StandardCharsets.UTF_8))) % 6);
    }
}
