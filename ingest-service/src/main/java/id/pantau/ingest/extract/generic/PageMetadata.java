package id.pantau.ingest.extract.generic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Title, publication date and authors of a page from JSON-LD, OpenGraph / {@code article:*} meta and
 * plain meta tags, in that order; a simple fallback for the batch mode, not the layered extractor.
 */
public record PageMetadata(@Nullable String title, @Nullable String date, List<String> authors) {

    public PageMetadata {
        authors = List.copyOf(authors);
    }

    /** Reads the metadata of {@code document}; fields not found are {@code null} / empty. */
    public static PageMetadata of(Document document) {
        String title = null;
        String date = null;
        Set<String> authors = new LinkedHashSet<>();
        for (JsonNode article : JsonLd.articles(document)) {
            if (title == null) {
                title = text(article.get("headline"));
            }
            if (date == null) {
                date = text(article.get("datePublished"));
            }
            if (authors.isEmpty()) {
                addAuthors(article.get("author"), authors);
            }
        }
        if (title == null) {
            title = firstMeta(document, "meta[property=og:title]", "meta[name=twitter:title]");
        }
        if (title == null) {
            String plain = document.title().strip();
            title = plain.isEmpty() ? null : plain;
        }
        if (date == null) {
            date = firstMeta(document, "meta[property=article:published_time]", "meta[itemprop=datePublished]",
                    "meta[name=pubdate]", "meta[name=date]", "meta[name=publish-date]", "meta[name=dc.date]");
        }
        if (date == null) {
            Element time = document.selectFirst("time[datetime]");
            date = time == null ? null : blankToNull(time.attr("datetime"));
        }
        if (authors.isEmpty()) {
            for (Element meta : document.select("meta[name=author], meta[property=article:author]")) {
                String value = meta.attr("content").strip();
                if (!value.isEmpty() && !value.startsWith("http")) {
                    authors.add(value);
                }
            }
        }
        return new PageMetadata(title, date, new ArrayList<>(authors));
    }

    private static void addAuthors(@Nullable JsonNode node, Set<String> authors) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> addAuthors(n, authors));
        } else if (node.isObject()) {
            String name = text(node.get("name"));
            if (name != null) {
                authors.add(name);
            }
        } else {
            String name = text(node);
            if (name != null) {
                authors.add(name);
            }
        }
    }

    private static @Nullable String firstMeta(Document document, String... selectors) {
        for (String selector : selectors) {
            Element meta = document.selectFirst(selector);
            if (meta != null) {
                String value = blankToNull(meta.attr("content"));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isValueNode() ? blankToNull(node.asText()) : null;
    }

    private static @Nullable String blankToNull(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
