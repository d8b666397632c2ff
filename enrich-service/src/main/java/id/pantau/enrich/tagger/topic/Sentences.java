package id.pantau.enrich.tagger.topic;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sentence boundaries of one text, for locating evidence. Paragraph breaks always end a sentence,
 * so the sentences of a line depend on that line alone: each line is broken into sentences the
 * first time evidence falls in it, not the whole text up front. Not thread-safe; one per text.
 */
final class Sentences {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final String text;
    private final BreakIterator it = BreakIterator.getSentenceInstance(INDONESIAN);
    /** Sentence starts of each line broken so far, by line start; the line end closes the last. */
    private final Map<Integer, int[]> lines = new HashMap<>();

    Sentences(String text) {
        this.text = text;
    }

    /** [start, end) of the sentence holding {@code offset}, without surrounding white space. */
    int[] around(int offset) {
        if (offset < 0 || offset >= text.length() || text.charAt(offset) == '\n') {
            return aroundReadingWholeText(offset);
        }
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = text.indexOf('\n', offset);
        int end = lineEnd < 0 ? text.length() : lineEnd;
        int[] starts = lines.computeIfAbsent(lineStart, s -> breaks(s, end));
        int i = Arrays.binarySearch(starts, offset);
        int index = i >= 0 ? i : -i - 2;
        return trim(new int[] {starts[index], index + 1 < starts.length ? starts[index + 1] : end});
    }

    /**
     * Start offset of every sentence of the text after the first, ascending: each line's own start
     * (a line break always ends a sentence) and each sentence break inside a line.
     */
    int[] starts() {
        int[] found = new int[16];
        int count = 0;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int next = text.indexOf('\n', lineStart);
            int lineEnd = next < 0 ? text.length() : next;
            for (int start : lines.computeIfAbsent(lineStart, s -> breaks(s, lineEnd))) {
                if (start == 0) {
                    continue;
                }
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = start;
            }
            lineStart = lineEnd + 1;
        }
        return Arrays.copyOf(found, count);
    }

    /** Sentence starts of the line [lineStart, lineEnd): its own start first. */
    private int[] breaks(int lineStart, int lineEnd) {
        it.setText(text.substring(lineStart, lineEnd));
        int[] found = new int[8];
        int count = 0;
        for (int b = it.first(); b != BreakIterator.DONE && lineStart + b < lineEnd; b = it.next()) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = lineStart + b;
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * What {@link #around} gives, from every sentence start of the text: for offsets on a line break
     * or outside the text, and to check the line-by-line way against.
     */
    int[] aroundReadingWholeText(int offset) {
        int[] found = new int[16];
        int count = 0;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            for (int start : breaks(lineStart, lineEnd)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = start;
            }
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = lineEnd;
            lineStart = lineEnd + 1;
        }
        int[] starts = Arrays.copyOf(found, count);
        int i = Arrays.binarySearch(starts, offset);
        int index = i >= 0 ? i : -i - 2;
        int start = index < 0 ? 0 : starts[index];
        int end = index + 1 < starts.length ? starts[index + 1] : text.length();
        return trim(new int[] {start, end});
    }

    private int[] trim(int[] span) {
        int start = span[0];
        int end = span[1];
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }
}
