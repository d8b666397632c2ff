package id.pantau.ingest.discovery;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps the many spellings of an article URL to one canonical form: crawler-commons'
 * {@link BasicURLNormalizer} (case of scheme and host, default port, dot segments, escaping, query
 * order), without the fragment, without tracking parameters ({@code utm_*}, {@code fbclid},
 * {@code gclid}...), and with AMP and mobile variants mapped to the desktop page ({@code /amp}
 * suffix or prefix, {@code ?amp=1}, {@code amp.}/{@code m.} hosts). Thread-safe.
 */
public final class UrlNormalizer {

    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
            "_ga", "_gl", "ref", "ref_src", "amp", "outputtype", "spm", "cmpid", "s_cid");
    private static final List<String> MOBILE_HOST_LABELS = List.of("amp.", "m.", "mobile.");

    private final BasicURLNormalizer basic = BasicURLNormalizer.newBuilder().build();

    /**
     * The canonical form of {@code url}, or null when it is not an absolute http(s) URL.
     */
    public @Nullable String normalize(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            String filtered = basic.filter(url.trim());
            if (filtered == null) {
                return null;
            }
            try {
                uri = new URI(filtered);
            } catch (URISyntaxException again) {
                return null;
            }
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String label : MOBILE_HOST_LABELS) {
            if (host.startsWith(label) && host.indexOf('.', label.length()) > 0) {
                host = host.substring(label.length());
                break;
            }
        }
        String path = stripAmp(uri.getRawPath() == null ? "" : uri.getRawPath());
        String query = dropTracking(uri.getRawQuery());
        StringBuilder rebuilt = new StringBuilder(scheme).append("://").append(host);
        if (uri.getPort() >= 0) {
            rebuilt.append(':').append(uri.getPort());
        }
        rebuilt.append(path.isEmpty() ? "/" : path);
        if (query != null) {
            rebuilt.append('?').append(query);
        }
        return basic.filter(rebuilt.toString());
    }

    /**
     * The path without its AMP suffix or prefix. A suffix takes its slash with it: the AMP page of
     * {@code /slug/} is {@code /slug/amp/}, that of {@code /slug} is {@code /slug/amp}, so the
     * trailing slash of an AMP path is the one its canonical path has.
     */
    private static String stripAmp(String path) {
        String p = path;
        if (p.endsWith("/amp/")) {
            p = p.substring(0, p.length() - 4);
        } else if (p.endsWith("/amp")) {
            p = p.substring(0, p.length() - 4);
        } else if (p.endsWith(".amp")) {
            p = p.substring(0, p.length() - 4);
        }
        if (p.startsWith("/amp/")) {
            p = p.substring(4);
        }
        return p;
    }

    private static @Nullable String dropTracking(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }
}
