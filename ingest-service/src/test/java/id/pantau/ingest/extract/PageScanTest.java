package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The single walk of {@link PageScan} gives the same body as removing the noise and then selecting the
 * body on what is left (the path still taken for selectors with pseudo-classes or sibling combinators).
 */
class PageScanTest {

    private static final String URL = "https://kalbar.example.id/2024/11/20/berita";
    /** Appended to a selector, changes nothing it matches but makes it leave the single walk. */
    private static final String SAME_BUT_STRUCTURAL = ":not(.pantau-never)";

    private final ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(Instant.parse("2024-11-20T00:00:00Z"), ZoneOffset.UTC));

    static Stream<Fixtures> fixtures() {
        return Fixtures.all().stream();
    }

    private static ExtractionProfile removingAndSelecting(ExtractionProfile p) {
        return new ExtractionProfile(p.title(), p.published(), p.authors(), p.editor(), p.body() == null ? null : p.body() + SAME_BUT_STRUCTURAL,
                p.noise().stream().map(n -> n + SAME_BUT_STRUCTURAL).toList(), p.nextPage(), p.section(), p.tags(), p.dateline());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldExtractSameArticleAsRemovingNoiseThenSelecting(Fixtures fixture) throws Exception {
        ExtractionProfile profile = Fixtures.profile(fixture.outletId());

        ExtractedArticle scanned = extractor.extract(fixture.html(), fixture.url(), profile, fixture.loader());
        ExtractedArticle removed = extractor.extract(fixture.html(), fixture.url(), removingAndSelecting(profile), fixture.loader());

        assertThat(scanned).isEqualTo(removed);
    }

    @Test
    void shouldSkipBodyContainersInsideNoiseAndNoiseInsideBody() throws Exception {
        String html = "<html><head><title>Judul</title></head><body>"
                + "<aside><div class=\"isi\"><p>Isi di aside.</p></div></aside>"
                + "<div class=\"kotak-iklan\"><div class=\"isi\"><p>Isi di iklan.</p></div></div>"
                + "<div class=\"isi\"><p>Paragraf satu.</p><div class=\"kotak-iklan\"><p>Iklan di dalam.</p></div>"
                + "<form><p>Formulir.</p></form><div class=\"isi\"><p>Paragraf dua.</p></div></div>"
                + "</body></html>";
        ExtractionProfile profile = new ExtractionProfile("title", null, null, null, ".isi", List.of(".kotak-iklan"), null, null, null, null);

        ExtractedArticle scanned = extractor.extract(html, URL, profile, PageLoader.NONE);
        ExtractedArticle removed = extractor.extract(html, URL, removingAndSelecting(profile), PageLoader.NONE);

        // the nested .isi is a container of its own, so its paragraph comes twice and the repeat is dropped
        assertThat(scanned.bodyParagraphs()).containsExactly("Paragraf satu.", "Paragraf dua.");
        assertThat(scanned).isEqualTo(removed);
    }

    @Test
    void shouldFindDefaultNoiseClassesInPlaceAsBySplittingTheClassName() {
        Document doc = Jsoup.parse("<div class=\"Share\">1</div><div class=\"\u0001share\">2</div><div class=\"x share\">3</div>"
                + "<div class=\" comments \">4</div><div id=\"comments\">5</div><nav>6</nav><p class=\"shares\">7</p><p>8</p>"
                + "<div class=\"SHARE\u0001 adsbygoogle\">9</div><div class=\"\u212Aelvin related-posts\">10</div>"
                + "<div class=\"a\u2003share\">11</div><div class=\"a\u00a0share\">12</div><div class=\"share\u0001\">13</div>"
                + "<div class=\"x Comments\">14</div><div class=\"shar\u00e9 comments\">15</div><div class=\"\tshare\">16</div>", URL);

        for (Element e : doc.getAllElements()) {
            assertThat(DefaultNoise.isNoise(e)).as(e.outerHtml()).isEqualTo(isNoiseBySplitting(e));
        }
        // the walk's way: class names compared by the selector set, the rest by tag and id
        SelectorSet set = SelectorSet.of(List.of(".x", "div.share"), DefaultNoise.CLASS_NAMES);
        for (Element e : doc.getAllElements()) {
            set.head(doc, e, 1);
            boolean noise = switch (set.classMark()) {
                case SelectorSet.MARKED -> true;
                case SelectorSet.UNMARKED -> DefaultNoise.isNoiseByTagOrId(e, e.id());
                default -> DefaultNoise.isNoise(e);
            };
            set.tail(1);
            assertThat(noise).as(e.outerHtml()).isEqualTo(isNoiseBySplitting(e));
        }
        SelectorSet unmarked = SelectorSet.of(List.of(".x"));
        unmarked.head(doc, doc.body(), 1);
        assertThat(unmarked.classMark()).isEqualTo(SelectorSet.UNKNOWN);
    }

    /** The default noise rule as first written: tag, id, or a name of {@code className()} split into strings. */
    private static boolean isNoiseBySplitting(Element e) {
        Set<String> tags = Set.of("script", "style", "noscript", "template", "iframe", "svg", "form", "button", "nav", "aside", "footer");
        Set<String> classes = Set.of("adsbygoogle", "share", "social-share", "sharedaddy", "comments", "comment-respond", "related-posts",
                "author-box", "author-bio", "about-author", "saboxplugin-wrap");
        if (tags.contains(e.normalName()) || e.id().equals("comments")) {
            return true;
        }
        String names = e.className();
        int start = 0;
        for (int i = 0; i <= names.length(); i++) {
            if (i == names.length() || Character.isWhitespace(names.charAt(i))) {
                if (i > start && classes.contains(names.substring(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    @Test
    void shouldLeaveStructuralSelectorsToRemovalAndSelection() {
        Document doc = Jsoup.parse("<p>x</p>", URL);
        ExtractionProfile structural = new ExtractionProfile(null, null, null, null, "p:last-child", List.of(), null, null, null, null);
        ExtractionProfile siblings = new ExtractionProfile(null, null, null, null, "p", List.of("h2 + p"), null, null, null, null);
        ExtractionProfile simple = new ExtractionProfile(null, null, null, null, "div.isi > p", List.of(".iklan", "aside p"), null, null, null, null);

        assertThat(PageScan.of(doc, structural, true).bodyScanned()).isFalse();
        assertThat(PageScan.of(doc, siblings, true).bodyScanned()).isFalse();
        assertThat(PageScan.of(doc, simple, true).bodyScanned()).isTrue();
    }

    @Test
    void shouldReadAttributesWrittenInUpperCase() throws Exception {
        // the walk reads attributes by their lower-case names, which is what the HTML parser makes of any case
        String html = "<HTML LANG=\"id\"><HEAD><TITLE>Judul</TITLE><META PROPERTY=\"og:title\" CONTENT=\"Judul OG\">"
                + "<SCRIPT TYPE=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-11-18T16:30:00+07:00\"}</SCRIPT></HEAD>"
                + "<BODY><DIV CLASS=\"Isi\" ID=\"Utama\"><P>Paragraf satu yang cukup panjang.</P><P>Paragraf dua yang cukup panjang.</P></DIV>"
                + "<A HREF=\"/berita?page=2\" REL=\"NEXT\">2</A></BODY></HTML>";
        ExtractionProfile profile = new ExtractionProfile(null, null, null, null, "div#Utama.isi", List.of(), null, null, null, null);
        Map<String, String> asked = new HashMap<>();
        PageLoader loader = url -> {
            asked.put(url, url);
            return null;
        };

        ExtractedArticle article = extractor.extract(html, URL, profile, loader);

        assertThat(article.title()).isEqualTo("Judul OG");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-11-18T09:30:00Z"));
        assertThat(article.language()).isEqualTo("id");
        assertThat(article.extractionMethod()).isEqualTo("profile");
        assertThat(article.bodyParagraphs()).containsExactly("Paragraf satu yang cukup panjang.", "Paragraf dua yang cukup panjang.");
        assertThat(asked).containsKey("https://kalbar.example.id/berita?page=2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldReadTheSameBodyInTheWalkAsAfterRemovingTheNoise(Fixtures fixture) {
        ExtractionProfile profile = Fixtures.profile(fixture.outletId());
        Document doc = Jsoup.parse(fixture.html(), fixture.url());

        PageScan scan = PageScan.of(doc, profile, true);
        List<String> walked = scan.bodyBlocks();

        assertThat(walked).as("the fixture profiles' body layer is read in the walk").isNotNull().isNotEmpty();
        assertThat(BodyText.paragraphsOfBlocks(walked)).isEqualTo(BodyText.paragraphs(scan.removeNoiseAndGetBody()));
    }

    @Test
    void shouldGiveUpReadingTheBodyInTheWalkForNestedContainers() {
        Document doc = Jsoup.parse("<div class=\"isi\"><p>Satu.</p><div class=\"isi\"><p>Dua.</p></div></div>", URL);
        ExtractionProfile profile = new ExtractionProfile(null, null, null, null, ".isi", List.of(), null, null, null, null);

        assertThat(PageScan.of(doc, profile, true).bodyBlocks()).isNull();
        assertThat(PageScan.of(doc, new ExtractionProfile(null, null, null, null, "p", List.of(), null, null, null, null), true).bodyBlocks())
                .containsExactly("Satu.", "Dua.");
    }

    /**
     * Random pages built from the elements that change how body text is read (blocks, line breaks,
     * skipped elements, default and profile noise, nested containers) and whitespace of every kind: the
     * walk's body blocks equal the blocks read from the containers once the noise is removed, whenever
     * the walk reads them.
     */
    @Test
    void shouldReadTheSameBodyInTheWalkOnRandomPages() {
        Random random = new Random(20261207);
        ExtractionProfile profile = new ExtractionProfile(null, null, null, null, ".isi, article p", List.of(".iklan", "div.baca figure"),
                null, null, null, null);
        int compared = 0;
        int withText = 0;
        int nested = 0;
        for (int page = 0; page < 3_000; page++) {
            StringBuilder html = new StringBuilder("<html><body>");
            randomContent(random, html, 0);
            if (random.nextBoolean()) {
                html.append("<div class=\"isi\">");
                randomContent(random, html, 1);
                html.append("</div>");
            }
            Document walkedDoc = Jsoup.parse(html.toString(), URL);
            Document removedDoc = Jsoup.parse(html.toString(), URL);

            List<String> walked = PageScan.of(walkedDoc, profile, true).bodyBlocks();
            List<String> removed = new ArrayList<>();
            for (Element container : PageScan.of(removedDoc, profile, true).removeNoiseAndGetBody()) {
                removed.addAll(BodyText.blocks(container));
            }
            if (walked == null) {
                nested++;
                continue;
            }
            compared++;
            withText += walked.isEmpty() ? 0 : 1;
            assertThat(walked).as(html.toString()).isEqualTo(removed);
        }
        assertThat(compared).as("pages the walk read").isGreaterThan(1_000);
        assertThat(withText).as("pages with body text").isGreaterThan(500);
        assertThat(nested).as("pages with nested containers, left to the removal").isGreaterThan(100);
    }

    private static final String[] OPENERS = {"<div class=\"isi\">", "<p>", "<span>", "<figure>", "<script>var x;</script><div>", "<aside>",
        "<div class=\"iklan\">", "<div class=\"baca\">", "<article>", "<b>", "<h2>", "<li>", "<div class=\"share\">", "<blockquote>",
        "<span class=\"isi\">", "<figure class=\"isi\">"};
    private static final String[] TEXTS = {"kata", " ", "  dua  kata ", "\n", "\t", "\u00a0", "\u200b", "Baca juga: tautan", "<br>", "x\u2003y",
        "<img src=a.jpg>", "<!-- catatan -->", "&nbsp;", "<math><![CDATA[ x <  y ]]></math>", "Pontianak, InfoPublik \u2013 isi"};

    private static void randomContent(Random random, StringBuilder html, int depth) {
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            if (depth < 5 && random.nextInt(3) == 0) {
                String opener = OPENERS[random.nextInt(OPENERS.length)];
                String tag = opener.substring(opener.lastIndexOf('<') + 1).split("[ >]")[0];
                html.append(opener);
                randomContent(random, html, depth + 1);
                html.append("</").append(tag).append('>');
            } else {
                html.append(TEXTS[random.nextInt(TEXTS.length)]);
            }
        }
    }
}
