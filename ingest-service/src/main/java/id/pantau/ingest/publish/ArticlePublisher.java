package id.pantau.ingest.publish;

import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.SeenArticle;

/** Where extracted articles and dead letters go. Implementations are thread-safe. */
public interface ArticlePublisher {

    /**
     * Publishes one article version and its seen-store record, both or neither (to read_committed
     * readers); returns once both are acknowledged.
     *
     * @throws PublishException when the broker does not acknowledge
     */
    void publish(RawArticle article, SeenArticle seen);

    /** Publishes a dead letter; returns once acknowledged. */
    void deadLetter(DeadLetter letter);

    /**
     * Publishes a crawl request that could not be decoded, with its original key and bytes.
     *
     * @param reason cause code, e.g. the decoding failure's reason
     */
    void undecodable(byte[] key, byte[] value, String reason, String message, DeadLetter.Source source);
}
