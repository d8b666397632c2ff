package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.SourceConfig;
import id.pantau.ingest.config.SourceType;
import id.pantau.ingest.discovery.CandidateGate.Admitted;
import id.pantau.ingest.seen.InMemorySeenStore;
import id.pantau.ingest.seen.SeenStore;
import id.pantau.ingest.testing.MutableClock;
import id.pantau.schemas.avro.SeenArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CandidateGateTest {

    private static final Instant NOW = Instant.parse("2024-11-19T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemorySeenStore seen = new InMemorySeenStore();
    private final CandidateGate gate = new CandidateGate(Duration.ofHours(48), seen, clock);
    private final RevisitSchedule hourly = new RevisitSchedule(Duration.ofHours(1), 2);
    private final Outlet outlet = new Outlet("kalbaronline", "KalbarOnline", "https://kalbaronline.com/", List.of("61"), List.of(),
            List.of(new SourceConfig(SourceType.FEED, "https://kalbaronline.com/feed/", null)), null, null);

    @Test
    void shouldAdmitRecentNormalisedOwnUrlsOnce() {
        List<Admitted> admitted = gate.admit(outlet, List.of(
                new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/?utm_source=rss", NOW.minusSeconds(3600)),
                new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/#komentar", NOW.minusSeconds(3600)),
                new CandidateUrl("https://kalbaronline.com/2019/03/02/arsip/", Instant.parse("2019-03-02T00:00:00Z")),
                new CandidateUrl("https://other.example/2024/11/18/x/", NOW),
                new CandidateUrl("https://kalbaronline.com/tentang-kami/", null))).admitted();

        assertThat(admitted).containsExactly(fresh("https://kalbaronline.com/2024/11/18/rakor/"), fresh("https://kalbaronline.com/tentang-kami/"));
    }

    // moved from SourcePollerTest: the pattern is tested on the gate's own (cached) normalisation, not on a second one
    @Test
    void shouldAdmitOnlyCandidatesWhoseCanonicalUrlMatchesTheOutletsArticlePatternAndCountTheOthers() {
        Outlet patterned = withArticlePattern(outlet, "https://kalbaronline\\.com/2024/\\d{2}/\\d{2}/[a-z0-9-]+/");
        List<CandidateUrl> listed = List.of(
                new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor-netralitas-asn/?utm_source=rss&utm_medium=feed", NOW.minusSeconds(3600)),
                new CandidateUrl("https://kalbaronline.com/2024/11/18/kades-mempawah-netral/#komentar", NOW.minusSeconds(3600)),
                new CandidateUrl("https://kalbaronline.com/tag/pilkada/", null),
                new CandidateUrl("https://kalbaronline.com/2019/03/02/arsip-pemilu/", Instant.parse("2019-03-02T02:00:00Z")),
                new CandidateUrl("mailto:redaksi@kalbaronline.com", null));

        CandidateGate.Admission first = gate.admit(patterned, listed);
        CandidateGate.Admission second = gate.admit(patterned, listed);

        // matched once normalised: without the utm_* parameters and the #komentar fragment
        assertThat(first.admitted()).containsExactly(fresh("https://kalbaronline.com/2024/11/18/rakor-netralitas-asn/"),
                fresh("https://kalbaronline.com/2024/11/18/kades-mempawah-netral/"));
        // the tag page, the old article outside the pattern's year, and what has no canonical URL: old or not, each is counted
        assertThat(first.excluded()).isEqualTo(3);
        assertThat(second.admitted()).isEmpty();
        assertThat(second.excluded()).as("counted again at every call").isEqualTo(3);
    }

    @Test
    void shouldExcludeNothingWhenTheOutletHasNoArticlePattern() {
        CandidateGate.Admission admission = gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/tag/pilkada/", null),
                new CandidateUrl("mailto:redaksi@kalbaronline.com", null)));

        assertThat(admission.admitted()).containsExactly(fresh("https://kalbaronline.com/tag/pilkada/"));
        assertThat(admission.excluded()).isZero();
    }

    @Test
    void shouldNotAdmitAgainUnlessTheSourceDateMoves() {
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(3600));
        gate.admit(outlet, List.of(item));

        assertThat(gate.admit(outlet, List.of(item)).admitted()).isEmpty();
        assertThat(gate.admit(outlet, List.of(new CandidateUrl(item.url(), NOW.minusSeconds(60)))).admitted()).containsExactly(fresh(item.url()));
    }

    // RSS pubDate does not move when an article is edited: an item still listed is fetched again at its revisit time
    @Test
    void shouldRequestAStillListedItemAgainAtItsRevisitTime() {
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), hourly, seen, clock);
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(3600));
        revisiting.admit(outlet, List.of(item));
        seen.put(SeenArticle.newBuilder().setCanonicalUrl(item.url()).setArticleId("a").setContentHash("h").setVersion(1).setPublishedAt(NOW)
                .build());
        Instant due = hourly.dueAt(item.url(), NOW);

        clock.set(due.minusMillis(1));
        assertThat(revisiting.admit(outlet, List.of(item)).admitted()).as("before its revisit time").isEmpty();
        clock.set(due);
        assertThat(revisiting.admit(outlet, List.of(item)).admitted()).as("at its revisit time").containsExactly(revisit(item.url()));
        clock.advance(Duration.ofMinutes(59));
        assertThat(revisiting.admit(outlet, List.of(item)).admitted()).as("within the hour after the revisit").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(revisiting.admit(outlet, List.of(item)).admitted()).as("an hour after the revisit").containsExactly(revisit(item.url()));
    }

    /** Records {@code url} as published at {@code at}, as the crawler does once it has fetched and published the article. */
    private void published(String url, Instant at) {
        seen.put(SeenArticle.newBuilder().setCanonicalUrl(url).setArticleId("a").setContentHash("h").setVersion(1).setPublishedAt(at).build());
    }

    // a listed URL that never gives an article (not extractable, always failing) was fetched every hour while listed (48 h)
    @Test
    void shouldWaitTwiceAsLongEachTimeForAnItemThatIsNeverPublished() {
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), hourly, seen, clock);
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/bukan-artikel/", NOW.minusSeconds(3600));
        revisiting.admit(outlet, List.of(item));
        List<Instant> requests = new ArrayList<>();

        for (Instant end = NOW.plus(Duration.ofHours(48)); clock.instant().isBefore(end); clock.advance(Duration.ofSeconds(30))) {
            if (!revisiting.admit(outlet, List.of(item)).admitted().isEmpty()) {
                requests.add(clock.instant());
            }
        }

        // revisits after waits of about 2, 4, 8 and 16 hours (each within half an hour of the doubled wait); the next would be 24 h
        // after the last (the cap), past the 48 h of the loop
        assertThat(requests).hasSize(5);
        for (int i = 1; i < requests.size(); i++) {
            Duration wait = Duration.between(requests.get(i - 1), requests.get(i));
            long hours = 1L << i;
            assertThat(wait).as("wait " + i).isGreaterThanOrEqualTo(Duration.ofHours(hours).minusMinutes(30)).isLessThan(Duration.ofHours(hours).plusMinutes(30));
        }
    }

    @Test
    void shouldCapTheWaitOfAnItemNeverPublishedAtTwentyFourRevisitTimes() {
        String url = "https://kalbaronline.com/2024/11/18/bukan-artikel/";

        assertThat(hourly.dueAtUnpublished(url, NOW, 1)).isEqualTo(hourly.dueAt(url, NOW));
        assertThat(hourly.dueAtUnpublished(url, NOW, 5)).isEqualTo(hourly.dueAt(url, NOW.plus(Duration.ofHours(15))));
        assertThat(hourly.dueAtUnpublished(url, NOW, 6)).isEqualTo(hourly.dueAt(url, NOW.plus(Duration.ofHours(23))));
        assertThat(hourly.dueAtUnpublished(url, NOW, 40)).isEqualTo(hourly.dueAt(url, NOW.plus(Duration.ofHours(23))));
    }

    // a longer wait would outlive the request (forgotten after two recent windows) and the item would come back as new
    @Test
    void shouldWaitNoLongerThanTheRecentWindowForAnItemNeverPublished() {
        RevisitSchedule sixHourly = new RevisitSchedule(Duration.ofHours(6), 2);
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), sixHourly, seen, clock);
        CandidateUrl undated = new CandidateUrl("https://kalbaronline.com/2024/11/18/tanpa-tanggal/", null);
        revisiting.admit(outlet, List.of(undated));
        List<Instant> requests = new ArrayList<>(List.of(NOW));

        for (Instant end = NOW.plus(Duration.ofDays(20)); clock.instant().isBefore(end); clock.advance(Duration.ofMinutes(5))) {
            if (!revisiting.admit(outlet, List.of(undated)).admitted().isEmpty()) {
                requests.add(clock.instant());
                revisiting.evictOld();
            }
        }

        for (int i = 1; i < requests.size(); i++) {
            assertThat(Duration.between(requests.get(i - 1), requests.get(i))).as("wait " + i).isLessThanOrEqualTo(Duration.ofHours(48));
        }
        assertThat(Duration.between(requests.get(requests.size() - 2), requests.get(requests.size() - 1))).as("the last waits")
                .isGreaterThan(Duration.ofHours(47));
    }

    @Test
    void shouldRevisitHourlyAgainOnceTheItemIsPublished() {
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), hourly, seen, clock);
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/akhirnya-terbit/", NOW.minusSeconds(3600));
        revisiting.admit(outlet, List.of(item));
        for (int i = 0; i < 3; i++) { // three requests without a publication: the next wait is 4 revisit times
            clock.set(hourly.dueAtUnpublished(item.url(), clock.instant(), i + 1));
            assertThat(revisiting.admit(outlet, List.of(item)).admitted()).containsExactly(revisit(item.url()));
        }
        seen.put(SeenArticle.newBuilder().setCanonicalUrl(item.url()).setArticleId("a").setContentHash("h").setVersion(1)
                .setPublishedAt(clock.instant()).build());

        clock.set(hourly.dueAt(item.url(), clock.instant()));

        assertThat(revisiting.admit(outlet, List.of(item)).admitted()).containsExactly(revisit(item.url()));
    }

    // a request that could not be sent was forgotten with the count before it: the next wait was 1 h again, not 8 h
    @Test
    void shouldKeepCountingTheRequestsOfAnItemNeverPublishedWhenOneCouldNotBeSent() {
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), hourly, seen, clock);
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/bukan-artikel/", NOW.minusSeconds(3600));
        revisiting.admit(outlet, List.of(item));
        for (int i = 0; i < 3; i++) { // four requests without a publication, the last one not sent
            clock.set(hourly.dueAtUnpublished(item.url(), clock.instant(), i + 1));
            assertThat(revisiting.admit(outlet, List.of(item)).admitted()).containsExactly(revisit(item.url()));
        }
        revisiting.forget(item.url());

        List<Admitted> again = revisiting.admit(outlet, List.of(item)).admitted();
        Instant due = hourly.dueAtUnpublished(item.url(), clock.instant(), 4); // 8 revisit times later

        assertThat(again).as("due again at once").extracting(Admitted::url).containsExactly(item.url());
        clock.set(due.minusMillis(1));
        assertThat(revisiting.admit(outlet, List.of(item)).admitted()).as("before the wait after a fourth request").isEmpty();
        clock.set(due);
        assertThat(revisiting.admit(outlet, List.of(item)).admitted()).containsExactly(revisit(item.url()));
        assertThat(again).as("asked again as the revisit it was").containsExactly(revisit(item.url()));
    }

    // after a restart the gate has no requests in memory: the seen-store's publication time counts
    @Test
    void shouldRevisitFromTheLastPublicationAfterARestart() {
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), hourly, seen, clock);
        seen.put(SeenArticle.newBuilder().setCanonicalUrl("https://kalbaronline.com/2024/11/18/rakor/").setArticleId("a").setContentHash("h")
                .setVersion(1).setPublishedAt(NOW.minus(Duration.ofMinutes(20))).build());
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minus(Duration.ofHours(2)));
        Instant due = hourly.dueAt(item.url(), NOW.minus(Duration.ofMinutes(20)));

        clock.set(due.minusMillis(1));
        assertThat(revisiting.admit(outlet, List.of(item)).admitted()).isEmpty();
        clock.set(due);
        assertThat(revisiting.admit(outlet, List.of(item)).admitted()).containsExactly(revisit(item.url()));
    }

    // issue #3: after a restart every listed item was overdue at once and all of them were requested in one poll
    @Test
    void shouldRequestNoMoreRevisitsPerCallThanTheCapButEveryNewItem() {
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), hourly, seen, clock);
        List<CandidateUrl> listed = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new CandidateUrl("https://kalbaronline.com/2024/11/18/berita-" + i + "/", NOW.minus(Duration.ofHours(4))))
                .toList();
        listed.forEach(item -> seen.put(SeenArticle.newBuilder().setCanonicalUrl(item.url()).setArticleId("a").setContentHash("h")
                .setVersion(1).setPublishedAt(NOW.minus(Duration.ofHours(3))).build()));
        List<CandidateUrl> withNew = new ArrayList<>(listed);
        withNew.add(new CandidateUrl("https://kalbaronline.com/2024/11/19/baru-1/", NOW));
        withNew.add(new CandidateUrl("https://kalbaronline.com/2024/11/19/baru-2/", NOW));
        withNew.add(new CandidateUrl("https://kalbaronline.com/2024/11/19/baru-3/", NOW));

        List<String> mostOverdueFirst = listed.stream().map(CandidateUrl::url)
                .sorted(Comparator.comparing((String url) -> hourly.dueAt(url, NOW.minus(Duration.ofHours(3))))).toList();

        assertThat(revisiting.admit(outlet, listed).admitted())
                .containsExactlyInAnyOrder(revisit(mostOverdueFirst.get(0)), revisit(mostOverdueFirst.get(1)));
        assertThat(revisiting.admit(outlet, withNew).admitted())
                .containsExactlyInAnyOrder(revisit(mostOverdueFirst.get(2)), revisit(mostOverdueFirst.get(3)),
                fresh("https://kalbaronline.com/2024/11/19/baru-1/"), fresh("https://kalbaronline.com/2024/11/19/baru-2/"),
                fresh("https://kalbaronline.com/2024/11/19/baru-3/"));
        assertThat(revisiting.admit(outlet, withNew).admitted()).containsExactly(revisit(mostOverdueFirst.get(4)));
        assertThat(revisiting.admit(outlet, withNew).admitted()).isEmpty();
    }

    // issue #3: the cap was filled with the first due items in listing order, so when more items came due than
    // the cap lets through (400 listed, 2 per 30 s poll: 240 an hour), the end of the listing was never revisited
    @Test
    void shouldRevisitEveryListedItemWithinABoundWhenMoreComeDueThanTheCapLetsThrough() {
        int items = 400;
        int cap = 2;
        Duration poll = Duration.ofSeconds(30);
        CandidateGate revisiting = new CandidateGate(Duration.ofHours(48), new RevisitSchedule(Duration.ofHours(1), cap), seen, clock);
        List<CandidateUrl> listed = IntStream.rangeClosed(1, items)
                .mapToObj(i -> new CandidateUrl("https://kalbaronline.com/2024/11/19/berita-" + i + "/", NOW.minus(Duration.ofHours(1))))
                .toList();
        Map<String, Instant> lastRequested = new HashMap<>();
        revisiting.admit(outlet, listed).admitted().forEach(first -> {
            lastRequested.put(first.url(), NOW);
            published(first.url(), NOW);
        });
        // Most overdue first: once an item is due, each other item is revisited at most once before it (when
        // revisited, an item is next due half an hour later at the earliest, after this one), so it waits
        // at most for the polls that serve all the others and itself.
        Duration bound = poll.multipliedBy((items + cap - 1) / cap);
        Duration longestWait = Duration.ZERO;
        Set<String> revisitedInHours3To6 = new HashSet<>();

        while (clock.instant().isBefore(NOW.plus(Duration.ofHours(6)))) {
            clock.advance(poll);
            Instant now = clock.instant();
            for (Admitted admitted : revisiting.admit(outlet, listed).admitted()) {
                Instant due = hourly.dueAt(admitted.url(), lastRequested.get(admitted.url()));
                longestWait = max(longestWait, Duration.between(due, now));
                lastRequested.put(admitted.url(), now);
                published(admitted.url(), now);
                if (!now.isBefore(NOW.plus(Duration.ofHours(3)))) {
                    revisitedInHours3To6.add(admitted.url());
                }
            }
        }
        for (Map.Entry<String, Instant> item : lastRequested.entrySet()) { // and what is still waiting at the end
            longestWait = max(longestWait, Duration.between(hourly.dueAt(item.getKey(), item.getValue()), clock.instant()));
        }

        assertThat(lastRequested).hasSize(items);
        assertThat(revisitedInHours3To6).hasSize(items);
        assertThat(longestWait).isLessThanOrEqualTo(bound);
    }

    @Test
    void shouldNeverRevisitWhenTheRevisitTimeIsZero() {
        CandidateUrl item = new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(3600));
        gate.admit(outlet, List.of(item));

        clock.advance(Duration.ofDays(1));
        assertThat(gate.admit(outlet, List.of(item)).admitted()).isEmpty();
    }

    @Test
    void shouldSkipUrlPublishedAfterItsSourceDate() {
        seen.put(SeenArticle.newBuilder().setCanonicalUrl("https://kalbaronline.com/2024/11/18/rakor/").setArticleId("a").setContentHash("h")
                .setVersion(1).setPublishedAt(NOW.minusSeconds(600)).build());

        assertThat(gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(3600)))).admitted()).isEmpty();
        assertThat(gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", null))).admitted()).isEmpty();
        assertThat(gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(60)))).admitted())
                .containsExactly(fresh("https://kalbaronline.com/2024/11/18/rakor/"));
    }

    @Test
    void shouldForgetOldRequestsAndUnsentOnes() {
        gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/a/", null), new CandidateUrl("https://kalbaronline.com/b/", null)));
        gate.forget("https://kalbaronline.com/b/");
        clock.advance(Duration.ofHours(97));

        assertThat(gate.evictOld()).isEqualTo(1);
        assertThat(gate.admit(outlet, List.of(new CandidateUrl("https://kalbaronline.com/a/", null))).admitted()).containsExactly(fresh("https://kalbaronline.com/a/"));
    }

    // the feed and the sitemap of one outlet are polled at once and both list the article: it was requested twice
    @Test
    void shouldAdmitANewItemOnceWhenAnotherCallRecordsItAfterThisOneReadIt() {
        CandidateUrl both = new CandidateUrl("https://kalbaronline.com/2024/11/18/rakor/", NOW.minusSeconds(3600));
        CandidateUrl feedOnly = new CandidateUrl("https://kalbaronline.com/2024/11/18/kades/", NOW.minusSeconds(3600));
        InterleavingSeenStore interleaving = new InterleavingSeenStore(seen);
        CandidateGate racing = new CandidateGate(Duration.ofHours(48), interleaving, clock);
        List<Admitted> byTheOtherCall = new ArrayList<>();
        // the outer call has read the state of `both` when it asks the seen-store about `feedOnly`
        interleaving.beforeFirstGet(feedOnly.url(), () -> byTheOtherCall.addAll(racing.admit(outlet, List.of(both)).admitted()));

        List<Admitted> byThisCall = racing.admit(outlet, List.of(both, feedOnly)).admitted();

        assertThat(byTheOtherCall).containsExactly(fresh(both.url()));
        assertThat(byThisCall).containsExactly(fresh(feedOnly.url()));
        assertThat(racing.admit(outlet, List.of(both, feedOnly)).admitted()).as("both recorded").isEmpty();
    }

    @Test
    void shouldAdmitADueRevisitOnceWhenAnotherCallRecordsItAfterThisOneReadIt() {
        CandidateUrl both = new CandidateUrl("https://kalbaronline.com/2024/11/18/bukan-artikel/", NOW.minusSeconds(3600));
        CandidateUrl feedOnly = new CandidateUrl("https://kalbaronline.com/2024/11/19/baru/", NOW);
        InterleavingSeenStore interleaving = new InterleavingSeenStore(seen);
        CandidateGate racing = new CandidateGate(Duration.ofHours(48), hourly, interleaving, clock);
        racing.admit(outlet, List.of(both));
        clock.set(hourly.dueAtUnpublished(both.url(), NOW, 1));
        List<Admitted> byTheOtherCall = new ArrayList<>();
        interleaving.beforeFirstGet(feedOnly.url(), () -> byTheOtherCall.addAll(racing.admit(outlet, List.of(both)).admitted()));

        List<Admitted> byThisCall = racing.admit(outlet, List.of(both, feedOnly)).admitted();

        assertThat(byTheOtherCall).containsExactly(revisit(both.url()));
        assertThat(byThisCall).containsExactly(fresh(feedOnly.url()));
    }

    /** A seen-store that lets another call of the gate run in the middle of one, when it is first asked about a URL. */
    private static final class InterleavingSeenStore implements SeenStore {
        private final SeenStore store;
        private final Map<String, Runnable> beforeFirstGet = new HashMap<>();

        InterleavingSeenStore(SeenStore store) {
            this.store = store;
        }

        void beforeFirstGet(String url, Runnable interleaved) {
            beforeFirstGet.put(url, interleaved);
        }

        @Override
        public @Nullable SeenArticle get(String canonicalUrl) {
            Runnable interleaved = beforeFirstGet.remove(canonicalUrl);
            if (interleaved != null) {
                interleaved.run();
            }
            return store.get(canonicalUrl);
        }

        @Override
        public void put(SeenArticle article) {
            store.put(article);
        }

        @Override
        public int size() {
            return store.size();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Outlet withArticlePattern(Outlet outlet, String articleUrlPattern) {
        return new Outlet(outlet.id(), outlet.name(), outlet.home(), outlet.regions(), outlet.hosts(), outlet.sources(), articleUrlPattern,
                outlet.profile(), outlet.delayMs());
    }

    private static Admitted fresh(String url) {
        return new Admitted(url, false);
    }

    private static Admitted revisit(String url) {
        return new Admitted(url, true);
    }
}
