package id.pantau.enrich.story;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;

/**
 * Word shingles of a text as a sorted set of 32-bit hashes: lower-cased words of at least three
 * letters or digits, Indonesian stop words removed, then every run of {@code words} consecutive
 * words. Stateless and thread-safe.
 */
public final class Shingles {

    private static final CharArraySet STOP_WORDS = IndonesianAnalyzer.getDefaultStopSet();

    private final int words;

    /** @param words words per shingle, at least 1 */
    public Shingles(int words) {
        if (words < 1) {
            throw new IllegalArgumentException("words per shingle: expected at least 1, got " + words);
        }
        this.words = words;
    }

    /** Sorted distinct shingle hashes of {@code text}; empty when it has fewer content words than a shingle. */
    public int[] of(String text) {
        return of(List.of(text));
    }

    /**
     * Shingles of the texts read one after another as if joined by a separator (a blank line, say):
     * the same as {@link #of(String)} of the joined text, without building it.
     */
    public int[] of(List<String> texts) {
        // hand-rolled tokenizer: this runs on every article, and a regex plus a joined string per
        // shingle cost more than the MinHash itself; a token's hash is String.hashCode of its
        // lower-cased form, computed as it is read
        int[] tokenHashes = new int[64];
        int tokens = 0;
        char[] token = new char[32];
        for (String text : texts) {
            int length = 0;
            int hash = 0;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : ' ';
                if (Character.isLetterOrDigit(c)) {
                    char lower = Character.toLowerCase(c);
                    if (length == token.length) {
                        token = Arrays.copyOf(token, length * 2);
                    }
                    token[length++] = lower;
                    hash = 31 * hash + lower;
                    continue;
                }
                if (length >= 3 && !STOP_WORDS.contains(token, 0, length)) {
                    if (tokens == tokenHashes.length) {
                        tokenHashes = Arrays.copyOf(tokenHashes, tokens * 2);
                    }
                    tokenHashes[tokens++] = hash;
                }
                length = 0;
                hash = 0;
            }
        }
        int count = Math.max(0, tokens - words + 1);
        int[] hashes = new int[count];
        for (int i = 0; i < count; i++) {
            int h = tokenHashes[i];
            for (int w = 1; w < words; w++) {
                h = 31 * h + tokenHashes[i + w];
            }
            hashes[i] = mix(h);
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /** Jaccard similarity of two sorted distinct hash sets. */
    public static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        // branch-free steps: which side advances is data, not a jump the CPU has to guess
        while (i < a.length && j < b.length) {
            int x = a[i];
            int y = b[j];
            common += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += x >= y ? 1 : 0;
        }
        return (double) common / (a.length + b.length - common);
    }

    /** Murmur3 finaliser: spreads String.hashCode bits so MinHash sees uniform values. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
