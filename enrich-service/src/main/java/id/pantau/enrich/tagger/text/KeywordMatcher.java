package id.pantau.enrich.tagger.text;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Finds normalised keywords in a {@link NormalizedText} with one Aho-Corasick automaton (a double-array
 * trie), on word boundaries. Immutable and thread-safe once built.
 *
 * <p>The automaton holds each keyword between two spaces and reads the text with a space added at
 * each end: in a normalised text a word-bounded occurrence is exactly one with a space (or an end)
 * on each side, so the automaton reports only those, not the many occurrences inside longer words
 * (short place names in every other word) that would otherwise each be reported and dropped.
 *
 * @param <V> value attached to each keyword
 */
public final class KeywordMatcher<V> {

    /** One keyword occurrence; offsets are in the normalised text. */
    public record Match<V>(int start, int end, V value) {
        public int length() {
            return end - start;
        }
    }

    private final AhoCorasickDoubleArrayTrie<V> trie = new AhoCorasickDoubleArrayTrie<>();
    private final boolean empty;

    /** Builds the automaton; keys must already be normalised with {@link NormalizedText#normalize}. */
    public KeywordMatcher(Map<String, V> keywords) {
        TreeMap<String, V> sorted = new TreeMap<>();
        keywords.forEach((k, v) -> {
            if (!k.isEmpty()) {
                sorted.put(' ' + k + ' ', v);
            }
        });
        empty = sorted.isEmpty();
        if (!empty) {
            trie.build(sorted);
        }
    }

    /** Every word-bounded occurrence, overlapping ones included, ordered by start then longest first. */
    public List<Match<V>> findAll(NormalizedText text) {
        List<Match<V>> out = new ArrayList<>();
        if (empty) {
            return out;
        }
        // " keyword " found at [begin, end) of " text " is the keyword at [begin, end - 2) of the text
        trie.parseText(' ' + text.normalized() + ' ', (begin, end, value) -> {
            out.add(new Match<>(begin, end - 2, value));
        });
        out.sort(Comparator.<Match<V>>comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match<V>::length).reversed()));
        return out;
    }

    /** Leftmost-longest occurrences that do not overlap, in text order. */
    public List<Match<V>> findLongest(NormalizedText text) {
        List<Match<V>> out = new ArrayList<>();
        int covered = 0;
        for (Match<V> m : findAll(text)) {
            if (m.start() >= covered) {
                out.add(m);
                covered = m.end();
            }
        }
        return out;
    }

    /** The longest keyword that starts exactly at normalised offset {@code start}, or null. */
    public @Nullable Match<V> longestAt(NormalizedText text, int start) {
        if (empty || start >= text.normalized().length()) {
            return null;
        }
        String s = text.normalized();
        if (start > 0 && s.charAt(start - 1) != ' ') {
            return null;
        }
        int limit = Math.min(s.length(), start + 64);
        // a keyword may end where the window ends if the text has a space (or its end) there
        String window = ' ' + s.substring(start, limit) + (limit == s.length() || s.charAt(limit) == ' ' ? " " : "");
        Match<V>[] best = newArray();
        trie.parseText(window, (begin, end, value) -> {
            if (begin == 0 && (best[0] == null || end - 2 > best[0].length())) {
                best[0] = new Match<>(start, start + end - 2, value);
            }
        });
        return best[0];
    }

    @SuppressWarnings("unchecked")
    private static <V> Match<V>[] newArray() {
        return (Match<V>[]) new Match<?>[1];
    }
}
