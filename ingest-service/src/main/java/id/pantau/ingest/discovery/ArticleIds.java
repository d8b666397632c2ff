package id.pantau.ingest.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Stable ids and content hashes: hex SHA-256 digests. Thread-safe. */
public final class ArticleIds {

    /** Hex characters of an article id (128 bits of the digest). */
    public static final int ID_HEX_LENGTH = 32;

    private ArticleIds() {}

    /** The article id of a canonical URL: the first 32 hex characters of its SHA-256. */
    public static String of(String canonicalUrl) {
        return sha256(canonicalUrl).substring(0, ID_HEX_LENGTH);
    }

    /** Hex SHA-256 of the title and the body paragraphs (newline-separated): a new hash is a new version. */
    public static String contentHash(String title, List<String> bodyParagraphs) {
        StringBuilder text = new StringBuilder(title);
        for (String paragraph : bodyParagraphs) {
            text.append('\n').append(paragraph);
        }
        return sha256(text.toString());
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
