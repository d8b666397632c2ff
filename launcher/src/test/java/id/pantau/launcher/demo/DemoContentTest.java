package id.pantau.launcher.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoContentTest {

    private static final DemoContent.DemoOutlet OUTLET = new DemoContent.DemoOutlet("kalbaronline", "KalbarOnline (demo)", List.of("61"));

    @Test
    void shouldRejectAnArticleOfAnUnknownOutlet() {
        DemoContent.DemoArticle article = new DemoContent.DemoArticle("nowhere", "a-story", "A", "B", "C", List.of(), List.of("text"));

        assertThatThrownBy(() -> new DemoContent(List.of(OUTLET), List.of(article)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo content: article 'a-story' names unknown outlet 'nowhere'");
    }

    @Test
    void shouldRejectASlugThatIsNotAPathSegment() {
        assertThatThrownBy(() -> new DemoContent.DemoArticle("kalbaronline", "A Story/1", "A", "B", "C", List.of(), List.of("text")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo content: slug must be lower-case words and dashes, got 'A Story/1'");
    }

    @Test
    void shouldRejectDuplicateOutlets() {
        DemoContent.DemoArticle article = new DemoContent.DemoArticle("kalbaronline", "a-story", "A", "B", "C", List.of(), List.of("text"));

        assertThatThrownBy(() -> new DemoContent(List.of(OUTLET, OUTLET), List.of(article)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo content: duplicate outlet id 'kalbaronline'");
    }
}
