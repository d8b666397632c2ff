package id.pantau.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalStackModeTest {

    @Test
    void shouldParseModeNamesIgnoringCase() {
        assertThat(LocalStackMode.parse("embedded")).isEqualTo(LocalStackMode.EMBEDDED);
        assertThat(LocalStackMode.parse(" Testcontainers ")).isEqualTo(LocalStackMode.TESTCONTAINERS);
        assertThat(LocalStackMode.parse("AUTO")).isEqualTo(LocalStackMode.AUTO);
    }

    @Test
    void shouldDefaultToAutoWhenUnset() {
        assertThat(LocalStackMode.parse(null)).isEqualTo(LocalStackMode.AUTO);
        assertThat(LocalStackMode.parse("  ")).isEqualTo(LocalStackMode.AUTO);
    }

    @Test
    void shouldRejectUnknownModeNamingKeyAndAllowedValues() {
        assertThatThrownBy(() -> LocalStackMode.parse("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pantau.localstack: expected one of [embedded, testcontainers, auto], got 'docker'");
    }

    @Test
    void shouldResolveAutoByDockerAvailability() {
        assertThat(LocalStackMode.AUTO.resolve(true)).isEqualTo(LocalStackMode.TESTCONTAINERS);
        assertThat(LocalStackMode.AUTO.resolve(false)).isEqualTo(LocalStackMode.EMBEDDED);
        assertThat(LocalStackMode.EMBEDDED.resolve(true)).isEqualTo(LocalStackMode.EMBEDDED);
        assertThat(LocalStackMode.TESTCONTAINERS.resolve(false)).isEqualTo(LocalStackMode.TESTCONTAINERS);
    }
}
