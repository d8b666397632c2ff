package id.pantau.ingest.crawl;

/** What processing one crawl request came to; counted in logs and asserted in tests. */
public enum CrawlResult {
    /** A new article or a new version was published. */
    PUBLISHED,
    /** The page was fetched and extracted, but its content hash is the published one. */
    UNCHANGED,
    /** The request was older than the last publication of the URL: nothing fetched. */
    ALREADY_SEEN,
    /** The server said 304 Not Modified. */
    NOT_MODIFIED,
    /** The fetch failed for a passing reason and the request was queued again (see {@link Requeue}). */
    REQUEUED,
    /**
     * A further page of an article published before kept failing for a passing reason after the
     * requeues: nothing written, the published version stands, and the next revisit tries again.
     */
    REVISIT_INCOMPLETE,
    /**
     * A revisit failed for good (the page is gone, cannot be extracted, or kept failing): logged, not
     * dead-lettered again; a published version stands.
     */
    REVISIT_FAILED,
    /** The URL went to the dead-letter topic. */
    DEAD_LETTER
}
