package id.pantau.enrich.tagger.topic;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * Sentence boundaries of one text, for locating evidence. Built once per text; immutable after
 * construction. Paragraph breaks always end a sentence.
 */
final class Sentences {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final String text;
    private final int[] starts;

    Sentences(String text) {
        this.text = text;
        BreakIterator it = BreakIterator.getSentenceInstance(INDONESIAN);
        int[] found = new int[16];
        int count = 0;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            it.setText(text.substring(lineStart, lineEnd));
            for (int b = it.first(); b != BreakIterator.DONE && lineStart + b < lineEnd; b = it.next()) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = lineStart + b;
            }
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = lineEnd;
            lineStart = lineEnd + 1;
        }
        this.starts = Arrays.copyOf(found, count);
    }

    /** [start, end) of the sentence holding {@code offset}, without surrounding white space. */
    int[] around(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        int index = i >= 0 ? i : -i - 2;
        int start = index < 0 ? 0 : starts[index];
        int end = index + 1 < starts.length ? starts[index + 1] : text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }
}
