package id.pantau.index.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void shouldMatchTheRfc4231HmacSha256TestVector() {
        // RFC 4231, test case 2.
        WebhookSigner signer = new WebhookSigner("Jefe");

        String signature = signer.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void shouldVerifyItsOwnSignatureAndRejectAlteredBodies() {
        WebhookSigner signer = new WebhookSigner("rahasia-uji");
        byte[] body = "{\"alert_id\":\"a1\"}".getBytes(StandardCharsets.UTF_8);
        String header = signer.sign(body);

        assertThat(signer.verify(body, header)).isTrue();
        assertThat(signer.verify("{\"alert_id\":\"a2\"}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(new WebhookSigner("lain").verify(body, header)).isFalse();
    }

    @Test
    void shouldRefuseAnEmptySecret() {
        assertThatThrownBy(() -> new WebhookSigner("")).hasMessage("webhook secret must not be empty");
    }
}
