package id.pantau.ingest.extract.field;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Authors and editor named by a byline. Immutable.
 *
 * @param authors writers in byline order, without duplicates
 * @param editor the editor ("Editor", "Redaktur", "Penyunting"), when named
 */
public record Byline(List<String> authors, @Nullable String editor) {

    /** A byline naming nobody. */
    public static final Byline EMPTY = new Byline(List.of(), null);

    public Byline {
        authors = List.copyOf(authors);
    }

    /** Whether the byline names nobody. */
    public boolean isEmpty() {
        return authors.isEmpty() && editor == null;
    }
}
