package id.pantau.enrich.story;

import java.util.Arrays;
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
        // hand-rolled tokenizer: this runs on every article, and a regex plus a joined string per
        // shingle cost more than the MinHash itself
        int[] tokenHashes = new int[64];
        int tokens = 0;
        StringBuilder token = new StringBuilder(24);
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                token.append(Character.toLowerCase(c));
                continue;
            }
            if (token.length() >= 3 && !STOP_WORDS.contains(token)) {
                if (tokens == tokenHashes.length) {
                    tokenHashes = Arrays.copyOf(tokenHashes, tokens * 2);
                }
                tokenHashes[tokens++] = token.toString().hashCode();
            }
            token.setLength(0);
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
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
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
