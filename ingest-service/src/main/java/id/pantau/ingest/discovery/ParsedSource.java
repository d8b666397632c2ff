package id.pantau.ingest.discovery;

import java.util.List;

/**
 * What one fetched source yielded. Immutable.
 *
 * @param candidates article candidates, in source order
 * @param sitemaps further sitemaps to read (children of a sitemap index, or robots.txt Sitemap lines)
 */
public record ParsedSource(List<CandidateUrl> candidates, List<CandidateUrl> sitemaps) {

    public ParsedSource {
        candidates = List.copyOf(candidates);
        sitemaps = List.copyOf(sitemaps);
    }

    public static ParsedSource ofCandidates(List<CandidateUrl> candidates) {
        return new ParsedSource(candidates, List.of());
    }
}
