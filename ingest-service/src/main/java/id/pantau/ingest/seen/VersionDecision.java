package id.pantau.ingest.seen;

import id.pantau.schemas.avro.SeenArticle;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether an extracted article is published, and as which version: a URL never seen is version 1;
 * a new content hash is the next version; the same hash is not published again. Immutable.
 *
 * @param publish whether to publish
 * @param version the version to publish (or the current one when not publishing)
 */
public record VersionDecision(boolean publish, int version) {

    public static VersionDecision decide(@Nullable SeenArticle seen, String contentHash) {
        Objects.requireNonNull(contentHash, "contentHash");
        if (seen == null) {
            return new VersionDecision(true, 1);
        }
        if (seen.getContentHash().equals(contentHash)) {
            return new VersionDecision(false, seen.getVersion());
        }
        return new VersionDecision(true, seen.getVersion() + 1);
    }
}
