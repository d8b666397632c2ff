package id.pantau.enrich.tagger.topic;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One topic rule: a Lucene query whose match speaks for a topic.
 *
 * @param id unique rule id, letters, digits, '-', '_' and '.'
 * @param topic topic id, e.g. {@code neutrality.violation}
 * @param weight how strongly one match speaks for the topic, in (0, 1]
 * @param query Lucene classic query syntax, analysed with the Indonesian analyzer
 */
public record TopicRule(String id, String topic, double weight, String query) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    public TopicRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(query, "query");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("topic rule id: expected letters, digits, '.', '_' or '-', got '" + id + "'");
        }
        if (!ID.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic rule " + id + ": topic: expected letters, digits, '.', '_' or '-', got '" + topic + "'");
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("topic rule " + id + ": weight: expected a number in (0, 1], got " + weight);
        }
        if (query.isBlank()) {
            throw new IllegalArgumentException("topic rule " + id + ": query: expected a Lucene query, got an empty one");
        }
    }
}
