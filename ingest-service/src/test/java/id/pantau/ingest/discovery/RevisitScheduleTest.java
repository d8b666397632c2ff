package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RevisitScheduleTest {

    private static final Instant NOW = Instant.parse("2024-11-19T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private final RevisitSchedule hourly = new RevisitSchedule(HOUR, 2);

    private static List<String> sitemapUrls(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "https://pontianak.tribunnews.com/2024/11/19/berita-" + i).toList();
    }

    // issue #3: items requested together all came due again at one moment, every hour, and held up new articles
    @Test
    void shouldSpreadItemsRequestedTogetherOverTheRevisitTime() {
        Map<Long, Integer> duePerMinute = new TreeMap<>();

        for (String url : sitemapUrls(300)) {
            Instant due = hourly.dueAt(url, NOW);
            assertThat(due).isBetween(NOW.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofMinutes(90)).minusMillis(1));
            duePerMinute.merge(Duration.between(NOW, due).toMinutes(), 1, Integer::sum);
        }

        assertThat(duePerMinute.size()).as("minutes with a revisit due, of 60").isGreaterThan(50);
        assertThat(duePerMinute.values()).as("revisits due in one minute: 5 on average, never over 5 % of them")
                .allMatch(count -> count <= 15);
    }

    @Test
    void shouldComeDueAgainOneRevisitTimeAfterARevisit() {
        String url = "https://pontianak.tribunnews.com/2024/11/19/berita-1";
        Instant first = hourly.dueAt(url, NOW);

        assertThat(hourly.dueAt(url, first)).isEqualTo(first.plus(HOUR));
        assertThat(hourly.dueAt(url, first.plus(Duration.ofSeconds(30)))).as("requested a poll late").isEqualTo(first.plus(HOUR));
    }

    @Test
    void shouldKeepAUrlsSlotWhateverTheLastRequest() {
        String url = "https://pontianak.tribunnews.com/2024/11/19/berita-1";
        Instant first = hourly.dueAt(url, NOW);

        assertThat(hourly.dueAt(url, NOW.minus(Duration.ofHours(5)))).isEqualTo(first.minus(Duration.ofHours(5)));
        assertThat(new RevisitSchedule(HOUR, 7).dueAt(url, NOW)).isEqualTo(first);
    }

    @Test
    void shouldRefuseADueTimeWhenRevisitsAreDisabled() {
        assertThat(RevisitSchedule.NEVER.isEnabled()).isFalse();
        assertThatThrownBy(() -> RevisitSchedule.NEVER.dueAt("https://kalbaronline.com/a/", NOW))
                .isInstanceOf(IllegalStateException.class).hasMessage("revisits are disabled");
    }

    @Test
    void shouldRejectACapBelowOne() {
        assertThatThrownBy(() -> new RevisitSchedule(HOUR, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPerPoll: expected at least 1, got 0");
    }
}
