package id.pantau.ingest.extract.generic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/**
 * What the page says about its own body outside the HTML body: the JSON-LD {@code articleBody}. A
 * block whose words are in it is likely body; one whose words are not is likely furniture.
 */
final class Evidence {

    static final Evidence NONE = new Evidence(Set.of());

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MIN_WORDS = 40;

    private final Set<String> words;

    private Evidence(Set<String> words) {
        this.words = words;
    }

    /** The evidence of {@code document}; {@link #NONE} when it has no usable {@code articleBody}. */
    static Evidence of(Document document) {
        for (JsonNode article : JsonLd.articles(document, "articleBody")) {
            JsonNode body = article.get("articleBody");
            if (body != null && body.isTextual()) {
                Set<String> words = words(body.asText());
                if (words.size() >= MIN_WORDS) {
                    return new Evidence(words);
                }
            }
        }
        return NONE;
    }

    boolean isPresent() {
        return !words.isEmpty();
    }

    /** Multiplier for a block's score: 0.25 when none of its words are in the evidence, up to 2. */
    double weight(String text) {
        if (words.isEmpty()) {
            return 1;
        }
        return 0.25 + 1.75 * share(text);
    }

    /** Share of {@code text}'s words found in the evidence (1 when there is no evidence). */
    double share(String text) {
        if (words.isEmpty()) {
            return 1;
        }
        int total = 0;
        int found = 0;
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            total++;
            if (words.contains(matcher.group().toLowerCase(Locale.ROOT))) {
                found++;
            }
        }
        return total == 0 ? 0 : (double) found / total;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

}
