package id.pantau.ingest.cli;

import id.pantau.ingest.extract.ExtractedArticle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An {@link ExtractedArticle} as an ordered map for JSON output (instants as ISO-8601 UTC strings). */
final class ArticleJson {

    private ArticleJson() {}

    static Map<String, @Nullable Object> of(ExtractedArticle a) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("canonicalUrl", a.canonicalUrl());
        out.put("title", a.title());
        out.put("lead", a.lead());
        out.put("publishedAt", text(a.publishedAt()));
        out.put("modifiedAt", text(a.modifiedAt()));
        out.put("dateline", a.dateline());
        out.put("datelinePlace", a.datelinePlace());
        out.put("authors", a.authors());
        out.put("editor", a.editor());
        out.put("section", a.section());
        out.put("tags", a.tags());
        out.put("bodyParagraphs", a.bodyParagraphs());
        out.put("leadImageUrl", a.leadImageUrl());
        out.put("language", a.language());
        out.put("extractionMethod", a.extractionMethod());
        out.put("pageCount", a.pageCount());
        return out;
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
