package id.pantau.launcher.e2e;

import id.pantau.ingest.discovery.ArticleIds;
import id.pantau.ingest.discovery.UrlNormalizer;
import id.pantau.ingest.extract.ArticleExtractor;
import id.pantau.ingest.extract.ExtractedArticle;
import id.pantau.ingest.extract.PageLoader;
import id.pantau.launcher.demo.DemoSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every article the demo site has published must look like in the index at the end: its id (as
 * ingest derives it from the URL), story, URL, latest version and content hash. Thread-safe.
 */
final class ExpectedArticles {

    /**
     * One article as it must end up.
     *
     * @param id article id
     * @param slug last URL segment, for messages
     * @param story slug of the story's first article ({@link E2eContent#storyOf})
     * @param url its URL
     * @param version 1, or 2 once edited (the demo site edits an article at most once here)
     * @param contentHash hash of the latest content
     */
    record Article(String id, String slug, String story, String url, int version, String contentHash) {}

    private static final UrlNormalizer NORMALIZER = new UrlNormalizer();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final DemoSite site;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    ExpectedArticles(DemoSite site) {
        this.site = site;
    }

    /** Every article published so far, by id, in publication order. */
    Map<String, Article> now() {
        Map<String, Article> out = new LinkedHashMap<>();
        for (DemoSite.Publication p : site.published()) {
            int version = p.modifiedAt().equals(p.publishedAt()) ? 1 : 2;
            out.put(idOf(p), new Article(idOf(p), slug(p), E2eContent.storyOf(slug(p)), p.url(), version, contentHash(p)));
        }
        return out;
    }

    /** The article id ingest gives the publication: from its normalised URL. */
    static String idOf(DemoSite.Publication publication) {
        return ArticleIds.of(NORMALIZER.normalize(publication.url()));
    }

    static String slug(DemoSite.Publication publication) {
        String path = URI.create(publication.url()).getPath();
        return path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
    }

    /**
     * The content hash ingest gives the page as the site serves it now: title and body as ingest's
     * extractor reads them (it takes datelines such as "MEMPAWAH - " out of the body), hashed as ingest
     * hashes them. Extraction has its own tests; here it only says which content is the latest.
     */
    private String contentHash(DemoSite.Publication publication) {
        return hashes.computeIfAbsent(publication.url() + "@" + publication.modifiedAt(), key -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(publication.url())).timeout(Duration.ofSeconds(10)).build();
                HttpResponse<String> page = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                ExtractedArticle article = new ArticleExtractor(Clock.systemUTC()).extract(page.body(), publication.url(),
                        site.outletRegistry().get(publication.outletId()).profile(), PageLoader.NONE);
                return ArticleIds.contentHash(article.title(), article.bodyParagraphs());
            } catch (Exception e) {
                throw new IllegalStateException("cannot extract " + publication.url() + ": " + e, e);
            }
        });
    }
}
