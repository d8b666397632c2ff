package id.pantau.enrich.tagger.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A text lower-cased with every run of non-letter, non-digit characters folded into one space, plus a map
 * from each normalised character back to its offset in the original. Keywords normalised with
 * {@link #normalize(String)} then match on word boundaries: a match starts at 0 or after a space and
 * ends at the end or before a space. Immutable.
 */
public final class NormalizedText {

    private final String original;
    private final String normalized;
    private final int[] toOriginal;

    private NormalizedText(String original, String normalized, int[] toOriginal) {
        this.original = original;
        this.normalized = normalized;
        this.toOriginal = toOriginal;
    }

    /** Normalises {@code original}, keeping the offset map. */
    public static NormalizedText of(String original) {
        Objects.requireNonNull(original, "original");
        int n = original.length();
        char[] out = new char[n];
        int[] map = new int[n];
        int len = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = original.charAt(i);
            char lower;
            if (c < 128) {
                // ASCII fast path: most of an Indonesian article
                lower = ASCII[c];
            } else {
                lower = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
            }
            if (lower != 0) {
                if (pendingSpace && len > 0) {
                    map[len] = i - 1;
                    out[len++] = ' ';
                }
                pendingSpace = false;
                map[len] = i;
                out[len++] = lower;
            } else {
                pendingSpace = true;
            }
        }
        return new NormalizedText(original, new String(out, 0, len), Arrays.copyOf(map, len));
    }

    /** Lower-case form of each ASCII letter or digit; 0 for every other ASCII character. */
    private static final char[] ASCII = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = c;
            ASCII[c - 'a' + 'A'] = c;
        }
    }

    /** The normal form of a keyword, as it would appear inside a normalised text. */
    public static String normalize(String keyword) {
        return of(keyword).normalized();
    }

    public String original() {
        return original;
    }

    public String normalized() {
        return normalized;
    }

    /** Original offset of the normalised character at {@code index}. */
    public int originalStart(int index) {
        return toOriginal[index];
    }

    /** Original offset just past the normalised span ending (exclusive) at {@code end}. */
    public int originalEnd(int end) {
        return toOriginal[end - 1] + 1;
    }

    /** True when [start, end) lies on word boundaries of the normalised text. */
    public boolean isWordBounded(int start, int end) {
        return (start == 0 || normalized.charAt(start - 1) == ' ')
                && (end == normalized.length() || normalized.charAt(end) == ' ');
    }

    /**
     * Up to {@code max} tokens ending just before {@code start}, nearest last; empty at the start of the text.
     */
    public List<String> tokensBefore(int start, int max) {
        List<String> out = new ArrayList<>(max);
        int end = start - 1; // the space before the match
        while (out.size() < max && end > 0) {
            int s = normalized.lastIndexOf(' ', end - 1) + 1;
            out.add(0, normalized.substring(s, end));
            end = s - 1;
        }
        return out;
    }

    /** Up to {@code max} tokens starting just after {@code end}. */
    public List<String> tokensAfter(int end, int max) {
        List<String> out = new ArrayList<>(max);
        int s = end + 1;
        while (out.size() < max && s < normalized.length()) {
            int e = normalized.indexOf(' ', s);
            if (e < 0) {
                e = normalized.length();
            }
            out.add(normalized.substring(s, e));
            s = e + 1;
        }
        return out;
    }

    /** True when every word of the original span [start, end) starts with an upper-case letter or a digit. */
    public boolean isCapitalised(int originalStart, int originalEnd) {
        boolean atWordStart = true;
        for (int i = originalStart; i < originalEnd; i++) {
            char c = original.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (atWordStart && Character.isLowerCase(c)) {
                    return false;
                }
                atWordStart = false;
            } else {
                atWordStart = true;
            }
        }
        return true;
    }
}
