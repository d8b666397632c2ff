package id.pantau.ingest.discovery;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads XML sitemaps, Google news sitemaps, sitemap indexes and RSS/Atom feeds with crawler-commons'
 * {@link SiteMapParser} (which understands all of them). A news sitemap's publication date stands
 * in for a missing {@code lastmod}; image and news extension elements never become candidates.
 * A sitemap entry with neither is left out: sitemaps list a site's whole archive and its static pages,
 * so an undated entry cannot be told recent (an undated feed item is kept: a feed lists only the
 * newest items). An index's children whose names say they list pages, categories, tags, authors or
 * attachments (Yoast and Rank Math {@code category-sitemap.xml}, WordPress core
 * {@code wp-sitemap-taxonomies-category-1.xml}...) are left out. Thread-safe: a parser is made per call.
 */
public final class SitemapSource {

    private static final Pattern NON_ARTICLE_CHILD = Pattern.compile("(?:(?:page|category|tag|post_tag|author|attachment)-sitemap\\d*"
            + "|wp-sitemap-(?:posts-page|taxonomies-[a-z_]+|users)-\\d+)\\.xml(?:\\.gz)?");

    /**
     * Parses one fetched sitemap or feed.
     *
     * @param contentType the response's Content-Type, or null
     * @throws UnreadableSourceException when the document is not a sitemap or feed, or is broken XML
     *     before any entry could be read
     */
    public ParsedSource parse(byte[] body, String url, @Nullable String contentType) throws UnreadableSourceException {
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        // Without the image extension, <image:loc> of an entry is read as a page URL of its own.
        parser.enableExtension(Extension.IMAGE);
        AbstractSiteMap map;
        try {
            URL location = URI.create(url).toURL();
            map = parser.parseSiteMap(contentType == null ? "text/xml" : contentType, body, location);
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            List<CandidateUrl> complete = DamagedFeedReader.completeEntries(body, url);
            throw new UnreadableSourceException(url, complete.isEmpty() ? detail : detail + " (" + complete.size()
                    + " complete entries before the damage read leniently)", e, complete);
        }
        if (map instanceof SiteMapIndex index) {
            List<CandidateUrl> children = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                if (listsNonArticles(child.getUrl())) {
                    continue;
                }
                children.add(new CandidateUrl(child.getUrl().toString(),
                        child.getLastModified() == null ? null : child.getLastModified().toInstant()));
            }
            children.sort(Comparator.comparing((CandidateUrl c) -> c.lastModified() == null ? Instant.MIN : c.lastModified()).reversed());
            return new ParsedSource(List.of(), children);
        }
        List<CandidateUrl> candidates = new ArrayList<>();
        if (map instanceof SiteMap sitemap) {
            boolean isFeed = map.getType() == AbstractSiteMap.SitemapType.RSS || map.getType() == AbstractSiteMap.SitemapType.ATOM;
            for (SiteMapURL entry : sitemap.getSiteMapUrls()) {
                Instant date = dateOf(entry);
                if (date != null || isFeed) {
                    candidates.add(new CandidateUrl(entry.getUrl().toString(), date));
                }
            }
        }
        if (!map.isProcessed() && candidates.isEmpty()) {
            throw new UnreadableSourceException(url, "no entries could be read", new IOException("unprocessed sitemap"));
        }
        return ParsedSource.ofCandidates(candidates);
    }

    /** Whether the name of an index's child sitemap says it lists no articles. */
    private static boolean listsNonArticles(URL child) {
        String path = child.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return NON_ARTICLE_CHILD.matcher(name).matches();
    }

    private static @Nullable Instant dateOf(SiteMapURL entry) {
        if (entry.getLastModified() != null) {
            return entry.getLastModified().toInstant();
        }
        ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata meta : news) {
                if (meta instanceof NewsAttributes attrs && attrs.getPublicationDateTime() != null) {
                    return attrs.getPublicationDateTime().toInstant();
                }
            }
        }
        return null;
    }

}
