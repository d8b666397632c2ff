package id.pantau.enrich.topology;

import id.pantau.enrich.tagger.official.OfficialTagger;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.schemas.avro.Official;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The officials currently on ref.officials and the {@link OfficialTagger} built from them. The
 * global-store processor updates it; taggers ask for {@link #tagger()}, which is rebuilt lazily once
 * after a change, so a new official is tagged from the next article on, without a restart.
 *
 * <p>Thread-safe: one instance is shared by the global thread and every stream thread.
 */
public final class OfficialDirectory {

    private final RegionGazetteer gazetteer;
    private final Map<String, Official> officials = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile long builtVersion = -1;
    private volatile @Nullable OfficialTagger tagger;

    public OfficialDirectory(RegionGazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /** Records a new or changed official, or removes it when {@code official} is null (tombstone). */
    public void update(String id, @Nullable Official official) {
        if (official == null) {
            officials.remove(id);
        } else {
            officials.put(id, official);
        }
        version.incrementAndGet();
    }

    /** Number of officials known now. */
    public int size() {
        return officials.size();
    }

    /** The tagger for the officials known now. */
    public OfficialTagger tagger() {
        long current = version.get();
        OfficialTagger built = tagger;
        if (built != null && builtVersion == current) {
            return built;
        }
        synchronized (this) {
            if (tagger == null || builtVersion != version.get()) {
                long seen = version.get();
                tagger = OfficialTagger.of(List.copyOf(officials.values()), gazetteer);
                builtVersion = seen;
            }
            return Objects.requireNonNull(tagger);
        }
    }
}
