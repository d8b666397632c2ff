package id.pantau.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jspecify.annotations.Nullable;

/**
 * The {@code <meta>} values of one page (OpenGraph, {@code article:*}, name and itemprop metas),
 * indexed in a single pass by lower-cased key; values are normalised when read. Immutable after
 * construction; one per page.
 */
final class MetaTags {

    private static final String[] KEY_ATTRIBUTES = {"property", "name", "itemprop"};
    /** {@code [itemprop=datePublished]}, as {@code getElementsByAttributeValue} matches it (trimmed, any case). */
    static final Evaluator DATE_PUBLISHED = new Evaluator.AttributeWithValue("itemprop", "datePublished");
    static final Evaluator DATE_MODIFIED = new Evaluator.AttributeWithValue("itemprop", "dateModified");

    private final Map<String, List<String>> values = new HashMap<>();

    private MetaTags() {}

    /** Indexes the {@code <meta>} elements of a page, given in document order. */
    static MetaTags of(List<Element> metaElements) {
        MetaTags tags = new MetaTags();
        for (Element meta : metaElements) {
            String content = PageScan.attribute(meta, "content");
            if (content.isBlank()) {
                continue;
            }
            for (String attribute : KEY_ATTRIBUTES) {
                String key = PageScan.attribute(meta, attribute);
                if (!key.isEmpty()) {
                    tags.values.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(content);
                }
            }
        }
        return tags;
    }

    /** The first value (whitespace normalised) of the first of {@code keys} (lower case) that the page has, or null. */
    @Nullable String first(String... keys) {
        for (String key : keys) {
            List<String> list = values.get(key);
            if (list != null && !list.isEmpty()) {
                return BodyText.normalise(list.get(0));
            }
        }
        return null;
    }

    /** All values (whitespace normalised) of {@code key} (lower case) in page order, without duplicates. */
    List<String> all(String key) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values.getOrDefault(key, List.of())) {
            distinct.add(BodyText.normalise(value));
        }
        return List.copyOf(distinct);
    }

    /** A date from microdata ({@code itemprop=datePublished} etc.) or, for publication, the first {@code <time datetime>}. */
    static @Nullable String microdataDate(PageScan scan, Evaluator itemprop) {
        for (Element e : scan.itemprops) {
            if (!itemprop.matches(e, e)) {
                continue;
            }
            String value = dateValue(e);
            if (!value.isEmpty()) {
                return value;
            }
        }
        if (itemprop == DATE_PUBLISHED) {
            for (Element time : scan.times) {
                if (PageScan.hasAttribute(time, "datetime")) {
                    return PageScan.attribute(time, "datetime");
                }
            }
        }
        return null;
    }

    /** The machine date of an element ({@code datetime}, {@code content}), else its text. */
    static String dateValue(Element e) {
        String value = PageScan.attribute(e, "datetime").strip();
        if (value.isEmpty()) {
            value = PageScan.attribute(e, "content").strip();
        }
        return value.isEmpty() ? PageFields.normalisedText(e) : value;
    }

    /** Comma-separated keywords split into a list. */
    static List<String> splitKeywords(@Nullable String keywords) {
        Set<String> out = new LinkedHashSet<>();
        if (keywords != null) {
            for (String k : keywords.split(",")) {
                if (!k.isBlank()) {
                    out.add(BodyText.normalise(k));
                }
            }
        }
        return List.copyOf(out);
    }
}
