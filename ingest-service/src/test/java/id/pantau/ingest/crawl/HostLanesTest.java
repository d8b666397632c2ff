package id.pantau.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.ingest.fetch.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostLanesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A work item: its host, its name, the partition it came from; one named "revisit..." goes after the others. */
    private record Job(String host, String name, int partition) {}

    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final Set<Integer> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();
    private HostLanes<Job> lanes = lanes(duration -> pauses.add(duration));

    private HostLanes<Job> lanes(Sleeper sleeper) {
        Consumer<Job> work = job -> {
            if (running.computeIfAbsent(job.host(), h -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.add(job.name());
            }
            try {
                CountDownLatch gate = gates.get(job.name());
                if (gate != null && !gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("gate of " + job.name() + " not opened");
                }
                AtomicInteger left = failuresLeft.get(job.name());
                if (left != null && left.getAndDecrement() > 0) {
                    throw new IllegalStateException("cannot publish " + job.name());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.get(job.host()).decrementAndGet();
            }
        };
        return new HostLanes<>(Job::host, job -> !job.name().startsWith("revisit"), work, job -> revoked.contains(job.partition()),
                job -> finished.add(job.name()), sleeper, Duration.ofSeconds(1), Duration.ofSeconds(8));
    }

    @AfterEach
    void stop() {
        gates.values().forEach(CountDownLatch::countDown);
        lanes.stop();
        assertThat(lanes.awaitIdle(job -> true, WAIT)).isTrue();
    }

    private CountDownLatch gate(String name) {
        CountDownLatch gate = new CountDownLatch(1);
        gates.put(name, gate);
        return gate;
    }

    private void awaitRunning(String host) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (running.getOrDefault(host, new AtomicInteger()).get() == 0) {
            assertThat(System.nanoTime()).as(host + " running").isLessThan(end);
            Thread.sleep(5);
        }
    }

    private void awaitFinished(String... names) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!finished.containsAll(List.of(names))) {
            assertThat(System.nanoTime()).as("finished " + List.of(names) + ", got " + finished).isLessThan(end);
            Thread.sleep(5);
        }
    }

    // issue #3: a slow host used to hold up every other host of the polled batch
    @Test
    void shouldFinishOtherHostsItemsWhileOneHostIsStuck() throws Exception {
        CountDownLatch stuck = gate("a1");
        lanes.submit(new Job("a", "a1", 0));
        lanes.submit(new Job("a", "a2", 0));
        lanes.submit(new Job("b", "b1", 0));
        lanes.submit(new Job("c", "c1", 1));

        awaitFinished("b1", "c1");
        assertThat(finished).doesNotContain("a1", "a2");

        stuck.countDown();
        awaitFinished("a1", "a2");
        assertThat(finished.indexOf("a1")).isLessThan(finished.indexOf("a2"));
    }

    @Test
    void shouldRunOneHostsItemsOneAtATimeInOrder() throws Exception {
        CountDownLatch first = gate("a1");
        for (int i = 1; i <= 20; i++) {
            lanes.submit(new Job("a", "a" + i, 0));
        }
        first.countDown();

        awaitFinished("a20");
        assertThat(finished).containsExactly(IntStream.rangeClosed(1, 20).mapToObj(i -> "a" + i).toArray(String[]::new));
        assertThat(overlaps).isEmpty();
    }

    // issue #3: a new article waited in its host's lane behind every revisit queued before it
    @Test
    void shouldRunItemsThatGoFirstBeforeQueuedRevisitsInOrderWithinEach() throws Exception {
        CountDownLatch first = gate("a1");
        lanes.submit(new Job("a", "a1", 0));
        lanes.submit(new Job("a", "revisit1", 0));
        lanes.submit(new Job("a", "revisit2", 0));
        lanes.submit(new Job("a", "a2", 0));
        lanes.submit(new Job("a", "revisit3", 0));
        lanes.submit(new Job("a", "a3", 0));
        first.countDown();

        awaitFinished("a1", "a2", "a3", "revisit1", "revisit2", "revisit3");

        assertThat(finished).containsExactly("a1", "a2", "a3", "revisit1", "revisit2", "revisit3");
        assertThat(overlaps).isEmpty();
    }

    @Test
    void shouldDropAndStopQueuedRevisitsToo() throws Exception {
        CountDownLatch runningA1 = gate("a1");
        lanes.submit(new Job("a", "a1", 0));
        lanes.submit(new Job("a", "revisit1", 0));
        lanes.submit(new Job("a", "revisit2", 1));
        lanes.submit(new Job("a", "a2", 0));
        awaitRunning("a");

        int dropped = lanes.drop(job -> job.partition() == 0);
        int stopped = lanes.stop();

        assertThat(dropped).as("revisit1 and a2").isEqualTo(2);
        assertThat(stopped).as("revisit2").isEqualTo(1);
        runningA1.countDown();
        assertThat(lanes.awaitIdle(job -> true, WAIT)).isTrue();
        assertThat(finished).containsExactly("a1");
    }

    @Test
    void shouldEndALaneWhenItsQueueIsEmptyAndStartItAgainForANewItem() throws Exception {
        lanes.submit(new Job("a", "a1", 0));
        awaitFinished("a1");
        long end = System.nanoTime() + WAIT.toNanos();
        while (lanes.activeLanes() > 0) {
            assertThat(System.nanoTime()).as("the idle lane ended").isLessThan(end);
            Thread.sleep(5);
        }

        lanes.submit(new Job("a", "a2", 0));

        awaitFinished("a2");
    }

    // issue #3: a publish failure used to send the whole polled batch back to be read again
    @Test
    void shouldRunAFailedItemAgainInItsLaneAfterPausesThatDoubleUpToTheMaximumBeforeItsLaterItems() throws Exception {
        failuresLeft.put("a1", new AtomicInteger(6));
        lanes.submit(new Job("a", "a1", 0));
        lanes.submit(new Job("a", "a2", 0));

        awaitFinished("a1", "a2");

        assertThat(finished).containsExactly("a1", "a2");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(8), Duration.ofSeconds(8));
    }

    @Test
    void shouldGiveUpAFailingItemOfARevokedPartitionCuttingItsPauseShort() throws Exception {
        lanes = lanes(Sleeper.SYSTEM); // a real pause of one second and more, cut short by drop
        failuresLeft.put("a1", new AtomicInteger(Integer.MAX_VALUE));
        lanes.submit(new Job("a", "a1", 0));
        lanes.submit(new Job("a", "a2", 0));
        lanes.submit(new Job("a", "a3", 1));
        long end = System.nanoTime() + WAIT.toNanos();
        while (failuresLeft.get("a1").get() == Integer.MAX_VALUE) {
            assertThat(System.nanoTime()).as("a1 failed once").isLessThan(end);
            Thread.sleep(5);
        }

        revoked.add(0);
        long start = System.nanoTime();
        int dropped = lanes.drop(job -> job.partition() == 0);

        assertThat(lanes.awaitIdle(job -> job.partition() == 0, WAIT)).isTrue();
        awaitFinished("a3");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(dropped).as("a2 queued").isEqualTo(1);
        assertThat(finished).containsExactly("a3");
    }

    @Test
    void shouldDropQueuedItemsOfRevokedPartitionsAndWaitForTheirRunningOnes() throws Exception {
        CountDownLatch runningA1 = gate("a1");
        lanes.submit(new Job("a", "a1", 0));
        lanes.submit(new Job("a", "a2", 0));
        lanes.submit(new Job("a", "a3", 1));
        awaitRunning("a");

        int dropped = lanes.drop(job -> job.partition() == 0);

        assertThat(dropped).isEqualTo(1);
        assertThat(lanes.awaitIdle(job -> job.partition() == 0, Duration.ofMillis(50))).as("a1 still running").isFalse();
        runningA1.countDown();
        assertThat(lanes.awaitIdle(job -> job.partition() == 0, WAIT)).isTrue();
        assertThat(finished).as("a1 reported before it stops counting as running").contains("a1");
        awaitFinished("a3");
        assertThat(finished).containsExactly("a1", "a3");
    }

    // issue #3: a running item of a revoked partition used to run on (a fetch of up to minutes) while its partition's next owner ran it too
    @Test
    void shouldInterruptTheRunningItemOfARevokedPartitionButNotTheLanesNextItemNorOtherPartitions() throws Exception {
        gate("a1");
        gate("a2").countDown(); // open, yet its wait fails at once if the lane's thread is left interrupted
        CountDownLatch runningB1 = gate("b1");
        lanes.submit(new Job("a", "a1", 0));
        lanes.submit(new Job("a", "a2", 1));
        lanes.submit(new Job("b", "b1", 1));
        awaitRunning("a");
        awaitRunning("b");

        revoked.add(0);
        int cancelled = lanes.cancel(job -> job.partition() == 0);

        assertThat(cancelled).isEqualTo(1);
        assertThat(lanes.awaitIdle(job -> job.partition() == 0, WAIT)).isTrue();
        awaitFinished("a2");
        runningB1.countDown();
        awaitFinished("b1");
        assertThat(finished).containsExactly("a2", "b1");
        assertThat(pauses).as("no item failed but the cancelled one, which was given up").isEmpty();
    }

    @Test
    void shouldTakeNoItemAfterStopAndLetTheRunningOneFinish() throws Exception {
        CountDownLatch runningA1 = gate("a1");
        lanes.submit(new Job("a", "a1", 0));
        lanes.submit(new Job("a", "a2", 0));
        lanes.submit(new Job("b", "b1", 0));
        awaitFinished("b1");
        awaitRunning("a");

        int dropped = lanes.stop();

        assertThat(dropped).isEqualTo(1);
        assertThat(lanes.submit(new Job("c", "c1", 0))).isFalse();
        runningA1.countDown();
        assertThat(lanes.awaitIdle(job -> true, WAIT)).isTrue();
        assertThat(finished).containsExactly("b1", "a1");
    }

    @Test
    void shouldRejectPausesThatDoNotGrow() {
        assertThatThrownBy(() -> new HostLanes<Job>(Job::host, job -> true, job -> {}, job -> false, job -> {}, d -> {}, Duration.ofSeconds(2),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pauses: expected 0 < firstPause <= maxPause, got PT2S and PT1S");
    }
}
