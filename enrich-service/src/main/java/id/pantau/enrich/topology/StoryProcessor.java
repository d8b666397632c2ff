package id.pantau.enrich.topology;

import id.pantau.enrich.config.EnrichConfig;
import id.pantau.enrich.story.MinHash;
import id.pantau.enrich.story.Shingles;
import id.pantau.enrich.story.StoryClusterer;
import id.pantau.enrich.story.StoryMember;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.RegionLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets each article's story cluster ({@link StoryClusterer}) with LSH buckets in a windowed store
 * and members in a timestamped key-value store, both changelogged, and forwards it keyed by article
 * id. Every hour of stream time it deletes the members last written longer ago than
 * {@code enrich.story.retention.days}, so the store does not grow without end. Not thread-safe; one
 * per task.
 */
final class StoryProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    private static final Logger LOG = LoggerFactory.getLogger(StoryProcessor.class);

    static final String BUCKETS_STORE = "enrich-story-buckets";
    static final String MEMBERS_STORE = "enrich-story-members";
    /** Most recent members read from one LSH bucket per lookup. */
    static final int MAX_MEMBERS_PER_BUCKET = 16;
    /** Members kept decoded in memory, most recently used first: the candidates are mostly recent articles. */
    static final int CACHED_MEMBERS = 4096;
    /** How often, in stream time, expired members are purged. */
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final EnrichConfig.Story config;
    private ProcessorContext<String, EnrichedArticle> context;
    private StoryClusterer clusterer;
    /** Timestamp of the record being processed: the members it writes carry it. */
    private long currentTimestamp;

    StoryProcessor(EnrichConfig.Story config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        WindowStore<String, String> buckets = context.getStateStore(BUCKETS_STORE);
        TimestampedKeyValueStore<String, byte[]> members = context.getStateStore(MEMBERS_STORE);
        // a write-through cache of the store this processor alone writes, built afresh at every
        // init (a task restored after a failure starts with an empty one); it saves a store read
        // and a decode per candidate, of which an article has up to two dozen
        Map<String, StoryMember> cache = new LinkedHashMap<>(CACHED_MEMBERS * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoryMember> eldest) {
                return size() > CACHED_MEMBERS;
            }
        };
        long window = Duration.ofHours(config.windowHours()).toMillis();
        clusterer = new StoryClusterer(new Shingles(config.shingleWords()), new MinHash(config.minhashFunctions(), config.lshBands()),
                config.similarityMin(),
                new StoryClusterer.Buckets() {
                    @Override
                    public Iterable<String> members(String bucketKey, long timestamp) {
                        // newest first, capped: members of one bucket mostly share a cluster, and a
                        // popular bucket must not make each article cost more than the last
                        List<String> ids = new ArrayList<>();
                        try (WindowStoreIterator<String> it = buckets.backwardFetch(bucketKey, Math.max(0, timestamp - window), timestamp + window)) {
                            while (it.hasNext() && ids.size() < MAX_MEMBERS_PER_BUCKET) {
                                ids.add(it.next().value);
                            }
                        }
                        return ids;
                    }

                    @Override
                    public void add(String bucketKey, String articleId, long timestamp) {
                        buckets.put(bucketKey, articleId, timestamp);
                    }
                },
                new StoryClusterer.Members() {
                    @Override
                    public StoryMember get(String articleId) {
                        StoryMember cached = cache.get(articleId);
                        if (cached != null) {
                            return cached;
                        }
                        ValueAndTimestamp<byte[]> stored = members.get(articleId);
                        StoryMember member = stored == null ? null : StoryMember.fromBytes(stored.value());
                        if (member != null) {
                            cache.put(articleId, member);
                        }
                        return member;
                    }

                    @Override
                    public void put(String articleId, StoryMember member) {
                        members.put(articleId, ValueAndTimestamp.make(member.toBytes(), currentTimestamp));
                        cache.put(articleId, member);
                    }
                });
        long retention = Duration.ofDays(config.retentionDays()).toMillis();
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, streamTime -> purge(members, cache, streamTime - retention));
    }

    /** Deletes the members written before {@code oldest} (epoch ms), from the store and the cache. */
    private static void purge(TimestampedKeyValueStore<String, byte[]> members, Map<String, StoryMember> cache, long oldest) {
        List<String> expired = ExpiredEntries.purge(members, stored -> stored.timestamp() < oldest);
        expired.forEach(cache::remove);
        if (!expired.isEmpty()) {
            LOG.info("event=story_members_purged count={} olderThan={}", expired.size(), Instant.ofEpochMilli(oldest));
        }
    }

    /** The regencies and cities the article was tagged with, rolled-up ones included. */
    static String[] placesOf(EnrichedArticle article) {
        return article.getRegions().stream()
                .filter(r -> r.getLevel() == RegionLevel.REGENCY || r.getLevel() == RegionLevel.CITY)
                .map(r -> r.getCode())
                .distinct()
                .toArray(String[]::new);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        var raw = article.getArticle();
        // headline and paragraphs in turn: the shingles of the joined text, without joining it
        List<String> parts = new ArrayList<>(raw.getBodyParagraphs().size() + 1);
        parts.add(raw.getTitle());
        parts.addAll(raw.getBodyParagraphs());
        currentTimestamp = record.timestamp();
        String cluster = clusterer.assign(raw.getArticleId(), parts, placesOf(article), record.timestamp());
        // the value was decoded from the repartition topic for this task alone: set the cluster in
        // place rather than deep-copying the whole article through a builder
        article.setStoryClusterId(cluster);
        context.forward(record.withKey(raw.getArticleId()).withValue(article));
    }
}
