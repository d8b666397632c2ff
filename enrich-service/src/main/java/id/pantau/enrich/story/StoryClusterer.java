package id.pantau.enrich.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Assigns an article to a story cluster: a new version of a known article keeps its cluster; a new
 * article joins the cluster of the most similar earlier article found through the LSH buckets
 * (similarity at least the threshold, and not about other regencies or cities only), else it starts
 * a cluster named after itself. Only the
 * articles sharing a bucket are compared, never all earlier ones, and of those at most
 * {@link #MAX_CANDIDATES} sharing the most buckets.
 *
 * <p>Not thread-safe: it reads and writes the stores it is given; one instance per stream task.
 */
public final class StoryClusterer {

    /** Candidates (those sharing the most LSH bands) checked by exact similarity per article. */
    static final int MAX_CANDIDATES = 24;

    /** Where LSH buckets live (a windowed store in the topology). */
    public interface Buckets {
        /** Article ids put under {@code bucketKey} within the window around {@code timestamp}. */
        Iterable<String> members(String bucketKey, long timestamp);

        void add(String bucketKey, String articleId, long timestamp);
    }

    /** Where each article's cluster and shingles live. */
    public interface Members {
        @Nullable StoryMember get(String articleId);

        void put(String articleId, StoryMember member);
    }

    private final Shingles shingles;
    private final MinHash minHash;
    private final double similarityMin;
    private final Buckets buckets;
    private final Members members;

    public StoryClusterer(Shingles shingles, MinHash minHash, double similarityMin, Buckets buckets, Members members) {
        this.shingles = Objects.requireNonNull(shingles, "shingles");
        this.minHash = Objects.requireNonNull(minHash, "minHash");
        this.similarityMin = similarityMin;
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.members = Objects.requireNonNull(members, "members");
    }

    /**
     * Story cluster of the article, recording it for later articles.
     *
     * @param articleId the article's id
     * @param text headline and body
     * @param timestamp event time of the article (ms), for the bucket window
     */
    public String assign(String articleId, String text, long timestamp) {
        return assign(articleId, List.of(text), timestamp);
    }

    /**
     * Story cluster of the article whose text is {@code parts} read in turn (headline, then each
     * paragraph), as {@link #assign(String, String, long)} of them joined by blank lines.
     */
    public String assign(String articleId, List<String> parts, long timestamp) {
        return assign(articleId, parts, new String[0], timestamp);
    }

    /**
     * As {@link #assign(String, List, long)}, for an article about {@code places} (regency and city
     * codes): an earlier article about other places only is never its story, however alike the words.
     */
    public String assign(String articleId, List<String> parts, String[] places, long timestamp) {
        String[] sortedPlaces = places.clone();
        Arrays.sort(sortedPlaces);
        int[] features = shingles.of(parts);
        StoryMember previous = members.get(articleId);
        String[] bucketKeys = features.length == 0 ? new String[0] : minHash.bandKeys(minHash.signature(features));
        String clusterId = previous != null ? previous.clusterId() : nearestCluster(articleId, features, sortedPlaces, bucketKeys, timestamp);
        members.put(articleId, new StoryMember(clusterId, features, sortedPlaces));
        for (String key : bucketKeys) {
            buckets.add(key, articleId, timestamp);
        }
        return clusterId;
    }

    private String nearestCluster(String articleId, int[] features, String[] places, String[] bucketKeys, long timestamp) {
        // count shared buckets per candidate: more shared bands means a higher MinHash similarity
        // estimate, so the exact check reads only the most promising few, however crowded the buckets
        Map<String, Integer> sharedBands = new HashMap<>();
        for (String key : bucketKeys) {
            for (String member : buckets.members(key, timestamp)) {
                if (!member.equals(articleId)) {
                    sharedBands.merge(member, 1, Integer::sum);
                }
            }
        }
        List<String> candidates = mostShared(sharedBands);
        String best = articleId;
        double bestSimilarity = similarityMin;
        for (String candidate : candidates) {
            StoryMember member = members.get(candidate);
            if (member == null || !member.mayShareStoryWith(places)) {
                continue;
            }
            double similarity = member.similarity(features);
            if (similarity >= bestSimilarity) {
                bestSimilarity = similarity;
                best = member.clusterId();
            }
        }
        return best;
    }

    /**
     * The {@link #MAX_CANDIDATES} members sharing the most bands, ties by id: what sorting all by
     * (count descending, id) and keeping the first would give, sorting only the counts it takes
     * members from.
     */
    static List<String> mostShared(Map<String, Integer> sharedBands) {
        // a member can be counted more often than there are bands (each version of an article is
        // put under its bands), so the levels go up to the highest count
        int most = 0;
        for (int count : sharedBands.values()) {
            most = Math.max(most, count);
        }
        List<List<String>> byCount = new ArrayList<>(most + 1);
        for (int c = 0; c <= most; c++) {
            byCount.add(new ArrayList<>());
        }
        sharedBands.forEach((id, count) -> byCount.get(count).add(id));
        List<String> out = new ArrayList<>(MAX_CANDIDATES);
        for (int c = most; c > 0 && out.size() < MAX_CANDIDATES; c--) {
            List<String> ids = byCount.get(c);
            ids.sort(null);
            for (int k = 0; k < ids.size() && out.size() < MAX_CANDIDATES; k++) {
                out.add(ids.get(k));
            }
        }
        return out;
    }
}
