package id.pantau.ingest.crawl;

import id.pantau.ingest.fetch.Sleeper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Independent per-host lanes of work: each host has a FIFO of items drained by a virtual thread of
 * its own, started when an item comes and ended when the FIFO is empty; so one host's items run one
 * at a time and in order, and a slow host delays only its own lane (issue #3). Items that go first
 * ({@code goesFirst}: new articles) have a FIFO of their own, drained before the other one
 * (revisits), so that a burst of revisits never holds up a host's new articles. An item whose work
 * throws (publishing failed: broker trouble) is not lost: its lane runs it again after a pause that
 * doubles from {@code firstPause} up to {@code maxPause}, unless it has become stale (its partition
 * was revoked) or the lanes were stopped meanwhile, which cut the pause short. Each finished item is
 * handed to {@code onFinished} on its lane's thread. Thread-safe; {@link #stop()} by the owner.
 */
final class HostLanes<T> {

    private static final Logger LOG = LoggerFactory.getLogger(HostLanes.class);

    /** One host's FIFOs and the item its thread is running, if any. */
    private final class Lane {
        private final ArrayDeque<T> first = new ArrayDeque<>();
        private final ArrayDeque<T> queue = new ArrayDeque<>();
        private @Nullable Thread thread;
        private @Nullable T current;
        private boolean pausing;
    }

    private final Function<T, String> hostOf;
    private final Predicate<T> goesFirst;
    private final Consumer<T> work;
    private final Predicate<T> isStale;
    private final Consumer<T> onFinished;
    private final Sleeper sleeper;
    private final Duration firstPause;
    private final Duration maxPause;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Map<String, Lane> lanes = new HashMap<>();
    private boolean stopped;

    /**
     * @param hostOf the host of an item
     * @param goesFirst whether an item is run before the queued items for which it is false
     * @param work runs one item; throws when it is to be run again after a pause
     * @param isStale whether a failed item is to be given up instead of run again
     * @param onFinished told of each item whose work completed, on the item's lane thread
     */
    HostLanes(Function<T, String> hostOf, Predicate<T> goesFirst, Consumer<T> work, Predicate<T> isStale, Consumer<T> onFinished,
            Sleeper sleeper, Duration firstPause, Duration maxPause) {
        this.hostOf = Objects.requireNonNull(hostOf, "hostOf");
        this.goesFirst = Objects.requireNonNull(goesFirst, "goesFirst");
        this.work = Objects.requireNonNull(work, "work");
        this.isStale = Objects.requireNonNull(isStale, "isStale");
        this.onFinished = Objects.requireNonNull(onFinished, "onFinished");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (!firstPause.isPositive() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("pauses: expected 0 < firstPause <= maxPause, got " + firstPause + " and " + maxPause);
        }
        this.firstPause = firstPause;
        this.maxPause = maxPause;
    }

    /**
     * Queues {@code item} at the end of its host's lane (behind the other items that go first, if it
     * goes first), starting the lane if it is idle.
     *
     * @return false, and nothing is queued, once the lanes are stopped
     */
    boolean submit(T item) {
        String host = hostOf.apply(Objects.requireNonNull(item, "item"));
        lock.lock();
        try {
            if (stopped) {
                return false;
            }
            Lane lane = lanes.get(host);
            if (lane == null) {
                Lane started = new Lane();
                lanes.put(host, started);
                started.thread = Thread.ofVirtual().name("crawl-lane-" + host).start(() -> drain(host, started));
                lane = started;
            }
            (goesFirst.test(item) ? lane.first : lane.queue).addLast(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the queued items that match {@code which} out of their lanes, and cuts short the retry
     * pause of a running item that matches (it is then given up if stale).
     *
     * @return how many queued items were taken out
     */
    int drop(Predicate<T> which) {
        lock.lock();
        try {
            int dropped = 0;
            for (Lane lane : lanes.values()) {
                int before = lane.first.size() + lane.queue.size();
                lane.first.removeIf(which);
                lane.queue.removeIf(which);
                dropped += before - lane.first.size() - lane.queue.size();
                if (lane.current != null && which.test(lane.current)) {
                    wake(lane);
                }
            }
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Interrupts the threads of the running items that match {@code which}, which cuts their fetch,
     * pacing or retry pause short; the work of such an item is to end soon after (see {@link
     * CrawlWorker}: its writes are refused by then). The interrupt does not carry over to the lane's
     * next item.
     *
     * @return how many running items were interrupted
     */
    int cancel(Predicate<T> which) {
        lock.lock();
        try {
            int cancelled = 0;
            for (Lane lane : lanes.values()) {
                if (lane.current != null && lane.thread != null && which.test(lane.current)) {
                    lane.thread.interrupt();
                    cancelled++;
                }
            }
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no running item matches {@code which}, at most {@code timeout}.
     *
     * @return whether none runs any more
     */
    boolean awaitIdle(Predicate<T> which, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (lanes.values().stream().anyMatch(lane -> lane.current != null && which.test(lane.current))) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes no more items and drops the queued ones; running items go on to their end (a failed one
     * is given up instead of run again). Wait for them with {@link #awaitIdle}.
     *
     * @return how many queued items were dropped
     */
    int stop() {
        lock.lock();
        try {
            stopped = true;
            int dropped = 0;
            for (Lane lane : lanes.values()) {
                dropped += lane.first.size() + lane.queue.size();
                lane.first.clear();
                lane.queue.clear();
                wake(lane);
            }
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** How many lanes have a thread now (hosts with queued or running items). */
    int activeLanes() {
        lock.lock();
        try {
            return lanes.size();
        } finally {
            lock.unlock();
        }
    }

    private void drain(String host, Lane lane) {
        while (true) {
            T item;
            lock.lock();
            try {
                item = lane.first.isEmpty() ? lane.queue.pollFirst() : lane.first.pollFirst();
                if (item == null) {
                    lanes.remove(host);
                    idle.signalAll();
                    return;
                }
                lane.current = item;
            } finally {
                lock.unlock();
            }
            boolean done = runUntilDone(host, lane, item);
            if (done) {
                onFinished.accept(item); // before the item stops counting as running: see awaitIdle
            }
            lock.lock();
            try {
                lane.current = null;
                Thread.interrupted(); // a cancel (always under the lock, while current is set) was for the item that ended
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Runs {@code item}, again after each failure, until it completes (true) or is given up (false). */
    private boolean runUntilDone(String host, Lane lane, T item) {
        Duration pause = firstPause;
        for (int attempt = 1;; attempt++) {
            try {
                work.accept(item);
                return true;
            } catch (RuntimeException e) {
                if (givenUp(item)) {
                    LOG.warn("event=crawl_lane_gave_up host={} attempt={} message={}", host, attempt, e.getMessage());
                    return false;
                }
                LOG.warn("event=crawl_lane_retry host={} attempt={} pauseMs={} message={}", host, attempt, pause.toMillis(), e.getMessage());
                pause(lane, pause);
                if (givenUp(item)) {
                    LOG.warn("event=crawl_lane_gave_up host={} attempt={} message={}", host, attempt, e.getMessage());
                    return false;
                }
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    private boolean givenUp(T item) {
        lock.lock();
        try {
            return stopped || isStale.test(item);
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps on the lane's thread; {@link #wake} (under the lock) interrupts it only while it is pausing here. */
    private void pause(Lane lane, Duration pause) {
        lock.lock();
        try {
            lane.pausing = true;
        } finally {
            lock.unlock();
        }
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            // woken by drop or stop: the caller checks whether the item is given up
        } finally {
            lock.lock();
            try {
                lane.pausing = false;
            } finally {
                lock.unlock();
            }
            Thread.interrupted(); // a wake-up that came after the sleep ended is not for the item's next run
        }
    }

    private void wake(Lane lane) {
        if (lane.pausing && lane.thread != null) {
            lane.thread.interrupt();
        }
    }
}
