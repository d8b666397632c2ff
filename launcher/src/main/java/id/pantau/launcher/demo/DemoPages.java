package id.pantau.launcher.demo;

import id.pantau.ingest.extract.ExtractionProfile;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Entities;

/** Renders the demo site's robots.txt, RSS feed and pages. Stateless. */
final class DemoPages {

    /** Selectors matching {@link #article}, given to ingest as the demo outlets' extraction profile. */
    static final ExtractionProfile PROFILE = new ExtractionProfile("h1.entry-title", "time.published", ".entry-meta .byline", null,
            ".entry-content", List.of(".share"), null, "nav.category a", ".entry-tags a", null);

    private DemoPages() {}

    static String robots(String baseUrl) {
        return "User-agent: *\nAllow: /\n\n# pantau demo site: every page here is made up for the demo\n";
    }

    /**
     * {@link #PROFILE} as the {@code profile:} entry of an outlets file (null selectors left out).
     */
    static Map<String, Object> profileMap() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("title", PROFILE.title());
        profile.put("published", PROFILE.published());
        profile.put("authors", PROFILE.authors());
        profile.put("body", PROFILE.body());
        profile.put("noise", PROFILE.noise());
        profile.put("section", PROFILE.section());
        profile.put("tags", PROFILE.tags());
        profile.values().removeIf(Objects::isNull);
        return profile;
    }

    /**
     * RSS 2.0 of {@code items}, newest first as given. An item's {@code pubDate} is its last edit
     * (as feeds that move an updated story do), so a crawler comparing dates sees the edit.
     */
    static String feed(String outletName, String baseUrl, List<DemoSite.Publication> items) {
        StringBuilder xml = new StringBuilder(1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n")
                .append("<title>").append(esc(outletName)).append("</title>\n")
                .append("<link>").append(esc(baseUrl)).append("/</link>\n")
                .append("<description>pantau demo site</description>\n<language>id</language>\n");
        for (DemoSite.Publication item : items) {
            xml.append("<item><title>").append(esc(item.article().title())).append("</title>")
                    .append("<link>").append(esc(item.url())).append("</link>")
                    .append("<guid isPermaLink=\"true\">").append(esc(item.url())).append("</guid>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(item.modifiedAt().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    static String home(String outletName, List<DemoSite.Publication> items) {
        StringBuilder html = new StringBuilder(512).append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(outletName)).append("</title></head><body><h1>").append(esc(outletName))
                .append("</h1><p>Demo site of pantau. Articles are made up for the demo.</p><ul>");
        for (DemoSite.Publication item : items) {
            html.append("<li><a href=\"").append(esc(item.url())).append("\">").append(esc(item.article().title())).append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    static String article(String outletName, DemoSite.Publication item) {
        DemoContent.DemoArticle a = item.article();
        String section = a.section();
        StringBuilder html = new StringBuilder(2048)
                .append("<!doctype html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(a.title())).append(" - ").append(esc(outletName)).append("</title>")
                .append("<link rel=\"canonical\" href=\"").append(esc(item.url())).append("\">")
                .append("</head><body>\n<nav class=\"category\"><a href=\"/kategori/").append(slug(section)).append("/\">")
                .append(esc(section)).append("</a></nav>\n<article>\n<h1 class=\"entry-title\">").append(esc(a.title())).append("</h1>\n")
                .append("<div class=\"entry-meta\"><span class=\"byline\">Penulis: ").append(esc(a.author())).append("</span> ")
                .append("<time class=\"published\" datetime=\"").append(item.publishedAt()).append("\">")
                .append(item.publishedAt()).append("</time></div>\n<div class=\"share\">Bagikan</div>\n<div class=\"entry-content\">\n");
        for (String paragraph : a.paragraphs()) {
            html.append("<p>").append(esc(paragraph)).append("</p>\n");
        }
        html.append("</div>\n<div class=\"entry-tags\">");
        for (String tag : a.tags()) {
            html.append("<a href=\"/tag/").append(slug(tag)).append("/\">").append(esc(tag)).append("</a> ");
        }
        return html.append("</div>\n</article>\n</body></html>\n").toString();
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String esc(String text) {
        return Entities.escape(text);
    }
}
