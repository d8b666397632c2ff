package id.pantau.enrich.tagger.official;

import java.util.ArrayList;
import java.util.List;

/**
 * A word or a punctuation mark of the original text. A word keeps inner dots, apostrophes and hyphens
 * ("S.Pi", "Alun-Alun"); a trailing dot is its own token.
 *
 * @param text as written
 * @param key lower-case with dots removed
 * @param start offset in the text
 * @param end offset just past it
 * @param word true for a word, false for punctuation
 * @param lineStart true when a line break stands between it and the token before
 */
record Token(String text, String key, int start, int end, boolean word, boolean lineStart) {

    static List<Token> of(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        boolean newline = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                newline |= c == '\n';
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < s.length()) {
                    char d = s.charAt(j);
                    if (Character.isLetterOrDigit(d)) {
                        j++;
                    } else if ((d == '.' || d == '\'' || d == '-' || d == '\u2019') && j + 1 < s.length()
                            && Character.isLetterOrDigit(s.charAt(j + 1))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                String text = s.substring(i, j);
                out.add(new Token(text, OfficeLexicon.key(text), i, j, true, newline));
                newline = false;
                i = j;
            } else {
                out.add(new Token(String.valueOf(c), String.valueOf(c), i, i + 1, false, newline));
                newline = false;
                i++;
            }
        }
        return out;
    }

    boolean isCapitalised() {
        return word && Character.isUpperCase(text.charAt(0));
    }

    boolean is(String punctuation) {
        return !word && text.equals(punctuation);
    }
}
