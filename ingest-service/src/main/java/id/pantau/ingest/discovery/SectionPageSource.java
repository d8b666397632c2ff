package id.pantau.ingest.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds article links on an outlet's HTML section page: every {@code a[href]} whose absolute URL
 * (fragment dropped) matches the source's link pattern in full, in page order, without
 * duplicates. Section pages carry no dates, so candidates have none. Thread-safe.
 */
public final class SectionPageSource {

    public ParsedSource parse(String html, String url, Pattern linkPattern) {
        Document doc = Jsoup.parse(html, url);
        Set<String> seen = new LinkedHashSet<>();
        for (Element link : doc.select("a[href]")) {
            String href = link.absUrl("href");
            int hash = href.indexOf('#');
            if (hash >= 0) {
                href = href.substring(0, hash);
            }
            if (!href.isEmpty() && linkPattern.matcher(href).matches()) {
                seen.add(href);
            }
        }
        List<CandidateUrl> candidates = new ArrayList<>();
        seen.forEach(href -> candidates.add(new CandidateUrl(href, null)));
        return ParsedSource.ofCandidates(candidates);
    }
}
