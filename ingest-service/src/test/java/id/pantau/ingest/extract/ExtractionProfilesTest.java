package id.pantau.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionProfilesTest {

    @Test
    void shouldShipTheFixtureProfileOfEveryOutlet() {
        Map<String, ExtractionProfile> fixtures = ExtractionProfiles.fromFile(Fixtures.root().resolve("profiles.yaml"));

        assertThat(fixtures.keySet()).containsExactlyElementsOf(Fixtures.OUTLETS);
        for (String outlet : Fixtures.OUTLETS) {
            assertThat(ExtractionProfiles.shipped(outlet)).as(outlet).isEqualTo(fixtures.get(outlet));
        }
    }

    @Test
    void shouldReturnNullWhenNoProfileShips() {
        assertThat(ExtractionProfiles.shipped("outlet-baru")).isNull();
    }

    @Test
    void shouldRejectMalformedOutletId() {
        assertThatThrownBy(() -> ExtractionProfiles.shipped("../secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outlet id: expected lowercase letters, digits and '-', got '../secret'");
    }

    @Test
    void shouldReadProfilesFromOutletsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("outlets.yaml");
        Files.writeString(file, """
                outlets:
                  - id: contoh
                    name: Contoh
                    profile:
                      body: ".isi"
                      noise: [".iklan"]
                  - id: tanpa-profil
                    name: Tanpa
                """);

        Map<String, ExtractionProfile> profiles = ExtractionProfiles.fromFile(file);

        assertThat(profiles).containsOnlyKeys("contoh");
        assertThat(profiles.get("contoh")).isEqualTo(new ExtractionProfile(null, null, null, null, ".isi", List.of(".iklan"), null, null, null, null));
    }

    @Test
    void shouldRejectUnknownProfileKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("profiles.yaml");
        Files.writeString(file, "contoh:\n  bodySelector: \".isi\"\n");

        assertThatThrownBy(() -> ExtractionProfiles.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": profile of outlet 'contoh' is invalid: Unrecognized field \"bodySelector\"");
    }

    @Test
    void shouldRejectInvalidSelectorNamingTheKey() {
        assertThatThrownBy(() -> new ExtractionProfile(null, null, null, null, "div[", List.of(), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("profile.body: invalid CSS selector 'div['");
        assertThatThrownBy(() -> new ExtractionProfile(null, null, null, null, null, List.of(".a", " "), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile.noise[1]: expected a CSS selector, got an empty string");
    }

    @Test
    void shouldRoundTripThroughYaml() throws IOException {
        var yaml = new ObjectMapper(new YAMLFactory());
        ExtractionProfile profile = Fixtures.profile("tribun-pontianak");

        assertThat(yaml.readValue(yaml.writeValueAsString(profile), ExtractionProfile.class)).isEqualTo(profile);
    }

    @Test
    void shouldTreatMissingNoiseAsEmpty() {
        assertThat(new ExtractionProfile(null, null, null, null, null, null, null, null, null, null).noise()).isEmpty();
    }
}
