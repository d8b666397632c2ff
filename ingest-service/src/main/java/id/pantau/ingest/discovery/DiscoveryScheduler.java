package id.pantau.ingest.discovery;

import id.pantau.ingest.config.DiscoveryConfig;
import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.config.SourceConfig;
import id.pantau.ingest.fetch.SiteKeys;
import id.pantau.ingest.publish.ArticlePublisher;
import id.pantau.ingest.publish.CrawlRequestSink;
import id.pantau.ingest.publish.DeadLetter;
import id.pantau.schemas.avro.CrawlKind;
import id.pantau.schemas.avro.CrawlRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every source of every outlet whose host this instance owns (so N instances split the
 * sources as they split the crawl-request partitions), each on its adaptive {@link PollSchedule},
 * and turns admitted candidates into crawl requests keyed by host. Every poll offers the gate all that
 * the source lists now, from the documents read anew and from those unchanged (see {@link SourcePoller}),
 * so its items' revisits come due, a few per poll, whether the source changes or not. A source that
 * cannot be parsed goes to the dead-letter topic once per distinct broken content. Thread-safe; polls run on
 * virtual threads, at most one per source at a time; {@link #close()} by the owner.
 */
public final class DiscoveryScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryScheduler.class);
    private static final Duration TICK = Duration.ofMillis(100);

    private final SourcePoller poller;
    private final CandidateGate gate;
    private final CrawlRequestSink sink;
    private final ArticlePublisher deadLetters;
    private final Predicate<String> ownsHost;
    private final Clock clock;
    private final List<SourceState> sources = new ArrayList<>();
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ingest-discovery").factory());
    private final ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong polled = new AtomicLong();
    private final AtomicLong requestedCount = new AtomicLong();

    private final class SourceState {
        final Outlet outlet;
        final SourceConfig source;
        final String host;
        final PollSchedule schedule;
        final AtomicBoolean inFlight = new AtomicBoolean();
        volatile Instant nextAt = Instant.MIN;
        volatile String lastBrokenMessage = "";

        SourceState(Outlet outlet, SourceConfig source, DiscoveryConfig config) {
            this.outlet = outlet;
            this.source = source;
            this.host = SiteKeys.of(URI.create(outlet.urlOf(source)).getHost());
            this.schedule = new PollSchedule(config.pollMin(), config.pollMax());
        }
    }

    public DiscoveryScheduler(OutletRegistry outlets, SourcePoller poller, CandidateGate gate, CrawlRequestSink sink,
            ArticlePublisher deadLetters, Predicate<String> ownsHost, DiscoveryConfig config, Clock clock) {
        this.poller = Objects.requireNonNull(poller, "poller");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.ownsHost = Objects.requireNonNull(ownsHost, "ownsHost");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Outlet outlet : outlets.outlets()) {
            for (SourceConfig source : outlet.sources()) {
                sources.add(new SourceState(outlet, source, config));
            }
        }
    }

    /** Starts polling. */
    public void start() {
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("event=discovery_started sources={}", sources.size());
    }

    /** Sources polled so far. */
    public long polledCount() {
        return polled.get();
    }

    /** Crawl requests sent so far. */
    public long requestedCount() {
        return requestedCount.get();
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            for (SourceState state : sources) {
                if (!now.isBefore(state.nextAt) && ownsHost.test(state.host) && state.inFlight.compareAndSet(false, true)) {
                    polls.submit(() -> {
                        try {
                            pollOnce(state);
                        } finally {
                            state.inFlight.set(false);
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.error("event=discovery_tick_failed message={}", e.getMessage(), e);
        }
    }

    /** Polls every due source this instance owns on the calling thread; returns how many were polled. For tests. */
    int pollDueNow() {
        int count = 0;
        Instant now = clock.instant();
        for (SourceState state : sources) {
            if (!now.isBefore(state.nextAt) && ownsHost.test(state.host) && state.inFlight.compareAndSet(false, true)) {
                try {
                    pollOnce(state);
                    count++;
                } finally {
                    state.inFlight.set(false);
                }
            }
        }
        return count;
    }

    /** Polls one source now and sends its admitted candidates; returns how many were sent. */
    private int pollOnce(SourceState state) {
        try {
            SourcePoller.Poll poll = poller.poll(state.outlet, state.source);
            polled.incrementAndGet();
            if (poll.unreadable() != null) {
                reportUnreadable(state, poll.unreadable());
            } else {
                state.lastBrokenMessage = ""; // readable again: the next breakage is news
            }
            // an unreadable document may no longer list what it did: the poller offers nothing of it from memory
            CandidateGate.Admission admission = gate.admit(state.outlet, poll.candidates());
            List<CandidateGate.Admitted> admitted = admission.admitted();
            Instant now = clock.instant();
            for (int i = 0; i < admitted.size(); i++) {
                String url = admitted.get(i).url();
                String host = SiteKeys.of(URI.create(url).getHost());
                try {
                    sink.request(host, CrawlRequest.newBuilder().setUrl(url).setOutletId(state.outlet.id()).setKind(CrawlKind.ARTICLE)
                            .setDiscoveredAt(now).setAttempt(0).setRevisit(admitted.get(i).isRevisit()).build());
                } catch (RuntimeException e) {
                    // Not sent: let the next poll read the source in full and admit these again.
                    admitted.subList(i, admitted.size()).forEach(unsent -> gate.forget(unsent.url()));
                    poller.forgetAll();
                    throw e;
                }
            }
            requestedCount.addAndGet(admitted.size());
            Duration wait = state.schedule.next(poll.changed());
            state.nextAt = clock.instant().plus(wait);
            // candidates= counts what the source lists and the outlet's article pattern takes; excluded= the rest
            LOG.info("event=source_polled outlet={} type={} url={} changed={} candidates={} excluded={} requested={} revisits={}"
                    + " nextPollMs={}",
                    state.outlet.id(), state.source.type().name().toLowerCase(Locale.ROOT), state.outlet.urlOf(state.source),
                    poll.changed(), poll.candidates().size() - admission.excluded(), admission.excluded(), admitted.size(),
                    admitted.stream().filter(CandidateGate.Admitted::isRevisit).count(), wait.toMillis());
            gate.evictOld();
            return admitted.size();
        } catch (RuntimeException e) {
            // Kafka trouble while sending: poll the source again soon.
            state.nextAt = clock.instant().plus(state.schedule.interval());
            LOG.warn("event=source_poll_failed url={} message={}", state.outlet.urlOf(state.source), e.getMessage(), e);
            return 0;
        }
    }

    private void reportUnreadable(SourceState state, UnreadableSourceException error) {
        String message = String.valueOf(error.getMessage());
        LOG.warn("event=source_unreadable outlet={} url={} message=\"{}\"", state.outlet.id(), error.url(), message);
        if (!message.equals(state.lastBrokenMessage)) {
            state.lastBrokenMessage = message;
            deadLetters.deadLetter(new DeadLetter(error.url(), state.host, error.reason(), message, error.getClass().getName(), null));
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        polls.shutdownNow();
        try {
            polls.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
