package id.pantau.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StoryClustererTest {

    private static final String STORY = "Bawaslu Kalimantan Barat menggelar rapat koordinasi netralitas ASN dan kepala desa di Pontianak."
            + " Penjabat gubernur membuka rapat dan meminta seluruh pegawai menjaga sikap netral sampai hari pemungutan suara."
            + " Delapan dugaan pelanggaran sudah ditindaklanjuti inspektorat daerah.";

    /** In-memory buckets that count lookups, so a test can see only bucket members are compared. */
    private static final class MapBuckets implements StoryClusterer.Buckets {
        final Map<String, List<String>> buckets = new HashMap<>();

        @Override
        public Iterable<String> members(String bucketKey, long timestamp) {
            return buckets.getOrDefault(bucketKey, List.of());
        }

        @Override
        public void add(String bucketKey, String articleId, long timestamp) {
            buckets.computeIfAbsent(bucketKey, k -> new ArrayList<>()).add(articleId);
        }
    }

    private static final class MapMembers implements StoryClusterer.Members {
        final Map<String, StoryMember> members = new HashMap<>();
        int reads;

        @Override
        public StoryMember get(String articleId) {
            reads++;
            return members.get(articleId);
        }

        @Override
        public void put(String articleId, StoryMember member) {
            members.put(articleId, member);
        }
    }

    private final MapMembers members = new MapMembers();
    private final StoryClusterer clusterer = new StoryClusterer(new Shingles(1), new MinHash(128, 64), 0.2, new MapBuckets(), members);

    @Test
    void shouldPutLightlyEditedCopyInFirstArticlesCluster() {
        clusterer.assign("first", STORY, 1_000);

        String cluster = clusterer.assign("copy", STORY.replace("Penjabat gubernur", "Pj Gubernur Harisson") + " Rapat berlangsung hingga sore.", 2_000);

        assertThat(cluster).isEqualTo("first");
    }

    @Test
    void shouldPutLightlyEditedCopyInFirstArticlesClusterWithDefaultSixteenSingleRowBands() {
        StoryClusterer sixteen = new StoryClusterer(new Shingles(1), new MinHash(16, 16), 0.2, new MapBuckets(), new MapMembers());
        sixteen.assign("first", STORY, 1_000);
        sixteen.assign("other", "Harga beras di pasar Sambas turun setelah panen raya di tiga kecamatan pekan lalu.", 1_500);

        String cluster = sixteen.assign("copy", STORY.replace("Penjabat gubernur", "Pj Gubernur Harisson") + " Rapat berlangsung hingga sore.", 2_000);

        assertThat(cluster).isEqualTo("first");
    }

    @Test
    void shouldStartOwnClusterForUnrelatedStory() {
        clusterer.assign("first", STORY, 1_000);

        String cluster = clusterer.assign("other", "Harga beras di pasar Sambas turun setelah panen raya di tiga kecamatan pekan lalu.", 2_000);

        assertThat(cluster).isEqualTo("other");
    }

    @Test
    void shouldKeepClusterOfNewVersionEvenWhenTextChangesCompletely() {
        clusterer.assign("first", STORY, 1_000);
        clusterer.assign("copy", STORY, 2_000);

        String cluster = clusterer.assign("copy", "Isi berita diganti seluruhnya oleh redaksi tentang cuaca.", 3_000);

        assertThat(cluster).isEqualTo("first");
    }

    @Test
    void shouldCompareOnlyArticlesSharingABucket() {
        clusterer.assign("a", "Harga beras di pasar Sambas turun setelah panen raya.", 1);
        clusterer.assign("b", "Jembatan baru di Ketapang diresmikan bupati pada Senin pagi.", 2);
        clusterer.assign("c", "Tim sepak bola Pontianak menang tipis di laga kandang.", 3);
        members.reads = 0;

        clusterer.assign("d", STORY, 4);

        // only the article's own previous version is read: no candidate shares a bucket
        assertThat(members.reads).isEqualTo(1);
    }

    @Test
    void shouldCheckAtMostTheCandidatesSharingMostBandsWhenBucketsAreCrowded() {
        for (int i = 0; i < 60; i++) {
            clusterer.assign("copy-" + i, STORY + " Salinan nomor " + i + ".", i);
        }
        members.reads = 0;

        String cluster = clusterer.assign("late", STORY, 100);

        assertThat(cluster).isEqualTo("copy-0");
        // its own previous version, then the capped candidates
        assertThat(members.reads).isEqualTo(1 + StoryClusterer.MAX_CANDIDATES);
    }

    @Test
    void shouldComputeJaccardOfSortedSets() {
        assertThat(Shingles.jaccard(new int[] {1, 2, 3, 4}, new int[] {3, 4, 5, 6})).isEqualTo(2.0 / 6);
        assertThat(new Shingles(1).of("dan yang di")).isEmpty();
    }

    @Test
    void shouldRoundTripMemberBytes() {
        StoryMember member = new StoryMember("cluster-1", new int[] {-5, 3, 99});

        assertThat(StoryMember.fromBytes(member.toBytes())).isEqualTo(member);
    }

    @Test
    void shouldPickTheSameCandidatesAsSortingAllByCountThenId() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> shared = new HashMap<>();
            int n = random.nextInt(80);
            for (int i = 0; i < n; i++) {
                shared.put("a" + random.nextInt(1000), 1 + random.nextInt(round % 2 == 0 ? 3 : 20));
            }
            List<String> sortedAll = shared.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(StoryClusterer.MAX_CANDIDATES)
                    .map(Map.Entry::getKey)
                    .toList();

            assertThat(StoryClusterer.mostShared(shared)).containsExactlyElementsOf(sortedAll);
        }
    }

    @Test
    void shouldGiveTheSameShinglesForPartsAsForTheTextJoinedByBlankLines() {
        Shingles two = new Shingles(2);
        List<String> parts = List.of("Kades Dilaporkan", "", STORY, "Ini dan itu, yang di sana: 12 TPS!");

        assertThat(two.of(parts)).containsExactly(two.of(String.join("\n\n", parts)));
        assertThat(new Shingles(1).of(parts)).containsExactly(new Shingles(1).of(String.join("\n\n", parts)));
    }

    /** Two press releases of one template, one from Sambas and one from Mempawah: words nearly alike, two events. */
    private static final String APEL = "Pemerintah kabupaten menggelar apel netralitas aparatur sipil negara di halaman kantor bupati."
            + " Seluruh camat, lurah dan kepala desa diminta menjaga sikap netral sampai hari pemungutan suara tanggal 27 November.";

    @Test
    void shouldKeepAlikeReleasesAboutDifferentRegenciesApart() {
        String sambas = clusterer.assign("sambas", List.of("Apel netralitas ASN di Sambas", APEL), new String[] {"61.01"}, 1_000);

        String mempawah = clusterer.assign("mempawah", List.of("Apel netralitas ASN di Mempawah", APEL), new String[] {"61.04"}, 2_000);

        assertThat(sambas).isEqualTo("sambas");
        assertThat(mempawah).as("another regency's release is another event").isEqualTo("mempawah");
    }

    @Test
    void shouldGroupCopiesThatShareARegencyOrWhereOneNamesNone() {
        clusterer.assign("tribun", List.of(STORY), new String[] {"61.04", "61.71"}, 1_000);

        String infopublik = clusterer.assign("infopublik", List.of(STORY + " Rapat berlangsung hingga sore."), new String[] {"61.71"}, 2_000);
        String unplaced = clusterer.assign("unplaced", List.of(STORY + " Peserta mengisi daftar hadir."), new String[0], 3_000);

        assertThat(infopublik).isEqualTo("tribun");
        assertThat(unplaced).isEqualTo("tribun");
    }

    @Test
    void shouldKeepPlacesThroughTheStoredFormAndReadMembersStoredWithoutThem() {
        StoryMember member = new StoryMember("c-1", new int[] {3, 7, 11}, new String[] {"61.04", "61.71"});
        StoryMember firstForm = new StoryMember("c-2", new int[] {5});
        byte[] withoutPlaces = Arrays.copyOf(firstForm.toBytes(), firstForm.toBytes().length - 4); // as written before places were kept

        assertThat(StoryMember.fromBytes(member.toBytes())).isEqualTo(member);
        assertThat(StoryMember.fromBytes(withoutPlaces)).isEqualTo(firstForm);
        assertThat(StoryMember.fromBytes(withoutPlaces).places()).isEmpty();
    }
}
