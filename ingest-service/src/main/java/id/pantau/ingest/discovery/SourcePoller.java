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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one discovery source through the polite fetcher: conditional GET with the validators of
 * the previous response, parse (feed, sitemap, index and its children, section page, robots.txt
 * Sitemap lines), keep the candidates whose canonical URL the outlet takes for an article (its
 * {@code articleUrlPattern}), and tell whether anything changed. Unreadable sources are reported, not thrown.
 * Thread-safe (validator and digest caches are concurrent maps keyed by URL).
 */
public final class SourcePoller {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

    /**
     * What a poll found.
     *
     * @param changed whether any fetched document differs from the previous poll
     * @param unreadable a source that could not be parsed (its URL and why), or null
     */
    public record Poll(List<CandidateUrl> candidates, boolean changed, @Nullable UnreadableSourceException unreadable) {
        public Poll {
            candidates = List.copyOf(candidates);
        }
    }

    private final PoliteFetcher fetcher;
    private final int maxChildSitemaps;
    private final SitemapSource sitemaps = new SitemapSource();
    private final SectionPageSource sections = new SectionPageSource();
    private final UrlNormalizer normalizer = new UrlNormalizer();
    private final ConcurrentHashMap<String, Validators> validators = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> digests = new ConcurrentHashMap<>();

    public SourcePoller(PoliteFetcher fetcher, int maxChildSitemaps) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.maxChildSitemaps = maxChildSitemaps;
    }

    /**
     * Forgets validators and digests, so the next polls read and parse every source in full (after
     * their candidates could not be sent).
     */
    public void forgetAll() {
        validators.clear();
        digests.clear();
    }

    /** Polls {@code source} of {@code outlet} once. */
    public Poll poll(Outlet outlet, SourceConfig source) {
        List<CandidateUrl> found = new ArrayList<>();
        boolean[] changed = {false};
        UnreadableSourceException unreadable = null;
        try {
            switch (source.type()) {
                case FEED, SITEMAP -> readSitemap(outlet, outlet.urlOf(source), found, changed, true);
                case SECTION -> {
                    FetchOutcome.Fetched page = fetchIfChanged(outlet, outlet.urlOf(source), changed);
                    if (page != null) {
                        found.addAll(sections.parse(PageDecoder.decode(page.body(), page.contentType()), page.finalUrl(),
                                source.compiledLinkPattern()).candidates());
                    }
                }
                case ROBOTS -> {
                    // one broken or unreachable sitemap must not hide the others: read all, report the first
                    UnreadableSourceException first = null;
                    for (String sitemap : fetcher.robots().sitemapsFor(URI.create(outlet.urlOf(source)))) {
                        try {
                            readSitemap(outlet, sitemap, found, changed, true);
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
        return new Poll(articlesOf(outlet, found), changed[0], unreadable);
    }

    private List<CandidateUrl> articlesOf(Outlet outlet, List<CandidateUrl> found) {
        if (outlet.articleUrlPattern() == null) {
            return found;
        }
        Predicate<String> isArticle = outlet.articleUrls();
        return found.stream().filter(candidate -> {
            String canonical = normalizer.normalize(candidate.url());
            return canonical != null && isArticle.test(canonical);
        }).toList();
    }

    private void readSitemap(Outlet outlet, String url, List<CandidateUrl> found, boolean[] changed, boolean followChildren)
            throws UnreadableSourceException {
        FetchOutcome.Fetched doc = fetchIfChanged(outlet, url, changed);
        if (doc == null) {
            return;
        }
        ParsedSource parsed;
        try {
            parsed = sitemaps.parse(doc.body(), doc.finalUrl(), doc.contentType());
        } catch (UnreadableSourceException e) {
            // Fetch it in full next time: a fixed document must not hide behind a 304.
            validators.remove(url);
            found.addAll(e.readBeforeDamage()); // the complete entries of a damaged feed are still news
            throw e;
        }
        found.addAll(parsed.candidates());
        if (followChildren) {
            parsed.sitemaps().stream().limit(maxChildSitemaps).forEach(child -> {
                try {
                    readSitemap(outlet, child.url(), found, changed, false);
                } catch (UnreadableSourceException e) {
                    LOG.warn("event=source_unreadable url={} message=\"{}\"", child.url(), e.getMessage());
                }
            });
        }
    }

    /**
     * Fetches conditionally; null when not modified or unchanged.
     *
     * @throws UnreadableSourceException ({@code SOURCE_UNAVAILABLE}) when the source could not be fetched
     */
    private FetchOutcome.@Nullable Fetched fetchIfChanged(Outlet outlet, String url, boolean[] changed) throws UnreadableSourceException {
        FetchOutcome outcome = fetcher.fetch(url, outlet, validators.get(url));
        switch (outcome) {
            case FetchOutcome.Fetched fetched -> {
                Validators v = Validators.of(fetched);
                if (v != null) {
                    validators.put(url, v);
                }
                Integer digest = Arrays.hashCode(fetched.body());
                Integer before = digests.put(url, digest);
                if (digest.equals(before)) {
                    return null;
                }
                changed[0] = true;
                return fetched;
            }
            case FetchOutcome.Skipped skipped when skipped.cause() == FetchCause.NOT_MODIFIED -> {
                return null;
            }
            case FetchOutcome.Skipped skipped -> {
                LOG.warn("event=source_skipped url={} cause={} detail=\"{}\"", url, skipped.cause(), skipped.detail());
                throw UnreadableSourceException.unavailable(url, skipped.cause().name());
            }
            case FetchOutcome.Failed failed -> {
                LOG.warn("event=source_failed url={} cause={} status={} detail=\"{}\"", url, failed.cause(), failed.status(), failed.detail());
                throw UnreadableSourceException.unavailable(url, failed.cause().name() + (failed.status() > 0 ? " " + failed.status() : ""));
            }
        }
    }
}
