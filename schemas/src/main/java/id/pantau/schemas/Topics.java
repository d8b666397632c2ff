package id.pantau.schemas;

import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.Official;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.SeenArticle;
import id.pantau.schemas.serde.AvroSerdes;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic pantau uses, declared once. The README's topic table lists the same. */
public final class Topics {

    /** Extracted articles, one record per article version; written by ingest-service. */
    public static final Topic<String, RawArticle> RAW_ARTICLES =
            new Topic<>("news.articles.raw", Serdes.String(), AvroSerdes.rawArticle(), 3, false, "article id");

    /** Articles with their tags and story cluster; written by enrich-service. */
    public static final Topic<String, EnrichedArticle> ENRICHED_ARTICLES =
            new Topic<>("news.articles.enriched", Serdes.String(), AvroSerdes.enrichedArticle(), 3, false, "article id");

    /** Alerts raised once per story cluster and rule; written by enrich-service. */
    public static final Topic<String, Alert> ALERTS =
            new Topic<>("news.alerts", Serdes.String(), AvroSerdes.alert(), 1, false, "alert id");

    /**
     * Dead letters: the original bytes (or, for a page, its URL) with the reason and origin in
     * headers, see {@link DeadLetterHeaders}.
     */
    public static final Topic<byte[], byte[]> DEAD_LETTERS =
            new Topic<>("news.dlq", Serdes.ByteArray(), Serdes.ByteArray(), 1, false, "original key");

    /** Reference data of officials, latest record per official id. */
    public static final Topic<String, Official> OFFICIALS =
            new Topic<>("ref.officials", Serdes.String(), AvroSerdes.official(), 1, true, "official id");

    /** URLs to fetch, keyed by host so that one ingest instance owns a host and its pacing. */
    public static final Topic<String, CrawlRequest> CRAWL_REQUESTS =
            new Topic<>("ingest.crawl.requests", Serdes.String(), AvroSerdes.crawlRequest(), 6, false, "host");

    /** The last published version of every canonical URL, so a restart does not re-publish. */
    public static final Topic<String, SeenArticle> SEEN_ARTICLES =
            new Topic<>("ingest.seen", Serdes.String(), AvroSerdes.seenArticle(), 3, true, "canonical URL");

    /** All topics, in pipeline order. */
    public static final List<Topic<?, ?>> ALL =
            List.of(CRAWL_REQUESTS, SEEN_ARTICLES, RAW_ARTICLES, OFFICIALS, ENRICHED_ARTICLES, ALERTS, DEAD_LETTERS);

    private Topics() {}
}
