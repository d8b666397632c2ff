package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.extract.evaluation.PageCounts;
import id.pantau.ingest.extract.evaluation.Score;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every outlet fixture extracts to exactly its expected fields, with the outlet's profile. */
class OutletFixturesTest {

    private static final Logger LOG = LoggerFactory.getLogger(OutletFixturesTest.class);
    /**
     * Body F1 (4-token shingles, {@link Score}) the generic extractor reaches on these fixtures with the
     * profiles switched off, the goal (measured 1.000 on these fixtures when written). The fixtures are few and hand-made, so
     * the generic extractor's real quality is measured on the evaluation corpus, not here.
     */
    private static final double GENERIC_F1_FLOOR = 0.98;

    private final ArticleExtractor extractor =
            new ArticleExtractor(Clock.fixed(Instant.parse("2024-11-20T00:00:00Z"), ZoneOffset.UTC));

    static Stream<Fixtures> fixtures() {
        return Fixtures.all().stream();
    }

    @Test
    void shouldHaveAFixtureForEveryOutlet() {
        assertThat(Fixtures.all().stream().map(Fixtures::outletId).distinct().toList()).containsExactlyElementsOf(Fixtures.OUTLETS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldExtractExpectedFieldsWithOutletProfile(Fixtures fixture) throws Exception {
        ExtractedArticle article = extractor.extract(fixture.html(), fixture.url(), Fixtures.profile(fixture.outletId()), fixture.loader());

        assertThat(article.canonicalUrl()).isEqualTo(fixture.text("canonicalUrl"));
        assertThat(article.title()).isEqualTo(fixture.text("title"));
        assertThat(article.publishedAt()).isEqualTo(Instant.parse(fixture.text("publishedAt")));
        assertThat(article.authors()).containsExactlyElementsOf(fixture.list("authors"));
        assertThat(article.editor()).isEqualTo(fixture.text("editor"));
        assertThat(article.dateline()).isEqualTo(fixture.text("dateline"));
        assertThat(article.datelinePlace()).isEqualTo(fixture.text("datelinePlace"));
        assertThat(article.section()).isEqualTo(fixture.text("section"));
        assertThat(article.tags()).containsExactlyElementsOf(fixture.list("tags"));
        assertThat(article.extractionMethod()).isEqualTo(fixture.text("extractionMethod"));
        assertThat(article.pageCount()).isEqualTo(fixture.expected().get("pageCount").asInt());
        assertThat(normalised(article.bodyParagraphs())).containsExactlyElementsOf(normalised(fixture.list("bodyParagraphs")));
    }

    @Test
    void shouldReachMeasuredBodyF1WithGenericExtractorOnly() throws Exception {
        List<PageCounts> counts = new ArrayList<>();
        for (Fixtures fixture : Fixtures.all()) {
            ExtractedArticle article = extractor.extract(fixture.html(), fixture.url(), null, fixture.loader());
            assertThat(article.extractionMethod()).as(fixture.toString()).isEqualTo("generic");
            PageCounts page = PageCounts.of(String.join("\n", fixture.list("bodyParagraphs")), article.bodyText());
            LOG.info("generic fixture={} pages={} score={}", fixture, article.pageCount(), Score.of(List.of(page)));
            counts.add(page);
        }
        Score score = Score.of(counts);
        LOG.info("generic-only body score over {} fixtures: {}", counts.size(), score);

        assertThat(score.f1()).isGreaterThanOrEqualTo(GENERIC_F1_FLOOR);
    }

    @Test
    void shouldGiveSameArticlesWhenOneExtractorServesManyThreads() throws Exception {
        List<Fixtures> fixtures = Fixtures.all();
        List<ExtractedArticle> expected = new ArrayList<>();
        for (Fixtures f : fixtures) {
            expected.add(extractor.extract(f.html(), f.url(), Fixtures.profile(f.outletId()), f.loader()));
        }
        List<Callable<List<ExtractedArticle>>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            tasks.add(() -> {
                List<ExtractedArticle> out = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    out.clear();
                    for (Fixtures f : fixtures) {
                        out.add(extractor.extract(f.html(), f.url(), Fixtures.profile(f.outletId()), f.loader()));
                    }
                }
                return out;
            });
        }

        try (var executor = Executors.newFixedThreadPool(4)) {
            for (var result : executor.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }

    private static List<String> normalised(List<String> paragraphs) {
        return paragraphs.stream().map(BodyText::normalise).toList();
    }
}
