package id.pantau.ingest.seen;

import id.pantau.schemas.avro.SeenArticle;
import org.jspecify.annotations.Nullable;

/** Last published version per canonical URL. Implementations are thread-safe. */
public interface SeenStore {

    /** The last published version of {@code canonicalUrl}, or null if never published. */
    @Nullable SeenArticle get(String canonicalUrl);

    /** Records a published version (after the article record was acknowledged). */
    void put(SeenArticle seen);

    /** Number of canonical URLs known. */
    int size();
}
