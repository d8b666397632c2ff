package id.pantau.ingest.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import id.pantau.ingest.extract.ExtractionProfile;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One news site pantau follows, as written in the outlets file. Immutable.
 *
 * @param id stable id, lower-case letters, digits and dashes, e.g. {@code tribun-pontianak}
 * @param name display name
 * @param home home page, absolute http(s) URL; its host is one of the outlet's own hosts
 * @param regions province codes the outlet focuses on ("61" Kalimantan Barat, "65" Kalimantan
 *     Utara...) or {@code national}
 * @param hosts further hosts of the outlet (subdomains of these and of the home host are included)
 * @param sources discovery sources, at least one
 * @param articleUrlPattern a regular expression the canonical URL of an article (normalised: no
 *     tracking parameters, no fragment) must match in full; candidates of every source that do not
 *     are left out (category, tag, author and static pages). Null to follow every candidate
 * @param profile extraction selectors, or null to use the bundled profile of the id (if any)
 * @param delayMs pacing override: least time between requests to this outlet's hosts, in
 *     milliseconds; only raises the service's {@code ingest.fetch.delay.ms}
 */
public record Outlet(
        String id,
        String name,
        String home,
        List<String> regions,
        List<String> hosts,
        List<SourceConfig> sources,
        @Nullable String articleUrlPattern,
        @Nullable ExtractionProfile profile,
        @Nullable Long delayMs) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern REGION = Pattern.compile("\\d{2}|national");

    public Outlet {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: expected lower-case letters, digits and dashes, got '" + id + "'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: required");
        }
        URI homeUri = httpUri("home", home);
        regions = regions == null ? List.of() : List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("regions: expected at least one province code (e.g. \"61\") or national");
        }
        for (String region : regions) {
            if (!REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("regions: expected two-digit province codes or national, got '" + region + "'");
            }
        }
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("sources: expected at least one feed, sitemap, section or robots source");
        }
        Set<String> own = ownHosts(homeUri.getHost(), hosts);
        for (SourceConfig source : sources) {
            if (source.url() != null) {
                URI uri = httpUri("sources.url", source.url());
                if (!matchesHost(own, uri.getHost())) {
                    throw new IllegalArgumentException("sources.url: host of " + source.url() + " is not one of the outlet's hosts " + own);
                }
            }
        }
        if (articleUrlPattern != null) {
            try {
                Pattern.compile(articleUrlPattern);
            } catch (PatternSyntaxException e) {
                // No cause on purpose: Jackson reports the root cause, and this message is the useful one.
                throw new IllegalArgumentException("articleUrlPattern: not a regular expression: " + e.getDescription() + " in '"
                        + articleUrlPattern + "'");
            }
        }
        if (delayMs != null && (delayMs < 0 || delayMs > 600_000)) {
            throw new IllegalArgumentException("delayMs: expected an integer in 0..600000, got " + delayMs);
        }
    }

    /** An outlet that follows every candidate of its sources (no article URL pattern). */
    public Outlet(String id, String name, String home, List<String> regions, List<String> hosts, List<SourceConfig> sources,
            @Nullable ExtractionProfile profile, @Nullable Long delayMs) {
        this(id, name, home, regions, hosts, sources, null, profile, delayMs);
    }

    /**
     * Tells whether a canonical URL may be an article of this outlet: it matches
     * {@link #articleUrlPattern()} in full; every URL does when the outlet has no pattern.
     */
    @JsonIgnore
    public Predicate<String> articleUrls() {
        return articleUrlPattern == null ? url -> true : Pattern.compile(articleUrlPattern).asMatchPredicate();
    }

    /** The outlet's own hosts, lower case, without a leading {@code www.}. */
    @JsonIgnore
    public Set<String> ownHosts() {
        return ownHosts(URI.create(home).getHost(), hosts);
    }

    /** Whether {@code host} is one of the outlet's hosts or a subdomain of one. */
    public boolean isOwnHost(String host) {
        return matchesHost(ownHosts(), host);
    }

    /** The URL of a source; for a robots source without URL, the home host's /robots.txt. */
    public String urlOf(SourceConfig source) {
        return source.url() != null ? source.url() : URI.create(home).resolve("/robots.txt").toString();
    }

    /** A copy with the given profile. */
    public Outlet withProfile(@Nullable ExtractionProfile newProfile) {
        return new Outlet(id, name, home, regions, hosts, sources, articleUrlPattern, newProfile, delayMs);
    }

    private static Set<String> ownHosts(String homeHost, List<String> extra) {
        Set<String> own = new LinkedHashSet<>();
        own.add(bare(homeHost));
        extra.forEach(host -> own.add(bare(host)));
        return own;
    }

    private static boolean matchesHost(Set<String> own, @Nullable String host) {
        if (host == null) {
            return false;
        }
        String candidate = bare(host);
        return own.stream().anyMatch(o -> candidate.equals(o) || candidate.endsWith("." + o));
    }

    private static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    private static URI httpUri(String key, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + ": required, an absolute http(s) URL");
        }
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + ": expected an absolute http(s) URL, got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            // No cause on purpose: Jackson reports the root cause, and this message is the useful one.
            throw new IllegalArgumentException(key + ": expected an absolute http(s) URL, got '" + text + "'");
        }
    }

    /**
     * The zone the outlet prints its times in when a date carries none: WITA for outlets focused on
     * Bali, Nusa Tenggara, South, East and North Kalimantan or Sulawesi, WIT for Maluku and Papua, else
     * WIB (national outlets and the western provinces). Decided by the first region.
     */
    public ZoneOffset timeZone() {
        String first = regions.isEmpty() ? "national" : regions.getFirst();
        return switch (first) {
            case "51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76" -> ZoneOffset.ofHours(8);
            case "81", "82", "91", "92", "93", "94", "95", "96" -> ZoneOffset.ofHours(9);
            default -> ZoneOffset.ofHours(7);
        };
    }
}
