package id.pantau.ingest.extract.generic;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
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

    private static Element element(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }
}
