package id.pantau.ingest.extract.generic;

import java.util.Locale;
import java.util.Set;

/**
 * A fixed set of lower-case words that is asked about a word where it sits in a text, so that the
 * words of every scored block are looked up without cutting each out and lower-casing it. Each word
 * has a slot number (below {@link #slots()}), so a caller can count distinct words found.
 */
final class WordTable {

    private final String[] table;
    private final int mask;
    private final int size;

    /** A table of {@code words}, which must already be lower case (in the root locale). */
    WordTable(Set<String> words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 + 1)) << 1;
        this.table = new String[capacity];
        this.mask = capacity - 1;
        this.size = words.size();
        for (String word : words) {
            int slot = word.hashCode() & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = word;
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The number of slots: every slot number returned by {@link #slotOf} is below it. */
    int slots() {
        return table.length;
    }

    /**
     * The slot of {@code text.substring(start, end).toLowerCase(Locale.ROOT)}, or -1 when that word is
     * not in the table.
     */
    int slotOf(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                // outside ASCII, lower-casing may change the length: let the JDK do it
                return slotOf(text.substring(start, end).toLowerCase(Locale.ROOT));
            }
            hash = 31 * hash + lowerAscii(c);
        }
        for (int slot = hash & mask; table[slot] != null; slot = (slot + 1) & mask) {
            if (equalsLowerAscii(table[slot], text, start, end)) {
                return slot;
            }
        }
        return -1;
    }

    private int slotOf(String word) {
        for (int slot = word.hashCode() & mask; table[slot] != null; slot = (slot + 1) & mask) {
            if (table[slot].equals(word)) {
                return slot;
            }
        }
        return -1;
    }

    private static boolean equalsLowerAscii(String word, String text, int start, int end) {
        if (word.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (word.charAt(i - start) != lowerAscii(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
