package id.pantau.ingest.cli;

import id.pantau.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RawArticle} as an ordered map for JSON output: every field of the Avro schema, in schema
 * order, under its schema name; instants as ISO-8601 UTC strings, text as plain strings.
 */
final class ArticleJson {

    private ArticleJson() {}

    static Map<String, @Nullable Object> of(RawArticle raw) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (Schema.Field field : raw.getSchema().getFields()) {
            out.put(field.name(), plain(raw.get(field.pos())));
        }
        return out;
    }

    private static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case CharSequence text -> text.toString();
            case Instant instant -> instant.toString();
            case List<?> list -> {
                List<@Nullable Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(plain(item)));
                yield copy;
            }
            default -> value;
        };
    }
}
