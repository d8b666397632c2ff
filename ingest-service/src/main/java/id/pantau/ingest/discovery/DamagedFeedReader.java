package id.pantau.ingest.discovery;

import crawlercommons.sitemaps.AbstractSiteMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Reads what can be trusted of a feed or sitemap that crawler-commons rejected as broken XML (a
 * truncated transfer, a stray ampersand, an unclosed tag): jsoup's lenient XML parser builds a tree
 * anyway, and only entries closed by their own end tag are kept, so a link cut off by the damage never
 * becomes a request. RSS {@code item}, Atom {@code entry} and sitemap {@code url} entries (only
 * dated ones, as in an intact sitemap). Pure.
 */
final class DamagedFeedReader {

    private DamagedFeedReader() {}

    /** The candidates of the complete entries of {@code body}; empty when none is complete. */
    static List<CandidateUrl> completeEntries(byte[] body, String url) {
        Document doc;
        try {
            Parser parser = Parser.xmlParser().setTrackPosition(true);
            // jsoup reads the charset from a byte-order mark or the XML declaration
            doc = Jsoup.parse(new ByteArrayInputStream(body), null, url, parser);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<CandidateUrl> found = new ArrayList<>();
        for (Element entry : doc.select("item, entry, url")) {
            if (!entry.endSourceRange().isTracked() || entry.endSourceRange().isImplicit()) {
                continue; // closed by the parser at the damage, not by the document
            }
            String link = linkOf(entry);
            Instant date = dateOf(entry);
            boolean undatedSitemapEntry = date == null && entry.tagName().equals("url"); // as SitemapSource leaves it out
            if (link != null && (link.startsWith("http://") || link.startsWith("https://")) && !undatedSitemapEntry) {
                found.add(new CandidateUrl(link, date));
            }
        }
        return found;
    }

    private static @Nullable String linkOf(Element entry) {
        return switch (entry.tagName()) {
            case "item" -> text(entry.selectFirst("> link"));
            case "entry" -> {
                for (Element link : entry.select("> link[href]")) {
                    String rel = link.attr("rel");
                    if (rel.isEmpty() || rel.equals("alternate")) {
                        yield link.attr("href").strip();
                    }
                }
                yield null;
            }
            default -> text(entry.selectFirst("> loc"));
        };
    }

    private static @Nullable Instant dateOf(Element entry) {
        for (String tag : List.of("lastmod", "updated", "published", "pubDate", "news|publication_date", "dc|date")) {
            Instant date = parseDate(text(entry.selectFirst(tag)));
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /** RSS dates (RFC 822) and W3C dates, read the way crawler-commons reads them in an intact feed. */
    private static @Nullable Instant parseDate(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        ZonedDateTime date = AbstractSiteMap.parseRSSTimestamp(text);
        if (date == null) {
            date = AbstractSiteMap.convertToZonedDateTime(text);
        }
        return date == null ? null : date.toInstant();
    }

    private static @Nullable String text(@Nullable Element element) {
        return element == null ? null : element.text().strip();
    }
}
