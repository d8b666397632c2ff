package id.pantau.ingest.extract.generic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * What the page says about its own body outside the HTML body. The JSON-LD {@code articleBody}: a
 * block whose words are in it is likely body, one whose words are not is likely furniture. Without
 * it, the OpenGraph (or meta) description: the block that holds most of its words is likely the
 * lead paragraph of the body.
 */
final class Evidence {

    static final Evidence NONE = new Evidence(Set.of(), Set.of());

    private static final int MIN_BODY_WORDS = 40;
    private static final int MIN_LEAD_WORDS = 8;
    /** Share of the description's words a block must hold to count as the lead. */
    private static final double LEAD_COVERAGE = 0.6;
    private static final double LEAD_WEIGHT = 2;

    private final WordTable words;
    private final WordTable lead;

    private Evidence(Set<String> words, Set<String> lead) {
        this.words = new WordTable(words);
        this.lead = new WordTable(lead);
    }

    /** The evidence of {@code document}; {@link #NONE} when it has neither. */
    static Evidence of(Document document) {
        Sources sources = Sources.of(document);
        for (JsonNode article : JsonLd.articles(sources.ldScripts, "articleBody")) {
            JsonNode body = article.get("articleBody");
            if (body != null && body.isTextual()) {
                Set<String> words = words(body.asText());
                if (words.size() >= MIN_BODY_WORDS) {
                    return new Evidence(words, Set.of());
                }
            }
        }
        Element description = sources.description;
        if (description != null) {
            Set<String> lead = words(description.attr("content"));
            if (lead.size() >= MIN_LEAD_WORDS) {
                return new Evidence(Set.of(), lead);
            }
        }
        return NONE;
    }

    /** True when the page has a usable JSON-LD {@code articleBody}. */
    boolean isPresent() {
        return !words.isEmpty();
    }

    /**
     * Multiplier for a block's score: with an {@code articleBody}, 0.25 when none of the block's words
     * are in it, up to 2; with a description, 2 for the block that holds most of its words; else 1.
     */
    double weight(String text) {
        if (!words.isEmpty()) {
            return 0.25 + 1.75 * share(text);
        }
        if (!lead.isEmpty() && text.length() >= lead.size() * 3) {
            return holdsLead(text) ? LEAD_WEIGHT : 1;
        }
        return 1;
    }

    /** True when {@code text} holds at least {@value #LEAD_COVERAGE} of the description's distinct words. */
    private boolean holdsLead(String text) {
        boolean[] found = new boolean[lead.slots()];
        int[] distinct = {0};
        forEachWord(text, (start, end) -> {
            int slot = lead.slotOf(text, start, end);
            if (slot >= 0 && !found[slot]) {
                found[slot] = true;
                distinct[0]++;
            }
        });
        return distinct[0] >= LEAD_COVERAGE * lead.size();
    }

    /** Share of {@code text}'s words found in the {@code articleBody} (1 when there is none). */
    double share(String text) {
        if (words.isEmpty()) {
            return 1;
        }
        int[] counts = new int[2];
        forEachWord(text, (start, end) -> {
            counts[0]++;
            if (words.slotOf(text, start, end) >= 0) {
                counts[1]++;
            }
        });
        return counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        forEachWord(text, (start, end) -> words.add(text.substring(start, end).toLowerCase(Locale.ROOT)));
        return words;
    }

    /** Calls {@code action} with the bounds of each run of letters, digits and underscores of {@code text}. */
    private static void forEachWord(String text, WordBounds action) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                action.accept(start, i);
                start = -1;
            }
        }
    }

    /**
     * The page's JSON-LD scripts and its description, found in one walk: the scripts {@link
     * JsonLd#articles(Document)} reads (not inside another script) and the element {@code
     * selectFirst("meta[property=og:description], meta[name=description]")} finds.
     */
    static final class Sources implements NodeVisitor {
        final List<Element> ldScripts = new ArrayList<>();
        @Nullable Element description;
        private int scriptDepth;

        static Sources of(Document document) {
            Sources sources = new Sources();
            NodeTraversor.traverse(sources, document);
            return sources;
        }

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            if (element.nameIs("script")) {
                if (scriptDepth == 0 && JsonLd.isLdScript(element)) {
                    ldScripts.add(element);
                }
                scriptDepth++;
            } else if (description == null && element.nameIs("meta") && isDescription(element)) {
                description = element;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && element.nameIs("script")) {
                scriptDepth--;
            }
        }

        private static boolean isDescription(Element meta) {
            return "og:description".equalsIgnoreCase(meta.attr("property")) || "description".equalsIgnoreCase(meta.attr("name"));
        }
    }
}
