package id.pantau.index.indexing;

import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.OrganisationTag;
import id.pantau.schemas.avro.Quote;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.RegionLevel;
import id.pantau.schemas.avro.RegionTag;
import id.pantau.schemas.avro.TopicEvidence;
import id.pantau.schemas.avro.TopicTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link EnrichedArticle} into the JSON document of {@code es/articles-v1.json}: field
 * names in snake case, dates as epoch milliseconds, flat keyword arrays for every facet (all
 * region codes, and codes and names per level; official ids, names and offices; organisations;
 * topics) next to the structured tags, and quotes as nested objects. Stateless and thread-safe.
 */
public final class ArticleDocumentMapper {

    /** Maps {@code enriched}; {@code indexedAt} becomes {@code indexed_at}, the live feed's order. */
    public Map<String, Object> toDocument(EnrichedArticle enriched, Instant indexedAt) {
        RawArticle a = enriched.getArticle();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("article_id", a.getArticleId());
        doc.put("version", a.getVersion());
        doc.put("outlet", a.getOutletId());
        doc.put("url", a.getUrl());
        doc.put("canonical_url", a.getCanonicalUrl());
        doc.put("title", a.getTitle());
        putIfPresent(doc, "lead", a.getLead());
        doc.put("body", String.join("\n\n", a.getBodyParagraphs()));
        putIfPresent(doc, "dateline", a.getDateline());
        putIfPresent(doc, "dateline_place", a.getDatelinePlace());
        putIfPresent(doc, "section", a.getSection());
        doc.put("authors", List.copyOf(a.getAuthors()));
        putIfPresent(doc, "editor", a.getEditor());
        doc.put("tags", List.copyOf(a.getTags()));
        doc.put("language", a.getLanguage());
        putIfPresent(doc, "lead_image_url", a.getLeadImageUrl());
        doc.put("content_hash", a.getContentHash());
        doc.put("extraction_method", a.getExtractionMethod());
        doc.put("page_count", a.getPageCount());
        putIfPresent(doc, "published_at", millis(a.getPublishedAt()));
        putIfPresent(doc, "modified_at", millis(a.getModifiedAt()));
        doc.put("fetched_at", a.getFetchedAt().toEpochMilli());
        doc.put("enriched_at", enriched.getEnrichedAt().toEpochMilli());
        doc.put("indexed_at", indexedAt.toEpochMilli());
        doc.put("story_cluster_id", enriched.getStoryClusterId());
        putRegions(doc, enriched.getRegions());
        putOfficials(doc, enriched.getOfficials());
        putOrganisations(doc, enriched.getOrganisations());
        putTopics(doc, enriched.getTopics());
        doc.put("quotes", enriched.getQuotes().stream().map(ArticleDocumentMapper::quote).toList());
        return doc;
    }

    private static void putRegions(Map<String, Object> doc, List<RegionTag> regions) {
        doc.put("region_codes", distinct(regions, RegionTag::getCode));
        doc.put("region_names", distinct(regions, RegionTag::getName));
        List<RegionTag> provinces = ofLevel(regions, RegionLevel.PROVINCE, null);
        List<RegionTag> regencies = ofLevel(regions, RegionLevel.REGENCY, RegionLevel.CITY);
        List<RegionTag> districts = ofLevel(regions, RegionLevel.DISTRICT, null);
        doc.put("province_codes", distinct(provinces, RegionTag::getCode));
        doc.put("province_names", distinct(provinces, RegionTag::getName));
        doc.put("regency_codes", distinct(regencies, RegionTag::getCode));
        doc.put("regency_names", distinct(regencies, RegionTag::getName));
        doc.put("district_codes", distinct(districts, RegionTag::getCode));
        doc.put("district_names", distinct(districts, RegionTag::getName));
        doc.put("regions", regions.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", r.getCode());
            m.put("name", r.getName());
            m.put("level", r.getLevel().name());
            m.put("province_code", r.getProvinceCode());
            m.put("mention_count", r.getMentionCount());
            m.put("evidence", r.getEvidence());
            return m;
        }).toList());
    }

    private static void putOfficials(Map<String, Object> doc, List<OfficialTag> officials) {
        doc.put("official_ids", distinct(officials, OfficialTag::getOfficialId));
        doc.put("official_names", distinct(officials, OfficialTag::getName));
        doc.put("official_offices", distinct(officials, OfficialTag::getOffice));
        doc.put("officials", officials.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.getOfficialId());
            m.put("name", o.getName());
            m.put("office", o.getOffice());
            m.put("office_as_written", o.getOfficeAsWritten());
            putIfPresent(m, "jurisdiction_code", o.getJurisdictionCode());
            putIfPresent(m, "jurisdiction_name", o.getJurisdictionName());
            m.put("known", o.getKnown());
            m.put("mention_count", o.getMentionCount());
            return m;
        }).toList());
    }

    private static void putOrganisations(Map<String, Object> doc, List<OrganisationTag> organisations) {
        doc.put("organisation_ids", distinct(organisations, OrganisationTag::getId));
        doc.put("organisation_names", distinct(organisations, OrganisationTag::getName));
        doc.put("organisations", organisations.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.getId());
            m.put("name", o.getName());
            putIfPresent(m, "region_code", o.getRegionCode());
            m.put("mention_count", o.getMentionCount());
            return m;
        }).toList());
    }

    private static void putTopics(Map<String, Object> doc, List<TopicTag> topics) {
        doc.put("topics", distinct(topics, TopicTag::getTopic));
        doc.put("topic_scores", topics.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topic", t.getTopic());
            m.put("score", t.getScore());
            m.put("terms", distinct(t.getEvidence(), TopicEvidence::getTerm));
            return m;
        }).toList());
    }

    private static Map<String, Object> quote(Quote q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", q.getText());
        putIfPresent(m, "speaker", q.getSpeaker());
        putIfPresent(m, "speaker_official_id", q.getSpeakerOfficialId());
        m.put("offset", q.getOffset());
        return m;
    }

    private static List<RegionTag> ofLevel(List<RegionTag> regions, RegionLevel level, @Nullable RegionLevel alsoLevel) {
        List<RegionTag> out = new ArrayList<>();
        for (RegionTag r : regions) {
            if (r.getLevel() == level || r.getLevel() == alsoLevel) {
                out.add(r);
            }
        }
        return out;
    }

    private static <T> List<String> distinct(List<T> items, Function<T, String> field) {
        Set<String> values = new LinkedHashSet<>();
        for (T item : items) {
            values.add(field.apply(item));
        }
        return List.copyOf(values);
    }

    private static @Nullable Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static void putIfPresent(Map<String, Object> doc, String field, @Nullable Object value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
