package id.pantau.enrich.tagger.topic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Loads topic rules from a YAML file ({@code rules: [{id, topic, weight, query}]}). Stateless. */
public final class TopicRules {

    /** Classpath resource of the shipped rules. */
    public static final String DEFAULT_RESOURCE = "/topics.yaml";

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TopicRules() {}

    record RuleFile(@JsonProperty("rules") List<TopicRule> rules) {}

    /** The rules shipped with the service. */
    public static List<TopicRule> loadDefault() {
        try (InputStream in = TopicRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            return parse(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Rules from a file, or the shipped ones when {@code file} is empty. */
    public static List<TopicRule> load(String file) {
        if (file.isEmpty()) {
            return loadDefault();
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return parse(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic rules file " + file, e);
        }
    }

    static List<TopicRule> parse(InputStream in, String source) throws IOException {
        RuleFile parsed;
        try {
            parsed = YAML.readValue(in, RuleFile.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String detail = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException("topic rules " + source + ": " + detail, e);
        }
        List<TopicRule> rules = parsed == null || parsed.rules() == null ? List.of() : List.copyOf(parsed.rules());
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("topic rules " + source + ": expected at least one rule under 'rules'");
        }
        Set<String> ids = new HashSet<>();
        for (TopicRule rule : rules) {
            Objects.requireNonNull(rule, "rule");
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("topic rules " + source + ": duplicate rule id '" + rule.id() + "'");
            }
        }
        return rules;
    }
}
