package id.pantau.enrich.tagger.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.schemas.avro.Official;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfficialSeedTest {

    @Test
    void shouldShipTheOfficialsNamedInTheSeeds() {
        List<Official> seed = OfficialSeed.loadDefault();

        assertThat(seed).extracting(Official::getId).containsExactly(
                "harisson-pj-gubernur-kalbar", "pipit-rismanto-kapolda-kalbar", "ismail-pj-bupati-mempawah",
                "togap-simangunsong-pjs-gubernur-kaltara", "haerumuddin-pjs-bupati-bulungan", "risdianto-sekda-bulungan",
                "ani-sofian-pj-wali-kota-pontianak", "safruddin-asra-ketua-dprd-mempawah", "rion-sardi-anggota-dprd-ketapang",
                "andi-amran-sulaiman-menteri-pertanian", "alwis-rustam-direktur-eksekutif-apeksi");
        Official pipit = seed.get(1);
        assertThat(pipit.getName()).isEqualTo("Pipit Rismanto");
        assertThat(pipit.getAliases()).containsExactly("Pipit");
        assertThat(pipit.getOffice()).isEqualTo("Kepala Kepolisian Daerah Kalimantan Barat");
        assertThat(pipit.getJurisdictionCode()).isEqualTo("61");
        assertThat(pipit.getValidTo()).isNull();
    }

    @Test
    void shouldNameOnlyExistingJurisdictions() {
        RegionGazetteer gazetteer = RegionGazetteer.loadDefault();

        assertThat(OfficialSeed.loadDefault())
                .filteredOn(o -> o.getJurisdictionCode() != null)
                .allSatisfy(o -> assertThat(gazetteer.byCode(o.getJurisdictionCode())).isNotNull());
    }

    @Test
    void shouldRejectAMissingNameAndADuplicateId() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

        assertThatThrownBy(() -> OfficialSeed.parse(yaml.readTree("officials: [{id: a, office: Bupati}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("officials seed: 'name' is required in ");
        assertThatThrownBy(() -> OfficialSeed.parse(yaml.readTree(
                        "officials: [{id: a, name: A, office: Bupati}, {id: a, name: B, office: Camat}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("officials seed: duplicate id 'a'");
        assertThat(OfficialSeed.parse(yaml.readTree("officials: [{id: a, name: A, office: Bupati, validFrom: 2024-09-25}]"))
                        .get(0).getValidFrom())
                .isEqualTo(LocalDate.of(2024, 9, 25));
    }
}
