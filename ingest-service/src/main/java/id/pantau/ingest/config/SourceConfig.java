package id.pantau.ingest.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One discovery source of an outlet. Immutable.
 *
 * @param type feed, sitemap, section or robots
 * @param url absolute http(s) URL; for {@code robots} it may be omitted (the home URL's /robots.txt)
 * @param linkPattern for {@code section} sources, required: a regular expression an absolute article
 *     link must match in full
 */
public record SourceConfig(SourceType type, @Nullable String url, @Nullable String linkPattern) {

    public SourceConfig {
        Objects.requireNonNull(type, "type");
        if (type == SourceType.SECTION) {
            if (linkPattern == null || linkPattern.isBlank()) {
                throw new IllegalArgumentException("linkPattern: required for a section source " + url);
            }
            try {
                Pattern.compile(linkPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("linkPattern: not a regular expression: " + e.getDescription() + " in '" + linkPattern + "'");
            }
        } else if (linkPattern != null) {
            throw new IllegalArgumentException("linkPattern: only allowed on a section source, got it on a " + type + " source " + url);
        }
        if (url == null && type != SourceType.ROBOTS) {
            throw new IllegalArgumentException("url: required for a " + type.name().toLowerCase(Locale.ROOT) + " source");
        }
    }

    /** The compiled link pattern; only for section sources. */
    public Pattern compiledLinkPattern() {
        return Pattern.compile(Objects.requireNonNull(linkPattern, "linkPattern"));
    }
}
