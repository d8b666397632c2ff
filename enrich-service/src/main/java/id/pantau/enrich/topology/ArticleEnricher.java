package id.pantau.enrich.topology;

import id.pantau.enrich.error.TaggingException;
import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.official.OfficialTagging;
import id.pantau.enrich.tagger.organisation.OrganisationTagger;
import id.pantau.enrich.tagger.quote.QuoteTagger;
import id.pantau.enrich.tagger.region.RegionTagger;
import id.pantau.enrich.tagger.topic.TopicTagger;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.OrganisationTag;
import id.pantau.schemas.avro.Quote;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.RegionTag;
import id.pantau.schemas.avro.TopicTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs every tagger on an article: regions, officials (against the officials known now),
 * organisations, topics and quotes. Thread-safe when its taggers are (they are).
 */
public final class ArticleEnricher implements Enricher {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    /**
     * All tags of one text.
     *
     * @param regions region tags
     * @param officials official tags and mentions
     * @param organisations organisation tags
     * @param topics topic tags
     * @param quotes quotes
     */
    public record Tags(List<RegionTag> regions, OfficialTagging officials, List<OrganisationTag> organisations, List<TopicTag> topics, List<Quote> quotes) {}

    private final RegionTagger regions;
    private final Supplier<id.pantau.enrich.tagger.official.OfficialTagger> officials;
    private final OrganisationTagger organisations;
    private final TopicTagger topics;
    private final QuoteTagger quotes;
    private final Map<String, String> outletProvinces;

    public ArticleEnricher(RegionTagger regions, Supplier<id.pantau.enrich.tagger.official.OfficialTagger> officials, OrganisationTagger organisations,
            TopicTagger topics, QuoteTagger quotes, Map<String, String> outletProvinces) {
        this.regions = Objects.requireNonNull(regions, "regions");
        this.officials = Objects.requireNonNull(officials, "officials");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.outletProvinces = Map.copyOf(outletProvinces);
    }

    /**
     * The text the taggers read: title, then the body paragraphs joined by blank lines; its date is the
     * publication day in Western Indonesia (the fetch day when the page gave none).
     */
    public static ArticleText textOf(RawArticle article, @Nullable String outletProvinceCode) {
        Instant when = article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt();
        return new ArticleText(article.getTitle(), String.join("\n\n", article.getBodyParagraphs()), article.getDatelinePlace(),
                article.getOutletId(), outletProvinceCode, when == null ? null : LocalDate.ofInstant(when, WIB));
    }

    /** The province focus of an outlet, or null. */
    public @Nullable String provinceOf(String outletId) {
        return outletProvinces.get(outletId);
    }

    /**
     * All tags of {@code text}.
     *
     * @param idForErrors id named in a {@link TaggingException}
     */
    public Tags tag(ArticleText text, String idForErrors) {
        List<RegionTag> regionTags = run(idForErrors, "region", () -> regions.tag(text));
        OfficialTagging officialTags = run(idForErrors, "official", () -> officials.get().tag(text));
        List<OrganisationTag> organisationTags = run(idForErrors, "organisation", () -> organisations.tag(text));
        List<TopicTag> topicTags = run(idForErrors, "topic", () -> topics.tag(text));
        List<Quote> quoteTags = run(idForErrors, "quote", () -> quotes.tag(text, officialTags));
        return new Tags(regionTags, officialTags, organisationTags, topicTags, quoteTags);
    }

    @Override
    public EnrichedArticle enrich(RawArticle article, long enrichedAt) {
        Tags tags = tag(textOf(article, provinceOf(article.getOutletId())), article.getArticleId());
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setRegions(new ArrayList<>(tags.regions()))
                .setOfficials(new ArrayList<>(tags.officials().tags()))
                .setOrganisations(new ArrayList<>(tags.organisations()))
                .setTopics(new ArrayList<>(tags.topics()))
                .setQuotes(new ArrayList<>(tags.quotes()))
                .setStoryClusterId(article.getArticleId())
                .setEnrichedAt(Instant.ofEpochMilli(enrichedAt))
                .build();
    }

    private static <T> T run(String articleId, String tagger, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw new TaggingException(articleId, tagger, e);
        }
    }
}
