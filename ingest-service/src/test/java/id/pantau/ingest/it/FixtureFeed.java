package id.pantau.ingest.it;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RSS feed the integration tests edit while the crawler polls it. Thread-safe. */
final class FixtureFeed {

    private final Map<String, Instant> items = new LinkedHashMap<>();

    /** Adds an item, or moves its date (an edited article shows up again with a new date). */
    synchronized void put(String url, Instant date) {
        items.put(url, date);
    }

    synchronized String xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Fixture</title><link>http://127.0.0.1/</link><description>Berita uji</description>\n");
        items.forEach((url, date) -> xml.append("<item><title>Berita</title><link>").append(url).append("</link><pubDate>")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC))).append("</pubDate></item>\n"));
        return xml.append("</channel></rss>\n").toString();
    }
}
