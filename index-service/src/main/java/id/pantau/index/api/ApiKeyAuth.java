package id.pantau.index.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks API keys against their SHA-256 hashes (the only form the configuration holds). A request
 * without a key is 401, one with a key that matches no hash is 403. Thread-safe.
 */
public final class ApiKeyAuth {

    /** Header carrying the key; {@code Authorization: Bearer <key>} works too. */
    public static final String HEADER = "X-Api-Key";

    private final List<byte[]> hashes;

    public ApiKeyAuth(List<String> hexSha256) {
        this.hashes = hexSha256.stream().map(HexFormat.of()::parseHex).toList();
    }

    /** Lower-case hex SHA-256 of {@code key}, the form {@code index.api.key.sha256} takes. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /**
     * Passes when one of the keys matches.
     *
     * @throws ApiException 401 without a key, 403 with a wrong one
     */
    public void check(@Nullable String apiKeyHeader, @Nullable String authorization) {
        check(apiKeyHeader, authorization, null);
    }

    /**
     * As {@link #check(String, String)}, also accepting the key from a query parameter; the server
     * passes one only for the live feed, whose browser client ({@code EventSource}) cannot send
     * headers.
     *
     * @throws ApiException 401 without a key, 403 with a wrong one
     */
    public void check(@Nullable String apiKeyHeader, @Nullable String authorization, @Nullable String queryKey) {
        String key = apiKeyHeader;
        if ((key == null || key.isBlank()) && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).strip();
        }
        if ((key == null || key.isBlank()) && queryKey != null) {
            key = queryKey.strip();
        }
        if (key == null || key.isBlank()) {
            throw new ApiException(401, "missing API key: send it in the X-Api-Key header");
        }
        byte[] presented = sha256(key);
        boolean match = false;
        for (byte[] hash : hashes) {
            match |= MessageDigest.isEqual(hash, presented);
        }
        if (!match) {
            throw new ApiException(403, "API key not accepted");
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable in this JDK", e);
        }
    }
}
