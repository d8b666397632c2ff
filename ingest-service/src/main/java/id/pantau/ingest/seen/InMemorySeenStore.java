package id.pantau.ingest.seen;

import id.pantau.schemas.avro.SeenArticle;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A seen-store in a map; keeps the highest version per URL when updates race. Thread-safe. Used
 * by {@link KafkaSeenStore} and directly in unit tests.
 */
public final class InMemorySeenStore implements SeenStore {

    private final ConcurrentHashMap<String, SeenArticle> byUrl = new ConcurrentHashMap<>();

    @Override
    public @Nullable SeenArticle get(String canonicalUrl) {
        return byUrl.get(canonicalUrl);
    }

    @Override
    public void put(SeenArticle seen) {
        byUrl.merge(seen.getCanonicalUrl(), seen, (old, now) -> now.getVersion() >= old.getVersion() ? now : old);
    }

    @Override
    public int size() {
        return byUrl.size();
    }
}
