package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

class StreamingSelectorTest {

    private static final String NESTED = "<html><body><div class=\"a\" id=\"x\"><div class=\"b\"><p>1</p><div class=\"a\"><p class=\"b\">2</p>"
            + "<span class=\"b\"><p>3</p></span></div></div><p class=\"b\">4</p></div><div class=\"b\"><div class=\"a b\"><p>5</p>"
            + "<div class=\"b\"><p class=\"a\">6</p></div></div></div><span id=\"x\"><b class=\"c\">7</b></span><p>8</p>"
            + "<time class=\"Entry-Date\tpublished\">9</time><div class=\" a  B \"><p id=\"X\">10</p></div>"
            + "<i class=\"\u212Aelvin \u017Fpan\">11</i><i class=\"\u0130tem\">12</i>"
            + "<div class=\"a a\"><div class=\"b b a\"><p class=\"b\">13</p></div></div></body></html>";
    private static final List<String> SELECTORS = List.of("p", ".a .b", "div div", "div div div", ".a .b p", "#x p, span", "div.a .b .a p",
            ".b .b", "body p", "html .c", ".a p.b, .b p.a", "h1.entry-title", ".td-post-content .entry-content", "#article time",
            ".tags-links a", ".paging a.next", ".breadcrumb li:last-child a", "div > p", "meta[property=og:title]", ".a  .b", "DIV.A #X",
            "#x", "span#x .C", ".A.b p", "time.entry-date.published", "p.b.a, div.b.a p",
            ".kelvin", "i.span", ".item", ".ITEM", "div p:last-child", "span ~ p", "div> p", "P:first-child", "*:first-child", ".a > *",
            "div:has(p) p", "p:not(.b)", ":last-child", "div :last-child p", "body > :last-child", "p.b:last-child, span:last-child");

    /** One selector alone, through a {@link SelectorSet} of that selector only. */
    private static List<Element> walk(Document doc, String selector) {
        return walk(doc, List.of(selector)).get(0);
    }

    /** The matches of each of {@code selectors}, all matched at once through one {@link SelectorSet}. */
    private static List<List<Element>> walk(Document doc, List<String> selectors) {
        SelectorSet set = SelectorSet.of(selectors);
        List<List<Element>> found = new ArrayList<>();
        selectors.forEach(s -> found.add(new ArrayList<>()));
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    int matched = set.head(doc, e, depth);
                    for (int i = 0; i < selectors.size(); i++) {
                        if ((matched & (1 << i)) != 0) {
                            found.get(i).add(e);
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element) {
                    set.tail(depth);
                }
            }
        }, doc);
        return found;
    }

    private static void assertSameAsSelect(Document doc) {
        // a set holds at most 31 selectors
        List<List<Element>> together = new ArrayList<>(walk(doc, SELECTORS.subList(0, 30)));
        together.addAll(walk(doc, SELECTORS.subList(30, SELECTORS.size())));
        for (int i = 0; i < SELECTORS.size(); i++) {
            String selector = SELECTORS.get(i);
            assertThat(walk(doc, selector)).as(selector).containsExactlyElementsOf(doc.select(selector));
            assertThat(together.get(i)).as("in a set: " + selector).containsExactlyElementsOf(doc.select(selector));
        }
    }

    @Test
    void shouldMatchWhatSelectMatchesOnNestedClasses() {
        assertSameAsSelect(Jsoup.parse(NESTED));
    }

    @Test
    void shouldMatchWhatSelectMatchesOnFixturePages() {
        for (Fixtures fixture : Fixtures.all()) {
            assertSameAsSelect(Jsoup.parse(fixture.html(), fixture.url()));
        }
    }

    @Test
    void shouldStreamOnlyTagClassIdDescendantChains() {
        assertThat(StreamingSelector.chains(".a .b, #x p")).hasSize(2);
        assertThat(StreamingSelector.chains("div > p")).isNull();
        assertThat(StreamingSelector.chains("li:last-child a")).hasSize(1);
        assertThat(StreamingSelector.chains("li:last-child a").get(0)[0].lastChild()).isTrue();
        assertThat(StreamingSelector.chains("li:first-child a").get(0)[0].fallback()).isNotNull();
        assertThat(StreamingSelector.chains("li:nth-child(2) a")).isNull();
        assertThat(StreamingSelector.chains("meta[name=x]")).isNull();
    }

    @Test
    void shouldReadTheTagAJsoupSelectorRequires() {
        assertThat(StreamingSelector.requiredTag(".breadcrumb li:last-child a")).isEqualTo("a");
        assertThat(StreamingSelector.requiredTag(".breadcrumbs a:last-child")).isEqualTo("a");
        assertThat(StreamingSelector.requiredTag("DIV > P.x")).isEqualTo("p");
        assertThat(StreamingSelector.requiredTag("h1-x#id")).isEqualTo("h1-x");
        assertThat(StreamingSelector.requiredTag("div >p")).isNull();
        assertThat(StreamingSelector.requiredTag(":last-child")).isNull();
        assertThat(StreamingSelector.requiredTag("*:first-child")).isNull();
        assertThat(StreamingSelector.requiredTag("a, b")).isNull();
        assertThat(StreamingSelector.requiredTag("div:has(p a) p")).isNull();
        assertThat(StreamingSelector.requiredTag("meta[property=og:title]")).isNull();
        assertThat(StreamingSelector.requiredTag("svg|rect")).isNull();
    }

    @Test
    void shouldTellClassesInAnAttributeAsElementHasClassDoes() {
        Random random = new Random(5);
        String alphabet = "aAbB- \t\n\u00a0\u2003";
        for (int i = 0; i < 5000; i++) {
            StringBuilder classes = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                classes.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Element e = Jsoup.parse("<div></div>").selectFirst("div").attr("class", classes.toString());
            for (String wanted : List.of("a", "ab", "a-b", "bb", "aab")) {
                assertThat(StreamingSelector.Compound.hasClass(classes.toString(), wanted)).as("[" + classes + "] has " + wanted)
                        .isEqualTo(e.hasClass(wanted));
            }
        }
    }
}
