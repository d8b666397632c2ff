package id.pantau.ingest.publish;

import id.pantau.ingest.discovery.ArticleIds;
import id.pantau.ingest.extract.ExtractedArticle;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.SeenArticle;
import java.time.Instant;

/** Maps an extracted article to the Avro records ingest publishes. Stateless. */
public final class RawArticleMapper {

    private RawArticleMapper() {}

    /**
     * The {@code RawArticle} of one version.
     *
     * @param canonicalUrl the normalised canonical URL (the id is its hash)
     * @param url the URL the page was fetched from
     * @param contentHash {@link ArticleIds#contentHash} of title and body
     */
    public static RawArticle toRaw(ExtractedArticle article, String outletId, String url, String canonicalUrl, String contentHash,
            int version, Instant fetchedAt) {
        return RawArticle.newBuilder()
                .setArticleId(ArticleIds.of(canonicalUrl))
                .setVersion(version)
                .setOutletId(outletId)
                .setUrl(url)
                .setCanonicalUrl(canonicalUrl)
                .setFetchedAt(fetchedAt)
                .setPublishedAt(article.publishedAt())
                .setModifiedAt(article.modifiedAt())
                .setTitle(article.title())
                .setLead(article.lead())
                .setDateline(article.dateline())
                .setDatelinePlace(article.datelinePlace())
                .setAuthors(article.authors())
                .setEditor(article.editor())
                .setSection(article.section())
                .setTags(article.tags())
                .setBodyParagraphs(article.bodyParagraphs())
                .setLeadImageUrl(article.leadImageUrl())
                .setLanguage(article.language())
                .setContentHash(contentHash)
                .setExtractionMethod(article.extractionMethod())
                .setPageCount(article.pageCount())
                .build();
    }

    /** The seen-store record of a published version. */
    public static SeenArticle toSeen(RawArticle raw, Instant publishedAt) {
        return SeenArticle.newBuilder()
                .setCanonicalUrl(raw.getCanonicalUrl())
                .setArticleId(raw.getArticleId())
                .setContentHash(raw.getContentHash())
                .setVersion(raw.getVersion())
                .setPublishedAt(publishedAt)
                .build();
    }
}
