package id.pantau.ingest.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;

/** Kind of a discovery source of an outlet, written in lower case in the outlets file. */
public enum SourceType {
    /** RSS 2.0 or Atom feed. */
    FEED,
    /** XML sitemap, news sitemap or sitemap index. */
    SITEMAP,
    /** HTML section page whose links matching a pattern are articles. */
    SECTION,
    /** robots.txt: its {@code Sitemap:} lines are followed as sitemaps. */
    ROBOTS;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SourceType of(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // No cause on purpose: Jackson reports the root cause, and this message is the useful one.
            throw new IllegalArgumentException("type: expected one of "
                    + Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + text + "'");
        }
    }
}
