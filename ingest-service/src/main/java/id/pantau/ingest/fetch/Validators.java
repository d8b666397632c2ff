package id.pantau.ingest.fetch;

import org.jspecify.annotations.Nullable;

/**
 * Validators of a previous response, sent back for a conditional GET ({@code If-None-Match},
 * {@code If-Modified-Since}). Immutable.
 */
public record Validators(@Nullable String etag, @Nullable String lastModified) {

    /** The validators of a fetched response, or null when it had none. */
    public static @Nullable Validators of(FetchOutcome.Fetched fetched) {
        return fetched.etag() == null && fetched.lastModified() == null ? null : new Validators(fetched.etag(), fetched.lastModified());
    }
}
