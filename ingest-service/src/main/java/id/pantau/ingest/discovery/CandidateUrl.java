package id.pantau.ingest.discovery;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A discovered URL that may be an article. Immutable.
 *
 * @param url absolute URL as found (not yet normalised)
 * @param lastModified last-modified or publication time the source gives, or null
 */
public record CandidateUrl(String url, @Nullable Instant lastModified) {

    public CandidateUrl {
        Objects.requireNonNull(url, "url");
    }
}
