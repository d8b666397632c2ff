package id.pantau.enrich.alert;

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
import java.util.Set;

/** Loads alert rules from YAML ({@code rules: [...]}, see {@code alert-rules.yaml}). Stateless. */
public final class AlertRules {

    /** Classpath resource of the shipped rules. */
    public static final String DEFAULT_RESOURCE = "/alert-rules.yaml";

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AlertRules() {}

    record RuleFile(@JsonProperty("rules") List<AlertRule> rules) {}

    /** Rules from {@code file}, or the shipped ones when it is empty. */
    public static List<AlertRule> load(String file) {
        String source = file.isEmpty() ? DEFAULT_RESOURCE : file;
        try (InputStream in = file.isEmpty() ? AlertRules.class.getResourceAsStream(DEFAULT_RESOURCE) : Files.newInputStream(Path.of(file))) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            return parse(in, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alert rules " + source, e);
        }
    }

    static List<AlertRule> parse(InputStream in, String source) throws IOException {
        RuleFile parsed;
        try {
            parsed = YAML.readValue(in, RuleFile.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String detail = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException("alert rules " + source + ": " + detail, e);
        }
        List<AlertRule> rules = parsed == null || parsed.rules() == null ? List.of() : List.copyOf(parsed.rules());
        Set<String> ids = new HashSet<>();
        for (AlertRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("alert rules " + source + ": duplicate rule id '" + rule.id() + "'");
            }
        }
        return rules;
    }
}
