package id.pantau.ingest.fetch;

import java.util.Locale;

/**
 * The key under which requests to one site are paced, queued and owned by one ingest instance: the
 * host in lower case without a leading {@code www.}. Outlets link to themselves both ways
 * (KalbarOnline does), and without one key the two spellings would be paced as two hosts, possibly on
 * two instances, doubling the request rate a site sees. Pure.
 */
public final class SiteKeys {

    private SiteKeys() {}

    /** The site key of {@code host}; empty for an empty host. */
    public static String of(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") && lower.length() > 4 ? lower.substring(4) : lower;
    }
}
