package id.pantau.enrich.tagger.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.RegionTag;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One check per row of region-aliases.tsv: the alias, written in a sentence, tags its region. */
class RegionAliasTableTest {

    private static final RegionGazetteer GAZETTEER = RegionGazetteer.loadDefault();
    private static final RegionTagger TAGGER = new RegionTagger(GAZETTEER);

    static Stream<RegionAliases.Row> rows() {
        return RegionAliases.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldTagTheRegionOfEachAlias(RegionAliases.Row row) {
        String body = "Ribuan warga " + row.alias() + " mengikuti apel netralitas.";

        List<RegionTag> tags = TAGGER.tag(new ArticleText("", body, null, "test", null));

        RegionTag tag = tags.stream().filter(t -> t.getCode().equals(row.code())).findFirst().orElseThrow();
        assertThat(tag.getMentionCount()).isEqualTo(1);
        assertThat(tag.getFirstOffset()).isEqualTo("Ribuan warga ".length());
        assertThat(tags.stream().filter(t -> t.getMentionCount() > 0)).hasSize(1);
        assertThat(GAZETTEER.byCode(row.code()).getAliases()).contains(row.alias());
    }

    @Test
    void shouldGiveEveryProvinceAnAliasRow() {
        List<String> covered = RegionAliases.rows().stream().map(RegionAliases.Row::code).toList();

        List<String> provinces = GAZETTEER.all().stream()
                .filter(r -> r.getParentCode() == null)
                .map(Region::getCode)
                .toList();

        assertThat(provinces).hasSize(38);
        assertThat(covered).containsAll(provinces);
    }

    @Test
    void shouldNotTagCapitalAliasesWrittenInLowerCase() {
        assertThat(TAGGER.tag(new ArticleText("", "Kerajinan diy dan ppu dipamerkan.", null, "test", null))).isEmpty();
    }
}
