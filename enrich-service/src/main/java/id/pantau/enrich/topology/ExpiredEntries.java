package id.pantau.enrich.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Deletes the entries of a state store whose value says they expired. Stateless. */
final class ExpiredEntries {

    private ExpiredEntries() {}

    /** Deletes every entry of {@code store} whose value is {@code expired}; returns the deleted keys. */
    static <V> List<String> purge(KeyValueStore<String, V> store, Predicate<V> expired) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (expired.test(entry.value)) {
                    keys.add(entry.key);
                }
            }
        }
        keys.forEach(store::delete);
        return keys;
    }
}
