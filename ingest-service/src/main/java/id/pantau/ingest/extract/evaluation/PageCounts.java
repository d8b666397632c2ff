package id.pantau.ingest.extract.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * True positives, false positives and false negatives of one page, on 4-token shingles with counts,
 * normalised so that the three sum to 1 (all zero when both texts have no shingle).
 */
public record PageCounts(double tp, double fp, double fn) {

    /** Shingle length in tokens. */
    public static final int SHINGLE_TOKENS = 4;

    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Compares {@code extracted} with {@code expected}. */
    public static PageCounts of(String expected, String extracted) {
        Map<List<String>, Integer> want = shingles(expected);
        Map<List<String>, Integer> got = shingles(extracted);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<List<String>, Integer> entry : got.entrySet()) {
            int expectedCount = want.getOrDefault(entry.getKey(), 0);
            tp += Math.min(expectedCount, entry.getValue());
            fp += Math.max(0, entry.getValue() - expectedCount);
        }
        for (Map.Entry<List<String>, Integer> entry : want.entrySet()) {
            fn += Math.max(0, entry.getValue() - got.getOrDefault(entry.getKey(), 0));
        }
        double sum = tp + fp + fn;
        return sum == 0 ? new PageCounts(0, 0, 0) : new PageCounts(tp / sum, fp / sum, fn / sum);
    }

    /** The Unicode {@code \w+} tokens of {@code text}, in order. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** The 4-token shingles of {@code text} with their counts. */
    public static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<List<String>, Integer> shingles = new HashMap<>();
        for (int i = 0; i + SHINGLE_TOKENS <= tokens.size(); i++) {
            shingles.merge(List.copyOf(tokens.subList(i, i + SHINGLE_TOKENS)), 1, Integer::sum);
        }
        return shingles;
    }
}
