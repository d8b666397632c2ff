package id.pantau.ingest.extract.generic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/**
 * Evidence looks words up where they sit in the text ({@link WordTable}); these tests hold it equal to
 * cutting each word out, lower-casing it and asking a {@code HashSet}, on generated texts.
 */
class EvidenceTest {

    private static final String[] WORDS = {"Baca", "baca", "BACA", "juga", "Juga", "presiden", "Presiden", "jakarta",
        "polisi", "x", "X", "k", "2024", "a1_b", "_", "İstanbul", "istanbul", "i̇stanbul", "ÉTÉ", "été", "straße",
        "STRASSE", "Kelvin", "\u212Aelvin", "kelvin", "ΣΟΦΙΑ", "σοφια", "٣٤", "日本", "naïve", "NAÏVE", "ab", "ba"};
    private static final String[] GAPS = {" ", "  ", ", ", ". ", "-", "\u00a0", "\n", "'", "’", "(", ") "};

    @Test
    void shouldWeighBlocksLikeTheSetOfLowerCasedWordsOfTheDescription() {
        Random random = new Random(7);
        for (int page = 0; page < 300; page++) {
            String description = text(random, 8 + random.nextInt(12));
            Evidence evidence = Evidence.of(pageWithDescription(description));
            Set<String> lead = words(description);
            for (int block = 0; block < 30; block++) {
                String text = random.nextInt(4) == 0 ? description + " " + text(random, 5) : text(random, 5 + random.nextInt(60));
                assertThat(evidence.weight(text)).as("%s / %s", description, text).isEqualTo(leadWeight(lead, text));
            }
        }
    }

    @Test
    void shouldShareWordsLikeTheSetOfLowerCasedWordsOfTheArticleBody() throws Exception {
        Random random = new Random(11);
        for (int page = 0; page < 200; page++) {
            String body = text(random, 200);
            Evidence evidence = Evidence.of(pageWithArticleBody(body));
            Set<String> words = words(body);
            assertThat(evidence.isPresent()).isEqualTo(words.size() >= 40);
            for (int block = 0; block < 30; block++) {
                String text = text(random, random.nextInt(40));
                double share = share(words, text);
                assertThat(evidence.share(text)).as(text).isEqualTo(words.size() >= 40 ? share : 1);
            }
        }
    }

    @Test
    void shouldFindTheScriptsJsonLdReadsAndTheMetaSelectFirstFindsInOneWalk() {
        String[] parts = {"<meta name=description content=a>", "<meta NAME=Description content=b>",
            "<meta name=' description' content=c>", "<meta property=og:description content=d>",
            "<meta property=OG:DESCRIPTION content=e>", "<meta property=og:title name=description content=f>",
            "<meta property=og:description name=x content=g>", "<meta name=keywords content=h>", "<meta content=i>",
            "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"articleBody\":\"j\"}</script>",
            "<script type='Application/LD+JSON'>{\"@type\":\"BlogPosting\",\"articleBody\":\"k\"}</script>",
            "<script type=text/javascript>var l = 1;</script>", "<script>{\"@type\":\"Article\"}</script>",
            "<script type=application/ld+json>[{\"@type\":\"Report\",\"articleBody\":\"m\"}]</script>",
            "<svg><script type=application/ld+json>{\"@type\":\"Article\",\"articleBody\":\"n\"}</script>"
                    + "<meta name=description content=o></svg>",
            "<svg><script><script type=application/ld+json>{\"@type\":\"Article\",\"articleBody\":\"p\"}"
                    + "</script><meta name=description content=q></script></svg>",
            "<noscript><meta name=description content=r></noscript>", "<p>text</p>", "<div><span>s</span></div>",
            "<template><meta name=description content=t></template>"};
        Random random = new Random(19);
        for (int page = 0; page < 5_000; page++) {
            StringBuilder head = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (int i = random.nextInt(6); i >= 0; i--) {
                (random.nextBoolean() ? head : body).append(parts[random.nextInt(parts.length)]);
            }
            Document document = Jsoup.parse("<html><head>" + head + "</head><body>" + body + "</body></html>");
            Evidence.Sources sources = Evidence.Sources.of(document);
            assertThat(sources.description).as(document.html())
                    .isSameAs(document.selectFirst("meta[property=og:description], meta[name=description]"));
            assertThat(JsonLd.articles(sources.ldScripts, "articleBody")).as(document.html())
                    .isEqualTo(JsonLd.articles(document, "articleBody"));
        }
    }

    @Test
    void shouldLeaveAScriptInsideAScriptUnreadAsJsonLdDoes() {
        // the HTML parser never nests scripts; a DOM built in code can
        Document document = Jsoup.parse("<html><head></head><body></body></html>");
        Element outer = document.body().appendElement("script");
        outer.appendElement("script").attr("type", "application/ld+json")
                .appendChild(new DataNode("{\"@type\":\"Article\",\"articleBody\":\"x\"}"));

        assertThat(JsonLd.articles(document, "articleBody")).isEmpty();
        assertThat(Evidence.Sources.of(document).ldScripts).isEmpty();
    }

    private static double leadWeight(Set<String> lead, String text) {
        if (lead.size() < 8 || text.length() < lead.size() * 3) {
            return 1;
        }
        Set<String> found = new HashSet<>(words(text));
        found.retainAll(lead);
        return found.size() >= 0.6 * lead.size() ? 2 : 1;
    }

    private static double share(Set<String> words, String text) {
        int all = 0;
        int in = 0;
        for (String word : text.split("[^\\p{L}\\p{Nd}_]+")) {
            if (!word.isEmpty()) {
                all++;
                in += words.contains(word.toLowerCase(Locale.ROOT)) ? 1 : 0;
            }
        }
        return all == 0 ? 0 : (double) in / all;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.split("[^\\p{L}\\p{Nd}_]+")) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(random.nextInt(3) == 0 ? randomWord(random) : WORDS[random.nextInt(WORDS.length)]);
            text.append(GAPS[random.nextInt(GAPS.length)]);
        }
        return text.toString();
    }

    private static String randomWord(Random random) {
        String letters = "aAbBkKzZ09_éÉıİß\u212A";
        StringBuilder word = new StringBuilder();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    private static Document pageWithDescription(String description) {
        return Jsoup.parse("<html><head><meta name=description content=\"" + Entities.escape(description)
                + "\"></head><body></body></html>");
    }

    private static Document pageWithArticleBody(String body) throws Exception {
        String json = new ObjectMapper().writeValueAsString(Map.of("@type", "NewsArticle", "articleBody", body));
        return Jsoup.parse("<html><head><script type=\"application/ld+json\">" + json
                + "</script></head><body></body></html>");
    }
}
