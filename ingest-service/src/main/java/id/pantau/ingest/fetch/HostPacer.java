package id.pantau.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Per-host pacing: one request at a time per host (a fair lock per host), and at least the given
 * delay between the end of one request and the start of the next; a host may also be deferred
 * (Retry-After). Different hosts never wait for each other. Thread-safe; meant for virtual threads.
 */
public final class HostPacer {

    private final Clock clock;
    private final Sleeper sleeper;
    private final ConcurrentHashMap<String, HostState> hosts = new ConcurrentHashMap<>();

    public HostPacer(Clock clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The right to send one request to a host; close it when the response is read. */
    public final class Permit implements AutoCloseable {
        private final HostState state;
        private boolean closed;

        private Permit(HostState state) {
            this.state = state;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                state.lastEnd = clock.instant();
                state.lock.unlock();
            }
        }
    }

    private static final class HostState {
        final ReentrantLock lock = new ReentrantLock(true);
        @Nullable Instant lastEnd;
        @Nullable Instant deferredUntil;
    }

    /**
     * Waits until {@code host} is free and its delay has passed, then holds it.
     *
     * @param delay least time since the end of the host's previous request
     * @throws InterruptedException when interrupted while waiting
     */
    public Permit acquire(String host, Duration delay) throws InterruptedException {
        HostState state = hosts.computeIfAbsent(SiteKeys.of(Objects.requireNonNull(host, "host")), h -> new HostState());
        state.lock.lockInterruptibly();
        try {
            while (true) {
                Instant now = clock.instant();
                Instant ready = readyAt(state, delay);
                if (!ready.isAfter(now)) {
                    return new Permit(state);
                }
                sleeper.sleep(Duration.between(now, ready));
            }
        } catch (InterruptedException | RuntimeException e) {
            state.lock.unlock();
            throw e;
        }
    }

    /** Holds back every further request to {@code host} until {@code until} (e.g. a Retry-After). */
    public void deferUntil(String host, Instant until) {
        HostState state = hosts.computeIfAbsent(SiteKeys.of(host), h -> new HostState());
        synchronized (state) {
            if (state.deferredUntil == null || until.isAfter(state.deferredUntil)) {
                state.deferredUntil = until;
            }
        }
    }

    /** When the next request to {@code host} may start with the given delay; now for an unknown host. */
    public Instant nextAllowed(String host, Duration delay) {
        HostState state = hosts.get(SiteKeys.of(host));
        return state == null ? clock.instant() : readyAt(state, delay);
    }

    private static Instant readyAt(HostState state, Duration delay) {
        Instant ready = state.lastEnd == null ? Instant.MIN : state.lastEnd.plus(delay);
        Instant deferred;
        synchronized (state) {
            deferred = state.deferredUntil;
        }
        return deferred != null && deferred.isAfter(ready) ? deferred : ready;
    }
}
