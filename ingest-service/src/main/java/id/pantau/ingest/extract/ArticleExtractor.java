package id.pantau.ingest.extract;

import id.pantau.ingest.extract.field.Byline;
import id.pantau.ingest.extract.field.Dateline;
import id.pantau.ingest.extract.field.DatelineParser;
import id.pantau.ingest.extract.field.IndonesianDateParser;
import id.pantau.ingest.extract.generic.GenericExtractor;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts a clean article from an outlet's HTML page, in layers: JSON-LD {@code NewsArticle}, OpenGraph
 * and {@code article:*} meta, microdata and {@code <time>}, then the outlet profile's selectors (which win
 * for the fields they name), then the generic main-content extractor when the profile gives no body.
 * Multi-page articles are stitched through a {@link PageLoader}. Thread-safe and stateless: one instance
 * may serve every outlet and thread.
 */
public final class ArticleExtractor {

    /** Default largest page accepted, in characters (about 5 MB of ASCII). */
    public static final int DEFAULT_MAX_CHARS = 5_000_000;
    /** Most pages stitched into one article; a loop guard on top of the visited-URL set. */
    public static final int MAX_PAGES = 20;

    /** How many leading body paragraphs are searched for the dateline. */
    private static final int DATELINE_SEARCH_PARAGRAPHS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ArticleExtractor.class);

    private final Clock clock;
    /** Date parsers by the zone a zone-less date is read in; three zones, so made once each. */
    private final ConcurrentHashMap<ZoneOffset, IndonesianDateParser> dates = new ConcurrentHashMap<>();
    private final GenericExtractor generic = new GenericExtractor();
    private final int maxChars;

    /** @param clock the clock relative dates ("2 jam yang lalu") are resolved against */
    public ArticleExtractor(Clock clock) {
        this(clock, DEFAULT_MAX_CHARS);
    }

    /**
     * @param clock the clock relative dates are resolved against
     * @param maxChars largest page accepted, in characters; larger input fails with {@code TOO_LARGE} before parsing
     */
    public ArticleExtractor(Clock clock, int maxChars) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars: expected a positive number, got " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /**
     * Extracts the article of one page, following its further pages through {@code pages}.
     *
     * @param html the decoded page
     * @param url the URL the page was fetched from (base for relative links)
     * @param profile the outlet's selectors, or null for the metadata layers and generic extraction only
     * @param pages loader of further pages of a multi-page article ({@link PageLoader#NONE} for none)
     * @throws ExtractionException {@code TOO_LARGE}, {@code NOT_HTML}, {@code NO_TITLE} or {@code EMPTY_BODY}
     * @throws TransientPageException when {@code pages} could not load a further page for a passing reason
     */
    public ExtractedArticle extract(String html, String url, @Nullable ExtractionProfile profile, PageLoader pages)
            throws ExtractionException, TransientPageException {
        return extract(html, url, profile, pages, IndonesianDateParser.WIB);
    }

    /**
     * As {@link #extract(String, String, ExtractionProfile, PageLoader)}, reading dates printed without
     * a zone in {@code zone} (the outlet's, see {@code Outlet#timeZone}).
     */
    public ExtractedArticle extract(String html, String url, @Nullable ExtractionProfile profile, PageLoader pages, ZoneOffset zone)
            throws ExtractionException, TransientPageException {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(pages, "pages");
        ExtractionProfile p = profile == null ? ExtractionProfile.empty() : profile;
        InputCheck.check(html, url, maxChars);
        Document doc = Jsoup.parse(html, url);
        // one walk over the page gathers what every layer reads; fields are read before the body
        // layer removes noise from the document in place
        PageScan scan = PageScan.of(doc, p, true);
        JsonLdArticle ld = JsonLdReader.read(scan.ldScripts);
        PageFields fields = new PageFields(doc, scan, p, ld, dates.computeIfAbsent(zone, z -> new IndonesianDateParser(clock, z)));
        String title = fields.title();
        if (title == null) {
            throw new ExtractionException(ExtractionException.Cause.NO_TITLE, url, "no headline in profile, JSON-LD, og:title, h1 or <title>");
        }
        Byline byline = fields.byline();
        String section = fields.section();
        List<String> tags = fields.tags();
        String datelineText = fields.dateline();
        String canonical = fields.canonical(url);
        Instant published = fields.published();
        Instant modified = fields.modified();
        String lead = fields.lead();
        String image = fields.leadImage();
        String language = fields.language();

        Set<String> visited = new HashSet<>();
        visited.add(NextPages.key(url));
        NextPages.Links links = NextPages.find(scan, url, p.nextPage(), visited);
        String showAll = links.showAll();
        String next = showAll == null ? links.next() : null;
        Document bodySource = doc;
        PageScan bodyScan = scan;
        if (showAll != null) {
            Document all = load(pages, showAll, url);
            if (all != null) {
                bodySource = all;
                bodyScan = PageScan.of(all, p, false);
            } else {
                // the page links still lead to the whole article
                next = links.next();
            }
        }
        Body body = body(bodySource, bodyScan, p, ld);
        int pageCount = 1;
        Set<String> seen = next == null ? Set.of() : new HashSet<>(body.paragraphs);
        while (next != null && pageCount < MAX_PAGES) {
            visited.add(next);
            Document page = load(pages, next, url);
            if (page == null) {
                break;
            }
            PageScan pageScan = PageScan.of(page, p, false);
            String following = NextPages.find(pageScan, next, p.nextPage(), visited).next();
            List<String> fresh = new ArrayList<>();
            for (String paragraph : body(page, pageScan, p, null).paragraphs) {
                if (seen.add(paragraph)) {
                    fresh.add(paragraph);
                }
            }
            if (fresh.isEmpty()) {
                break;
            }
            body.paragraphs.addAll(fresh);
            pageCount++;
            next = following;
        }
        if (body.paragraphs.isEmpty()) {
            throw new ExtractionException(ExtractionException.Cause.EMPTY_BODY, url, "no body paragraphs (method " + body.method + ")");
        }

        String dateline = datelineText;
        String place = null;
        if (datelineText != null) {
            Dateline given = DatelineParser.parse(datelineText + " .");
            place = given == null ? null : given.place();
        } else {
            // the place read from the paragraph is the one a parse of the dateline alone would give:
            // body paragraphs are whitespace-normalised, so the dateline's prefix is found the same
            Dateline split = splitDateline(body.paragraphs);
            dateline = split == null ? null : split.text();
            place = split == null ? null : split.place();
        }
        if (body.paragraphs.isEmpty()) {
            throw new ExtractionException(ExtractionException.Cause.EMPTY_BODY, url, "only a dateline in the body");
        }

        if (LOG.isDebugEnabled()) {
            LOG.debug("extracted url={} method={} pages={} paragraphs={}", url, body.method, pageCount, body.paragraphs.size());
        }
        return new ExtractedArticle(canonical, title, lead, published, modified, dateline, place, byline.authors(), byline.editor(),
                section, tags, body.paragraphs, image, language, body.method, pageCount);
    }

    /**
     * Removes the dateline from the first of the leading paragraphs that starts with one and returns
     * it (its text and place). Paragraphs before it (a subtitle, a caption or a byline the body selector caught) are not
     * article text, since a news body starts with its dateline, and are dropped too.
     */
    private static @Nullable Dateline splitDateline(List<String> paragraphs) {
        for (int i = 0; i < Math.min(DATELINE_SEARCH_PARAGRAPHS, paragraphs.size()); i++) {
            Dateline found = DatelineParser.parse(paragraphs.get(i));
            if (found != null) {
                paragraphs.subList(0, i).clear();
                if (found.remainder().isEmpty()) {
                    paragraphs.remove(0);
                } else {
                    paragraphs.set(0, found.remainder());
                }
                return found;
            }
        }
        return null;
    }

    /** A further page, or null when it cannot be had (a failure is logged); a failure for a passing reason is let through. */
    private @Nullable Document load(PageLoader pages, String pageUrl, String articleUrl) throws TransientPageException {
        try {
            String html = pages.load(pageUrl);
            if (html == null) {
                return null;
            }
            InputCheck.check(html, pageUrl, maxChars);
            return Jsoup.parse(html, pageUrl);
        } catch (TransientPageException e) {
            throw e;
        } catch (IOException | ExtractionException e) {
            LOG.info("page not stitched url={} page={} reason={}", articleUrl, pageUrl, e.toString());
            return null;
        }
    }

    /** A body: its paragraphs (mutable, for stitching and dateline removal) and the layer that gave it. */
    private record Body(List<String> paragraphs, String method) {}

    /**
     * The body of {@code doc}: the profile's body containers when they give text, else JSON-LD's {@code
     * articleBody} when it has paragraphs, else the generic extractor's on the document without its noise
     * (removed in place then).
     */
    private Body body(Document doc, PageScan scan, ExtractionProfile p, @Nullable JsonLdArticle ld) {
        boolean noiseRemoved = false;
        if (p.body() != null) {
            List<String> blocks = scan.bodyBlocks();
            List<String> paragraphs;
            if (blocks != null) {
                paragraphs = BodyText.paragraphsOfBlocks(blocks);
            } else {
                paragraphs = BodyText.paragraphs(removeNoiseAndSelectBody(doc, scan, p));
                noiseRemoved = true;
            }
            if (!paragraphs.isEmpty()) {
                return new Body(new ArrayList<>(paragraphs), "profile");
            }
        }
        List<String> fromLd = ld == null || ld.articleBody() == null ? List.of() : BodyText.clean(List.of(ld.articleBody().split("\\n\\s*\\n|\\r?\\n")));
        if (fromLd.size() >= 2) {
            return new Body(new ArrayList<>(fromLd), "json-ld");
        }
        if (!noiseRemoved) {
            removeNoiseAndSelectBody(doc, scan, p);
        }
        List<String> paragraphs = BodyText.clean(generic.extract(doc).paragraphs());
        if (paragraphs.isEmpty() && !fromLd.isEmpty()) {
            return new Body(new ArrayList<>(fromLd), "json-ld");
        }
        return new Body(new ArrayList<>(paragraphs), "generic");
    }

    /**
     * Removes the default and the profile's noise from {@code doc} in place and returns the profile's body
     * containers on what is left: from the page's scan when it gathered them (see {@link PageScan}), else by
     * a removal and a selection on the document.
     */
    private static List<Element> removeNoiseAndSelectBody(Document doc, PageScan scan, ExtractionProfile p) {
        if (scan.bodyScanned()) {
            return scan.removeNoiseAndGetBody();
        }
        DefaultNoise.remove(doc);
        if (!p.noise().isEmpty()) {
            PageFields.select(doc, p.noiseSelector()).remove();
        }
        return p.body() == null ? List.of() : PageFields.select(doc, p.body());
    }

}
