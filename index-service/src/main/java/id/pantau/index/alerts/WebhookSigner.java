package id.pantau.index.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies with HMAC-SHA256 so a receiver can check that a delivery came from pantau
 * and was not altered: header {@value #HEADER} carries {@code sha256=<lower-case hex>} of the exact
 * body bytes. Thread-safe (a new {@link Mac} per call).
 */
public final class WebhookSigner {

    /** Header carrying the signature. */
    public static final String HEADER = "X-Pantau-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSigner(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header value for {@code body}: {@code sha256=} and 64 hex digits. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JDK", e);
        }
    }

    /** True when {@code header} is the signature of {@code body}; compares in constant time. */
    public boolean verify(byte[] body, String header) {
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.US_ASCII));
    }
}
