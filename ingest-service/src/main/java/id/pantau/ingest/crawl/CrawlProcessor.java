package id.pantau.ingest.crawl;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.discovery.ArticleIds;
import id.pantau.ingest.discovery.UrlNormalizer;
import id.pantau.ingest.extract.ArticleExtractor;
import id.pantau.ingest.extract.ExtractedArticle;
import id.pantau.ingest.extract.ExtractionException;
import id.pantau.ingest.extract.PageLoader;
import id.pantau.ingest.extract.TransientPageException;
import id.pantau.ingest.fetch.FetchCause;
import id.pantau.ingest.fetch.FetchOutcome;
import id.pantau.ingest.fetch.PageDecoder;
import id.pantau.ingest.fetch.PoliteFetcher;
import id.pantau.ingest.fetch.SiteKeys;
import id.pantau.ingest.publish.ArticlePublisher;
import id.pantau.ingest.publish.DeadLetter;
import id.pantau.ingest.publish.PublishException;
import id.pantau.ingest.publish.RawArticleMapper;
import id.pantau.ingest.seen.SeenStore;
import id.pantau.ingest.seen.VersionDecision;
import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.SeenArticle;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one crawl request into at most one published article version or one dead letter: fetch
 * politely, decode, extract (following further pages through the same fetcher), map the canonical
 * URL, compare the content hash with the seen-store, publish. Expected failures (robots, HTTP
 * errors, timeouts, size, extraction) become dead letters with their cause code; a passing one, of
 * the first page or of a further one, first requeues the whole request. A further page of a
 * published article that still fails after the requeues is no dead letter: the published version
 * stands ({@link CrawlResult#REVISIT_INCOMPLETE}). Thread-safe; one
 * host's requests must be processed one after the other (see {@link HostLanes}), and a requeued
 * request not before its {@link #dueAt} (the caller holds it until then; see {@link DueRequests}).
 */
public final class CrawlProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlProcessor.class);
    /** Prefix of the cause of a failure of an article's further page, such as {@code LATER_PAGE_HTTP_5XX}. */
    private static final String LATER_PAGE = "LATER_PAGE_";

    private final OutletRegistry outlets;
    private final PoliteFetcher fetcher;
    private final ArticleExtractor extractor;
    private final SeenStore seen;
    private final ArticlePublisher publisher;
    private final UrlNormalizer normalizer = new UrlNormalizer();
    private final Clock clock;
    private final Requeue requeue;
    private final Map<CrawlResult, LongAdder> counts = new EnumMap<>(CrawlResult.class);

    /** A processor that dead-letters every failed fetch at once. */
    public CrawlProcessor(OutletRegistry outlets, PoliteFetcher fetcher, ArticleExtractor extractor, SeenStore seen,
            ArticlePublisher publisher, Clock clock) {
        this(outlets, fetcher, extractor, seen, publisher, clock, Requeue.none(clock));
    }

    /** A processor that gives fetches failed for a passing reason the second chances of {@code requeue}. */
    public CrawlProcessor(OutletRegistry outlets, PoliteFetcher fetcher, ArticleExtractor extractor, SeenStore seen,
            ArticlePublisher publisher, Clock clock, Requeue requeue) {
        this.requeue = Objects.requireNonNull(requeue, "requeue");
        this.outlets = Objects.requireNonNull(outlets, "outlets");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.seen = Objects.requireNonNull(seen, "seen");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (CrawlResult result : CrawlResult.values()) {
            counts.put(result, new LongAdder());
        }
    }

    /** How many requests ended in each result so far. */
    public Map<CrawlResult, Long> counts() {
        Map<CrawlResult, Long> snapshot = new EnumMap<>(CrawlResult.class);
        counts.forEach((result, adder) -> snapshot.put(result, adder.sum()));
        return snapshot;
    }

    /**
     * Whether {@code request} asks again for an article that is published: only such a revisit waits
     * behind its host's new articles. Discovery flags a URL it asked for before as a revisit, but a URL
     * whose earlier tries all failed (a later page kept failing, say) was never published, and is still
     * a new article.
     */
    boolean revisitsPublished(CrawlRequest request) {
        if (!request.getRevisit()) {
            return false;
        }
        String requested = normalizer.normalize(request.getUrl());
        return requested != null && seen.get(requested) != null;
    }

    /** The earliest time {@code request} may be processed (see {@link Requeue#dueAt}). */
    public Instant dueAt(CrawlRequest request) {
        return requeue.dueAt(request);
    }

    /**
     * Processes one request at once, fetching it if needed; the caller waits for its {@link #dueAt}.
     * For a request read from no crawl-request partition (the CLI, tests); the worker's go through
     * the partition's {@link PartitionLease}.
     *
     * @param source Kafka coordinates of the request for dead-letter headers, or null
     */
    public CrawlResult process(CrawlRequest request, DeadLetter.@Nullable Source source) {
        return process(request, source, PartitionLease.UNPARTITIONED);
    }

    /**
     * Processes one request of a crawl-request partition: its writes are made only while {@code lease}
     * is held.
     *
     * @throws PartitionRevokedException when a write was due after the lease was revoked (nothing written)
     */
    CrawlResult process(CrawlRequest request, DeadLetter.@Nullable Source source, PartitionLease lease) {
        CrawlResult result;
        try {
            result = processOnce(request, source, lease);
        } catch (PublishException e) {
            throw e; // broker trouble: the worker reads the batch again
        } catch (PartitionRevokedException e) {
            throw e; // another instance owns the request now
        } catch (RuntimeException e) {
            // A bug on one page must not become a poison pill that stops its host's partition.
            LOG.error("event=crawl_internal_error url={} message={}", request.getUrl(), e.getMessage(), e);
            result = deadLetter(request.getUrl(), hostOf(request.getUrl()), "INTERNAL_ERROR", String.valueOf(e.getMessage()),
                    e.getClass().getName(), source, lease);
        }
        counts.get(result).increment();
        return result;
    }

    private CrawlResult processOnce(CrawlRequest request, DeadLetter.@Nullable Source source, PartitionLease lease) {
        String url = request.getUrl();
        String host = hostOf(url);
        Outlet outlet = outlets.get(request.getOutletId());
        if (outlet == null) {
            return deadLetter(url, host, "UNKNOWN_OUTLET", "no outlet '" + request.getOutletId() + "' in the registry", null, source,
                    lease);
        }
        String requested = normalizer.normalize(url);
        if (requested == null) {
            return deadLetter(url, host, FetchCause.MALFORMED_URL.name(), "not an absolute http(s) URL: " + url, null, source, lease);
        }
        SeenArticle known = seen.get(requested);
        if (known != null && !request.getDiscoveredAt().isAfter(known.getPublishedAt())) {
            LOG.debug("event=already_seen url={} version={}", requested, known.getVersion());
            return CrawlResult.ALREADY_SEEN;
        }
        Instant fetchedAt = clock.instant();
        FetchOutcome outcome = fetcher.fetch(url, outlet, null);
        return switch (outcome) {
            case FetchOutcome.Skipped skipped when skipped.cause() == FetchCause.NOT_MODIFIED -> CrawlResult.NOT_MODIFIED;
            case FetchOutcome.Skipped skipped when mayPass(skipped.cause())
                    && requeue.offer(request, host, skipped.cause().name(), lease) -> CrawlResult.REQUEUED;
            case FetchOutcome.Skipped skipped -> failed(request, url, host, skipped.cause().name(), skipped.detail()
                    + (mayPass(skipped.cause()) ? " (gave up after " + request.getAttempt() + " requeue(s))" : ""), null, source, lease);
            case FetchOutcome.Failed failed when failed.retryable() && requeue.offer(request, host, failed.cause().name(), lease) ->
                    CrawlResult.REQUEUED;
            case FetchOutcome.Failed failed -> failed(request, url, host, failed.cause().name(),
                    failed.detail() + (failed.retryable() ? " (retryable, gave up after retries and "
                            + request.getAttempt() + " requeue(s))" : ""), null, source, lease);
            case FetchOutcome.Fetched fetched -> extractAndPublish(request, fetched, outlet, requested, fetchedAt, host, source, lease);
        };
    }

    /**
     * Skips that say nothing about the page and may clear up by themselves: the host's robots.txt
     * answered with a server error or not at all, or its name did not resolve. Dead-lettering them at
     * once would lose the article for good, since discovery does not ask for a URL twice.
     */
    private static boolean mayPass(FetchCause cause) {
        return cause == FetchCause.ROBOTS_UNAVAILABLE || cause == FetchCause.UNKNOWN_HOST;
    }

    private CrawlResult extractAndPublish(CrawlRequest request, FetchOutcome.Fetched fetched, Outlet outlet, String requested,
            Instant fetchedAt, String host, DeadLetter.@Nullable Source source, PartitionLease lease) {
        String html = PageDecoder.decode(fetched.body(), fetched.contentType());
        ExtractedArticle article;
        try {
            article = extractor.extract(html, fetched.finalUrl(), outlet.profile(), pageLoader(outlet), outlet.timeZone());
        } catch (ExtractionException e) {
            return failed(request, fetched.url(), host, "EXTRACTION_" + e.cause().name(), e.getMessage(), e.getClass().getName(), source,
                    lease);
        } catch (TransientPageException e) {
            // the whole article is tried again, as its first page would be: half of it published as a
            // version would read downstream as an edit once the rest came
            if (requeue.offer(request, host, LATER_PAGE + e.reason(), lease)) {
                return CrawlResult.REQUEUED;
            }
            SeenArticle published = seen.get(requested);
            if (published != null) {
                // the published version stands, and the next revisit tries the page again; a dead letter
                // would say the article is lost when it is not
                LOG.info("event=revisit_incomplete url={} version={} reason={} attempts={} message=\"{}\"", requested,
                        published.getVersion(), LATER_PAGE + e.reason(), request.getAttempt(), e.getMessage());
                return CrawlResult.REVISIT_INCOMPLETE;
            }
            return failed(request, fetched.url(), host, LATER_PAGE + e.reason(), e.getMessage() + " (gave up after " + request.getAttempt()
                    + " requeue(s); the article is not published without this page)", null, source, lease);
        } catch (RuntimeException e) {
            // An extractor bug must not lose the URL or stop the host's queue.
            return failed(request, fetched.url(), host, "EXTRACTION_ERROR", String.valueOf(e.getMessage()), e.getClass().getName(), source,
                    lease);
        }
        String canonical = canonicalOf(article, outlet, requested);
        String hash = ArticleIds.contentHash(article.title(), article.bodyParagraphs());
        VersionDecision decision = VersionDecision.decide(seen.get(canonical), hash);
        if (!decision.publish()) {
            LOG.info("event=article_unchanged url={} version={}", canonical, decision.version());
            return CrawlResult.UNCHANGED;
        }
        RawArticle raw = RawArticleMapper.toRaw(article, outlet.id(), fetched.url(), canonical, hash, decision.version(), fetchedAt);
        SeenArticle seenRecord = RawArticleMapper.toSeen(raw, clock.instant());
        lease.write(() -> publisher.publish(raw, seenRecord));
        seen.put(seenRecord);
        if (!canonical.equals(requested)) {
            // The feed's URL differs from the page's canonical one; remember both spellings.
            seen.put(SeenArticle.newBuilder(seenRecord).setCanonicalUrl(requested).build());
        }
        LOG.info("event=article_published outlet={} id={} version={} url={} pages={} method={}", outlet.id(), raw.getArticleId(),
                raw.getVersion(), canonical, raw.getPageCount(), raw.getExtractionMethod());
        return CrawlResult.PUBLISHED;
    }

    /** The page's rel=canonical when it is a URL of the same outlet, else the requested URL. */
    private String canonicalOf(ExtractedArticle article, Outlet outlet, String requested) {
        String declared = normalizer.normalize(article.canonicalUrl());
        if (declared == null) {
            return requested;
        }
        String declaredHost = URI.create(declared).getHost();
        return declaredHost != null && outlet.isOwnHost(declaredHost) ? declared : requested;
    }

    /**
     * Further pages through the same polite fetcher. A page that failed for a reason a first page is
     * requeued for fails the whole article; any other failure (404, robots, too large...) ends the
     * stitching with the pages so far.
     */
    private PageLoader pageLoader(Outlet outlet) {
        return next -> switch (fetcher.fetch(next, outlet, null)) {
            case FetchOutcome.Fetched page -> PageDecoder.decode(page.body(), page.contentType());
            case FetchOutcome.Failed failed when failed.retryable() ->
                    throw new TransientPageException(next, failed.cause().name(), failed.detail());
            case FetchOutcome.Skipped skipped when mayPass(skipped.cause()) ->
                    throw new TransientPageException(next, skipped.cause().name(), skipped.detail());
            case FetchOutcome.Failed failed -> throw new IOException(failed.cause() + ": " + failed.detail());
            case FetchOutcome.Skipped skipped -> throw new IOException(skipped.cause() + ": " + skipped.detail());
        };
    }

    /**
     * A request that failed for good: dead-lettered, unless it is a revisit. A revisit asks again for
     * a URL whose first request already ended, published or dead-lettered, so its failure is logged
     * and counted ({@link CrawlResult#REVISIT_FAILED}) instead of reaching {@code news.dlq} again
     * every revisit time (a listed page that cannot be extracted would be reported hourly).
     */
    private CrawlResult failed(CrawlRequest request, String url, String host, String reason, String message, @Nullable String exception,
            DeadLetter.@Nullable Source source, PartitionLease lease) {
        if (request.getRevisit()) {
            LOG.info("event=revisit_failed url={} reason={} message=\"{}\"", url, reason, message);
            return CrawlResult.REVISIT_FAILED;
        }
        return deadLetter(url, host, reason, message, exception, source, lease);
    }

    private CrawlResult deadLetter(String url, String host, String reason, String message, @Nullable String exception,
            DeadLetter.@Nullable Source source, PartitionLease lease) {
        lease.write(() -> publisher.deadLetter(new DeadLetter(url, host, reason, message, exception, source)));
        LOG.info("event=dead_letter url={} reason={} message=\"{}\"", url, reason, message);
        return CrawlResult.DEAD_LETTER;
    }

    static String hostOf(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? "" : SiteKeys.of(host);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
