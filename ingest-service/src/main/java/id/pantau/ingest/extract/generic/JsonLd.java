package id.pantau.ingest.extract.generic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Finds the article-like objects ({@code *Article}, {@code BlogPosting}, ...) of a page's JSON-LD, in
 * {@code @graph}, {@code mainEntity} and top-level arrays. Tolerates the broken JSON outlets print
 * (comments, trailing commas, raw control characters, CDATA wrappers, stray text after the object);
 * a script that still cannot be read is skipped. Shared by the generic extractor and the layered
 * metadata extraction. Thread-safe.
 */
public final class JsonLd {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_MISSING_VALUES)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern CDATA = Pattern.compile("^\\s*(?://\\s*)?<!\\[CDATA\\[|(?://\\s*)?]]>\\s*$");

    private JsonLd() {}

    /** The JSON-LD objects whose {@code @type} ends with "Article" or is a posting/report, in page order; never throws. */
    public static List<JsonNode> articles(Document document) {
        return articles(document, "");
    }

    /** As {@link #articles(Document)}, reading only scripts whose text contains {@code mustContain}. */
    static List<JsonNode> articles(Document document, String mustContain) {
        List<Element> scripts = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (!element.nameIs("script")) {
                    return FilterResult.CONTINUE;
                }
                if (isLdScript(element)) {
                    scripts.add(element);
                }
                return FilterResult.SKIP_ENTIRELY;
            }
        }, document);
        return articles(scripts, mustContain);
    }

    /** Whether {@code script} (a {@code <script>} element) holds JSON-LD. */
    static boolean isLdScript(Element script) {
        return script.attr("type").equalsIgnoreCase("application/ld+json");
    }

    /**
     * As {@link #articles(Document, String)}, reading the given {@code <script type="application/ld+json">}
     * elements: those of the page that are not inside another script, in page order.
     */
    static List<JsonNode> articles(List<Element> ldScripts, String mustContain) {
        List<JsonNode> articles = new ArrayList<>();
        for (Element script : ldScripts) {
            read(data(script), mustContain, articles);
        }
        return articles;
    }

    /**
     * The first article-like object of the given {@code <script type="application/ld+json">} elements
     * (in page order), reading no further script once one is found; the same object as the first of
     * {@link #articles(Document)}. Null when there is none.
     */
    public static @Nullable JsonNode firstArticle(List<Element> ldScripts) {
        List<JsonNode> articles = new ArrayList<>(1);
        for (Element script : ldScripts) {
            read(data(script), "", articles);
            if (!articles.isEmpty()) {
                return articles.get(0);
            }
        }
        return null;
    }

    /** {@code script.data()}, without its copy when the script holds one data node, as it usually does. */
    private static String data(Element script) {
        return script.childNodeSize() == 1 && script.childNode(0) instanceof DataNode only ? only.getWholeData() : script.data();
    }

    private static void read(String data, String mustContain, List<JsonNode> articles) {
        if (!data.contains(mustContain) || !mayHoldArticle(data)) {
            return;
        }
        String json = (data.contains("<![CDATA[") || data.contains("]]>") ? CDATA.matcher(data).replaceAll("") : data).strip();
        if (json.isEmpty()) {
            return;
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            collect(MAPPER.readTree(parser), articles, 0);
        } catch (IOException | RuntimeException e) {
            // malformed JSON-LD is common; it is simply not evidence
        }
    }

    /**
     * False when no {@code @type} in {@code data} can be an article type ({@link #isArticleType}): each
     * of those names holds "Article", "BlogPosting" or "Report", and JSON can only spell them otherwise
     * with a backslash escape. Scripts with only a WebSite, Organization or BreadcrumbList are not parsed.
     */
    private static boolean mayHoldArticle(String data) {
        return data.contains("Article") || data.contains("BlogPosting") || data.contains("Report") || data.indexOf('\\') >= 0;
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
