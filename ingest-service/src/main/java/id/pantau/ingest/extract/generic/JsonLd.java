package id.pantau.ingest.extract.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Reads the article-like objects ({@code *Article}, {@code BlogPosting}, ...) of a page's JSON-LD. */
final class JsonLd {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLd() {}

    /** The JSON-LD objects whose {@code @type} ends with "Article" or is a posting/report; never throws. */
    static List<JsonNode> articles(Document document) {
        return articles(document, "");
    }

    /** As {@link #articles(Document)}, reading only scripts whose text contains {@code mustContain}. */
    static List<JsonNode> articles(Document document, String mustContain) {
        List<JsonNode> articles = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (!element.nameIs("script")) {
                    return FilterResult.CONTINUE;
                }
                if (element.attr("type").equalsIgnoreCase("application/ld+json")) {
                    read(element.data(), mustContain, articles);
                }
                return FilterResult.SKIP_ENTIRELY;
            }
        }, document);
        return articles;
    }

    private static void read(String data, String mustContain, List<JsonNode> articles) {
        if (!data.contains(mustContain)) {
            return;
        }
        try {
            collect(MAPPER.readTree(data), articles, 0);
        } catch (Exception e) {
            // malformed JSON-LD is common; it is simply not evidence
        }
    }

    private static void collect(JsonNode node, List<JsonNode> articles, int depth) {
        if (node == null || depth > 6) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, articles, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isArticleType(node.get("@type"))) {
            articles.add(node);
        }
        collect(node.get("@graph"), articles, depth + 1);
        collect(node.get("mainEntity"), articles, depth + 1);
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.asText();
        return name.endsWith("Article") || name.equals("BlogPosting") || name.equals("Report")
                || name.equals("LiveBlogPosting");
    }
}
