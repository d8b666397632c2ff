package id.pantau.ingest.discovery;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.SourceConfig;
import id.pantau.ingest.fetch.FetchCause;
import id.pantau.ingest.fetch.FetchOutcome;
import id.pantau.ingest.fetch.PageDecoder;
import id.pantau.ingest.fetch.PoliteFetcher;
import id.pantau.ingest.fetch.Validators;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one discovery source through the polite fetcher: conditional GET with the validators of
 * the previous response, parse (feed, sitemap, index and its children, section page, robots.txt
 * Sitemap lines), collect their candidates, and tell whether anything changed (which candidates the
 * outlet takes for articles is the {@link CandidateGate}'s to decide). What each document of a source
 * listed when last read is kept, so that a poll lists everything the source lists now, read anew
 * or not (a document answering 304, or the same bytes, lists what it listed before); a document no
 * longer listed, or that could not be fetched, is forgotten.
 *
 * <p>At every poll of a sitemap index, changed or not, a child it lists is asked for (with its own
 * conditional GET) when it is one of the {@value #NEWEST_CHILDREN_READ_AT_EVERY_POLL} newest by the
 * index's {@code lastmod}, has no {@code lastmod} there, was not read whole at the previous poll
 * (never read, failed or damaged), or has a {@code lastmod} other than the index gave it then; any
 * other child is kept as last read, without a request. A poll of an index thus costs one request,
 * plus at most {@value #NEWEST_CHILDREN_READ_AT_EVERY_POLL}, plus one per new, changed, undated or
 * failed child, instead of one per child: with one second between requests to a host, twenty monthly
 * archives asked for at every poll would leave little of the host's time for its articles.
 *
 * <p>Unreadable sources are reported, not thrown. Thread-safe; polls of one source must not overlap
 * (the last to end sets what is kept).
 */
public final class SourcePoller {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

    /**
     * What a poll found.
     *
     * @param candidates what the source's documents list now, in document order
     * @param changed whether any fetched document differs from the previous poll
     * @param unreadable a source that could not be parsed (its URL and why), or null
     */
    public record Poll(List<CandidateUrl> candidates, boolean changed, @Nullable UnreadableSourceException unreadable) {
        public Poll {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * The children of an index asked for at every poll whatever their {@code lastmod}: new articles land in
     * the newest, and generators do not always move its {@code lastmod} when one does.
     */
    static final int NEWEST_CHILDREN_READ_AT_EVERY_POLL = 2;

    /**
     * A document of a source as last read: its validators, a digest of its bytes, what it listed (a child
     * with the {@code lastmod} the index gave it), and whether it was damaged (only its complete entries read).
     */
    private record Document(@Nullable Validators validators, int digest, List<CandidateUrl> candidates, List<CandidateUrl> children,
            boolean damaged) {}

    /** A document fetched with other bytes than last time, and the digest of its bytes, taken once to compare and to keep. */
    private record FetchedAnew(FetchOutcome.Fetched fetched, int digest) {}

    private final PoliteFetcher fetcher;
    private final int maxChildSitemaps;
    private final SitemapSource sitemaps = new SitemapSource();
    private final SectionPageSource sections = new SectionPageSource();
    /** By source, its documents by URL, in the order read. */
    private final ConcurrentHashMap<String, Map<String, Document>> documents = new ConcurrentHashMap<>();

    public SourcePoller(PoliteFetcher fetcher, int maxChildSitemaps) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.maxChildSitemaps = maxChildSitemaps;
    }

    /**
     * Forgets every document, so the next polls read and parse every source in full (after their
     * candidates could not be sent).
     */
    public void forgetAll() {
        documents.clear();
    }

    /** Polls {@code source} of {@code outlet} once. */
    public Poll poll(Outlet outlet, SourceConfig source) {
        String key = outlet.id() + " " + source.type() + " " + outlet.urlOf(source);
        Reading reading = new Reading(outlet, documents.getOrDefault(key, Map.of()));
        UnreadableSourceException unreadable = null;
        try {
            switch (source.type()) {
                case FEED, SITEMAP -> reading.sitemap(outlet.urlOf(source), true);
                case SECTION -> reading.section(outlet.urlOf(source), source);
                case ROBOTS -> {
                    // one broken or unreachable sitemap must not hide the others: read all, report the first
                    UnreadableSourceException first = null;
                    for (String sitemap : fetcher.robots().sitemapsFor(URI.create(outlet.urlOf(source)))) {
                        try {
                            reading.sitemap(sitemap, true);
                        } catch (UnreadableSourceException e) {
                            first = first == null ? e : first;
                        }
                    }
                    if (first != null) {
                        throw first;
                    }
                }
            }
        } catch (UnreadableSourceException e) {
            unreadable = e;
        }
        documents.put(key, reading.read);
        return new Poll(reading.found, reading.changed, unreadable);
    }

    /** One poll's pass over the documents of a source. Not thread-safe. */
    private final class Reading {

        private final Outlet outlet;
        private final Map<String, Document> before;
        /** The documents read or found unchanged in this poll: what is kept for the next. */
        private final Map<String, Document> read = new LinkedHashMap<>();
        private final List<CandidateUrl> found = new ArrayList<>();
        private boolean changed;

        Reading(Outlet outlet, Map<String, Document> before) {
            this.outlet = outlet;
            this.before = before;
        }

        void section(String url, SourceConfig source) throws UnreadableSourceException {
            FetchedAnew anew = fetchIfChanged(url);
            if (anew != null) {
                FetchOutcome.Fetched page = anew.fetched();
                List<CandidateUrl> links = sections.parse(PageDecoder.decode(page.body(), page.contentType()), page.finalUrl(),
                        source.compiledLinkPattern()).candidates();
                keep(url, anew, links, List.of());
            }
        }

        void sitemap(String url, boolean followChildren) throws UnreadableSourceException {
            if (read.containsKey(url)) {
                return; // listed twice (by two indexes of robots.txt): once is enough
            }
            Document last = before.get(url);
            FetchedAnew anew = fetchIfChanged(url);
            List<CandidateUrl> children;
            if (anew == null) {
                Document unchanged = read.get(url);
                children = unchanged == null ? List.of() : unchanged.children();
            } else {
                FetchOutcome.Fetched doc = anew.fetched();
                ParsedSource parsed;
                try {
                    parsed = sitemaps.parse(doc.body(), doc.finalUrl(), doc.contentType());
                } catch (UnreadableSourceException e) {
                    // Its complete entries are still news. No validators: a fixed document must not hide behind a 304.
                    read.put(url, new Document(null, anew.digest(), e.readBeforeDamage(), List.of(), true));
                    found.addAll(e.readBeforeDamage());
                    throw e;
                }
                children = followChildren ? parsed.sitemaps().stream().limit(maxChildSitemaps).toList() : List.of();
                keep(url, anew, parsed.candidates(), children);
            }
            Map<String, CandidateUrl> listedBefore = new HashMap<>();
            if (last != null) {
                last.children().forEach(child -> listedBefore.put(child.url(), child));
            }
            // Also when the index is unchanged: generators often leave it as it was when a child gains an item.
            for (int i = 0; i < children.size(); i++) {
                CandidateUrl child = children.get(i);
                if (i < NEWEST_CHILDREN_READ_AT_EVERY_POLL || mayHaveChanged(child, listedBefore.get(child.url()))) {
                    readChild(child.url());
                } else {
                    keepUnread(child.url());
                }
            }
        }

        /**
         * Whether an older child of an index may list something its document as last read does not: the index
         * gives no {@code lastmod} to tell, or another than at the previous poll, or the child was not read whole.
         */
        private boolean mayHaveChanged(CandidateUrl child, @Nullable CandidateUrl listedBefore) {
            Document last = before.get(child.url());
            return child.lastModified() == null || listedBefore == null || !child.lastModified().equals(listedBefore.lastModified())
                    || last == null || last.damaged();
        }

        /** A child sitemap that cannot be read is logged, not reported: the others still count. */
        private void readChild(String child) {
            try {
                sitemap(child, false);
            } catch (UnreadableSourceException e) {
                LOG.warn("event=source_unreadable url={} message=\"{}\"", child, e.getMessage());
            }
        }

        /**
         * Fetches conditionally: the document with the digest of its bytes, or null when not modified or
         * unchanged, and then what the document listed before is kept and found again.
         *
         * @throws UnreadableSourceException ({@code SOURCE_UNAVAILABLE}) when the document could not be fetched
         */
        private @Nullable FetchedAnew fetchIfChanged(String url) throws UnreadableSourceException {
            Document last = before.get(url);
            FetchOutcome outcome = fetcher.fetch(url, outlet, last == null ? null : last.validators());
            switch (outcome) {
                case FetchOutcome.Fetched fetched -> {
                    int digest = Arrays.hashCode(fetched.body());
                    if (last != null && last.digest() == digest) {
                        Validators validators = Validators.of(fetched);
                        keepUnchanged(url, new Document(validators == null ? last.validators() : validators, last.digest(),
                                last.candidates(), last.children(), last.damaged()));
                        return null;
                    }
                    changed = true;
                    return new FetchedAnew(fetched, digest);
                }
                case FetchOutcome.Skipped skipped when skipped.cause() == FetchCause.NOT_MODIFIED -> {
                    if (last != null) {
                        keepUnchanged(url, last);
                    }
                    return null;
                }
                case FetchOutcome.Skipped skipped -> {
                    LOG.warn("event=source_skipped url={} cause={} detail=\"{}\"", url, skipped.cause(), skipped.detail());
                    throw UnreadableSourceException.unavailable(url, skipped.cause().name());
                }
                case FetchOutcome.Failed failed -> {
                    LOG.warn("event=source_failed url={} cause={} status={} detail=\"{}\"", url, failed.cause(), failed.status(),
                            failed.detail());
                    throw UnreadableSourceException.unavailable(url,
                            failed.cause().name() + (failed.status() > 0 ? " " + failed.status() : ""));
                }
            }
        }

        private void keep(String url, FetchedAnew anew, List<CandidateUrl> candidates, List<CandidateUrl> children) {
            read.put(url, new Document(Validators.of(anew.fetched()), anew.digest(), List.copyOf(candidates), children, false));
            found.addAll(candidates);
        }

        private void keepUnchanged(String url, Document document) {
            read.put(url, document);
            found.addAll(document.candidates());
        }

        /** Keeps a child of an index as it was last read, without fetching it. */
        private void keepUnread(String url) {
            Document document = before.get(url);
            if (document != null && !read.containsKey(url)) {
                keepUnchanged(url, document);
            }
        }
    }
}
