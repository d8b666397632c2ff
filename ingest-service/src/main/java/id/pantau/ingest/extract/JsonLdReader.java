package id.pantau.ingest.extract;

import id.pantau.ingest.extract.generic.JsonLd;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Maps the first article-like object of a page's JSON-LD (found by {@link JsonLd}) into {@link
 * JsonLdArticle}. Thread-safe.
 */
final class JsonLdReader {


    private JsonLdReader() {}

    /** The first article of the page's JSON-LD scripts (given in page order), or null. */
    static @Nullable JsonLdArticle read(List<Element> ldScripts) {
        JsonNode article = JsonLd.firstArticle(ldScripts);
        return article == null ? null : toArticle(article);
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
