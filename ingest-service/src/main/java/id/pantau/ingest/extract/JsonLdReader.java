package id.pantau.ingest.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads the first {@code NewsArticle}/{@code Article}-like object of a page's JSON-LD into {@link
 * JsonLdArticle}. Handles {@code @graph} and top-level arrays and tolerates the broken JSON outlets
 * print (comments, trailing commas, raw control characters, CDATA wrappers, stray text after the
 * object); a script that still cannot be read is skipped. Thread-safe.
 */
final class JsonLdReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_MISSING_VALUES)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern CDATA = Pattern.compile("^\\s*(?://\\s*)?<!\\[CDATA\\[|(?://\\s*)?]]>\\s*$");
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "blogposting", "backgroundnewsarticle", "reviewnewsarticle");

    private JsonLdReader() {}

    static @Nullable JsonLdArticle read(Document document) {
        for (Element script : document.select("script[type=application/ld+json]")) {
            JsonNode root = parse(script.data());
            if (root == null) {
                continue;
            }
            JsonNode article = find(root, 0);
            if (article != null) {
                return toArticle(article);
            }
        }
        return null;
    }

    private static @Nullable JsonNode parse(String data) {
        String json = CDATA.matcher(data).replaceAll("").strip();
        if (json.isEmpty()) {
            return null;
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            return MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static @Nullable JsonNode find(@Nullable JsonNode node, int depth) {
        if (node == null || depth > 6) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                JsonNode found = find(child, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (isArticle(node.get("@type"))) {
            return node;
        }
        JsonNode found = find(node.get("@graph"), depth + 1);
        return found != null ? found : find(node.get("mainEntity"), depth + 1);
    }

    private static boolean isArticle(@Nullable JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticle(t)) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(java.util.Locale.ROOT));
    }

    private static JsonLdArticle toArticle(JsonNode a) {
        return new JsonLdArticle(text(a.get("headline")), text(a.get("datePublished")), text(a.get("dateModified")),
                names(a.get("author")), first(names(a.get("editor"))), first(strings(a.get("articleSection"))),
                keywords(a.get("keywords")), text(a.get("articleBody")), text(a.get("description")), image(a.get("image")),
                url(a), text(a.get("inLanguage")));
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isObject()) {
            return text(node.has("@value") ? node.get("@value") : node.get("name"));
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static List<String> strings(@Nullable JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.addAll(strings(n)));
        } else {
            String s = text(node);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> names(@Nullable JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        if (node == null) {
            return List.of();
        }
        if (node.isArray()) {
            node.forEach(n -> out.addAll(names(n)));
        } else {
            String s = node.isObject() ? text(node.get("name")) : text(node);
            if (s != null && !s.startsWith("http")) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> keywords(@Nullable JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : strings(node)) {
            for (String k : s.split(",")) {
                if (!k.isBlank()) {
                    out.add(k.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    private static @Nullable String image(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : image(node.get(0));
        }
        return node.isObject() ? text(node.get("url")) : text(node);
    }

    private static @Nullable String url(JsonNode a) {
        String url = text(a.get("url"));
        if (url != null) {
            return url;
        }
        JsonNode main = a.get("mainEntityOfPage");
        return main != null && main.isObject() ? text(main.get("@id")) : text(main);
    }

    private static @Nullable String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
