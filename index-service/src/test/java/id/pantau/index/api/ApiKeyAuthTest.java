package id.pantau.index.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyAuthTest {

    private final ApiKeyAuth auth = new ApiKeyAuth(List.of(ApiKeyAuth.hash("kunci-satu"), ApiKeyAuth.hash("kunci-dua")));

    @Test
    void shouldHashKeysAsLowerCaseHexSha256() {
        assertThat(ApiKeyAuth.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldAcceptAConfiguredKeyInEitherHeader() {
        assertThatCode(() -> auth.check("kunci-dua", null)).doesNotThrowAnyException();
        assertThatCode(() -> auth.check(null, "Bearer kunci-satu")).doesNotThrowAnyException();
    }

    @Test
    void shouldAnswer401WithoutAKey() {
        assertThatThrownBy(() -> auth.check(null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessage("missing API key: send it in the X-Api-Key header");
    }

    @Test
    void shouldAnswer403WithAWrongKey() {
        assertThatThrownBy(() -> auth.check("kunci-salah", null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessage("API key not accepted");
    }

    @Test
    void shouldTakeAQueryKeyOnlyWhenNoHeaderCarriesOne() {
        assertThatCode(() -> auth.check(null, null, "kunci-satu")).doesNotThrowAnyException();
        assertThatThrownBy(() -> auth.check("kunci-salah", null, "kunci-satu"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> auth.check(null, null, " "))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
