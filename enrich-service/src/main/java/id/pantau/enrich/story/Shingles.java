package id.pantau.enrich.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;

/**
 * Word shingles of a text as a sorted set of 32-bit hashes: lower-cased words of at least three
 * letters or digits, Indonesian stop words removed, then every run of {@code words} consecutive
 * words. Stateless and thread-safe.
 */
public final class Shingles {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
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
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String token = m.group();
            if (!STOP_WORDS.contains(token)) {
                tokens.add(token);
            }
        }
        int count = Math.max(0, tokens.size() - words + 1);
        int[] hashes = new int[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = mix(String.join(" ", tokens.subList(i, i + words)).hashCode());
        }
        return Arrays.stream(hashes).sorted().distinct().toArray();
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
