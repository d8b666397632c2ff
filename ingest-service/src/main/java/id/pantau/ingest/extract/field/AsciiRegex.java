package id.pantau.ingest.extract.field;

/**
 * What the hand-written readings of the extraction's regular expressions share: the class {@code \s}
 * and the case rule of {@code (?i)}, which without {@code UNICODE_CASE} folds ASCII letters only. Pure.
 */
public final class AsciiRegex {

    private AsciiRegex() {}

    /** The regex class {@code \s}: space, and 9 to 13 (tab, line feed, vertical tab, form feed, carriage return). */
    public static boolean isSpace(char c) {
        // a letter, the usual character, is told in one comparison
        return c <= ' ' && (c == ' ' || c >= '\t' && c <= '\r');
    }

    /**
     * Whether {@code lower} (lower-case ASCII) stands in {@code s} at {@code at}, ASCII letters compared
     * without case, as {@code (?i)} compares them; false when it would not fit.
     */
    public static boolean matchesIgnoreCase(String s, int at, String lower) {
        if (at < 0 || at + lower.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = s.charAt(at + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
