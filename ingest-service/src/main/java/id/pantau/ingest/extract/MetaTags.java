package id.pantau.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/** Reads {@code <meta>}, OpenGraph, {@code article:*}, microdata and {@code <time>} values of a page. Pure. */
final class MetaTags {

    private MetaTags() {}

    /** The first non-blank {@code content} of a meta tag whose {@code property}, {@code name} or {@code itemprop} is one of {@code keys}. */
    static @Nullable String first(Document doc, String... keys) {
        for (String key : keys) {
            for (Element meta : doc.select("meta[property=" + key + "], meta[name=" + key + "], meta[itemprop=" + key + "]")) {
                String content = BodyText.normalise(meta.attr("content"));
                if (!content.isEmpty()) {
                    return content;
                }
            }
        }
        return null;
    }

    /** All non-blank contents of meta tags with {@code key}, in page order, without duplicates. */
    static List<String> all(Document doc, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (Element meta : doc.select("meta[property=" + key + "], meta[name=" + key + "]")) {
            String content = BodyText.normalise(meta.attr("content"));
            if (!content.isEmpty()) {
                out.add(content);
            }
        }
        return List.copyOf(out);
    }

    /** A date from microdata ({@code itemprop=datePublished}) or the first {@code <time datetime>}. */
    static @Nullable String microdataDate(Document doc, String itemprop) {
        for (Element e : doc.select("[itemprop=" + itemprop + "]")) {
            String value = dateValue(e);
            if (!value.isEmpty()) {
                return value;
            }
        }
        if (itemprop.equals("datePublished")) {
            Element time = doc.selectFirst("time[datetime]");
            if (time != null) {
                return time.attr("datetime");
            }
        }
        return null;
    }

    /** The machine date of an element ({@code datetime}, {@code content}), else its text. */
    static String dateValue(Element e) {
        for (String attr : new String[] {"datetime", "content"}) {
            String value = e.attr(attr).strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return BodyText.normalise(e.text());
    }

    /** Comma-separated keywords split into a list. */
    static List<String> splitKeywords(@Nullable String keywords) {
        List<String> out = new ArrayList<>();
        if (keywords != null) {
            for (String k : keywords.split(",")) {
                if (!k.isBlank()) {
                    out.add(BodyText.normalise(k));
                }
            }
        }
        return out;
    }
}
