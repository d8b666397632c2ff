package id.pantau.ingest.extract.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;
import org.junit.jupiter.api.Test;

class ClassHintsTest {

    @Test
    void shouldSplitClassIdAndItempropIntoWordsAtHumpsAndSeparators() {
        Element element = element("<div class='newsCaption baca_juga' id='sideBar2' itemprop='articleBody'></div>");

        assertThat(ClassHints.words(element)).containsExactly("news", "caption", "baca", "juga", "side", "bar", "article",
                "body", "news-caption", "caption-baca", "baca-juga", "juga-side", "side-bar", "bar-article", "article-body");
    }

    @Test
    void shouldMarkFurnitureWhenNothingSaysContent() {
        assertThat(ClassHints.isUnlikely(element("<div class='baca-juga'></div>"))).isTrue();
        assertThat(ClassHints.isUnlikely(element("<div class='related-posts'></div>"))).isTrue();
        assertThat(ClassHints.isUnlikely(element("<div id='comments'></div>"))).isTrue();
        assertThat(ClassHints.isUnlikely(element("<div role='navigation'></div>"))).isTrue();
        assertThat(ClassHints.isUnlikely(element("<span class='newsCaption'></span>"))).isTrue();
        assertThat(ClassHints.isUnlikely(element("<div itemprop='author'></div>"))).isTrue();
        assertThat(ClassHints.isUnlikely(element("<h2 class='subtitle'></h2>"))).isTrue();
    }

    @Test
    void shouldKeepABlockWhenAContentWordComesWithTheFurnitureWord() {
        assertThat(ClassHints.isUnlikely(element("<div class='content-with-sidebar'></div>"))).isFalse();
        assertThat(ClassHints.isUnlikely(element("<div class='social-media-embed'></div>"))).isFalse();
        assertThat(ClassHints.isUnlikely(element("<div class='entry-content'></div>"))).isFalse();
    }

    @Test
    void shouldDropCaptionsEvenInsideAContentBlock() {
        assertThat(ClassHints.isUnlikely(element("<div class='InlineImage-imageEmbedCaption'></div>"))).isTrue();
        assertThat(ClassHints.isUnlikely(element("<div class='article-caption'></div>"))).isTrue();
    }

    @Test
    void shouldNotTakeAWordForPartOfAnother() {
        // "adrail", "header", "shadow", "loading" contain furniture letters but are other words
        assertThat(ClassHints.isUnlikely(element("<div class='adrail header shadow loading'></div>"))).isFalse();
    }

    @Test
    void shouldWeighContentAndFurnitureWords() {
        assertThat(ClassHints.weight(element("<div class='post-body'></div>"))).isEqualTo(25);
        assertThat(ClassHints.weight(element("<div class='sidebar'></div>"))).isEqualTo(-25);
        assertThat(ClassHints.weight(element("<div class='content-sidebar'></div>"))).isZero();
        assertThat(ClassHints.weight(element("<div></div>"))).isZero();
    }

    @Test
    void shouldJudgeLikeLookingUpEveryWordAndPairInTheSetsOnGeneratedAttributes() {
        List<String> vocabulary = new ArrayList<>();
        Stream.of(ClassHints.UNLIKELY, ClassHints.MAYBE, ClassHints.CAPTION, ClassHints.POSITIVE, ClassHints.NEGATIVE)
                .flatMap(Set::stream)
                .forEach(word -> {
                    vocabulary.add(word);
                    vocabulary.addAll(List.of(word.split("-")));
                });
        vocabulary.addAll(List.of("col", "md", "wrapper", "header", "adrail", "\u212Aomentar", "été", "ıd", "İklan", "x"));
        String[] separators = {"-", "_", " ", "  ", "2", "é", "", "."};
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            Element element = new Element(Tag.valueOf("div"), "");
            for (String attribute : new String[] {"class", "id", "itemprop"}) {
                if (random.nextInt(3) > 0) {
                    StringBuilder value = new StringBuilder();
                    for (int words = random.nextInt(5); words > 0; words--) {
                        value.append(cased(vocabulary.get(random.nextInt(vocabulary.size())), random));
                        value.append(separators[random.nextInt(separators.length)]);
                    }
                    element.attr(attribute, value.toString());
                }
            }
            List<String> words = ClassHints.words(element);
            boolean unlikely = any(words, ClassHints.UNLIKELY)
                    && (any(words, ClassHints.CAPTION) || !any(words, ClassHints.MAYBE));
            int weight = (any(words, ClassHints.POSITIVE) ? 25 : 0) - (any(words, ClassHints.NEGATIVE) ? 25 : 0);
            assertThat(ClassHints.isUnlikely(element)).as(element.outerHtml()).isEqualTo(unlikely);
            assertThat(ClassHints.weight(element)).as(element.outerHtml()).isEqualTo(weight);
        }
    }

    private static String cased(String word, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            default -> word;
        };
    }

    private static boolean any(List<String> words, Set<String> set) {
        return words.stream().anyMatch(set::contains);
    }

    private static Element element(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }
}
