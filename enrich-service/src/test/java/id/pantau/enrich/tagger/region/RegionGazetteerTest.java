package id.pantau.enrich.tagger.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.RegionLevel;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegionGazetteerTest {

    private static final RegionGazetteer GAZETTEER = RegionGazetteer.loadDefault();

    @Test
    void shouldLoadEveryProvinceRegencyCityAndDistrict() {
        Map<RegionLevel, Long> counts = GAZETTEER.all().stream()
                .collect(Collectors.groupingBy(Region::getLevel, Collectors.counting()));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                RegionLevel.PROVINCE, 38L, RegionLevel.REGENCY, 416L, RegionLevel.CITY, 98L, RegionLevel.DISTRICT, 7285L));
    }

    @Test
    void shouldDescribeARegionWithParentProvinceAndAliases() {
        Region kalbar = GAZETTEER.byCode("61");
        Region mempawah = GAZETTEER.byCode("61.02");
        Region pinyuh = GAZETTEER.byCode("61.02.07");

        assertThat(kalbar.getName()).isEqualTo("Kalimantan Barat");
        assertThat(kalbar.getAliases()).containsExactly("Kalbar");
        assertThat(mempawah.getName()).isEqualTo("Kabupaten Mempawah");
        assertThat(mempawah.getLevel()).isEqualTo(RegionLevel.REGENCY);
        assertThat(mempawah.getParentCode()).isEqualTo("61");
        assertThat(pinyuh.getName()).isEqualTo("Sungai Pinyuh");
        assertThat(pinyuh.getParentCode()).isEqualTo("61.02");
        assertThat(pinyuh.getProvinceCode()).isEqualTo("61");
        assertThat(GAZETTEER.byCode("99")).isNull();
    }

    @Test
    void shouldFindTwentySixRegencyCityPairsSharingABareName() {
        Map<String, Long> bareNames = GAZETTEER.all().stream()
                .filter(r -> r.getLevel() == RegionLevel.REGENCY || r.getLevel() == RegionLevel.CITY)
                .collect(Collectors.groupingBy(RegionNames::bareName, Collectors.counting()));

        assertThat(bareNames.values().stream().filter(n -> n == 2)).hasSize(26);
        assertThat(GAZETTEER.childrenOf("61")).extracting(Region::getCode).contains("61.02", "61.71");
        assertThat(GAZETTEER.all().stream().collect(Collectors.toMap(Region::getCode, Function.identity()))).hasSize(7837);
    }

    @Test
    void shouldSplitQuotedCsvCells() {
        assertThat(RegionGazetteer.splitCsv("1,\"Kepulauan, Seribu\",x")).containsExactly("1", "Kepulauan, Seribu", "x");
    }
}
