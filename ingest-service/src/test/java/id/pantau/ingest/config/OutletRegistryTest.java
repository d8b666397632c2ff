package id.pantau.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutletRegistryTest {

    private static OutletRegistry load(String yaml) {
        return OutletRegistry.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void shouldShipTheFiveSeedOutlets() {
        OutletRegistry registry = OutletRegistry.bundled();

        assertThat(registry.outlets()).extracting(Outlet::id)
                .containsExactly("kalbaronline", "tribun-pontianak", "infopublik", "suara-borneo", "tanjungpura");
        assertThat(registry.get("suara-borneo").regions()).containsExactly("65");
        assertThat(registry.get("infopublik").regions()).containsExactly("national", "61");
        assertThat(registry.get("tribun-pontianak").delayMs()).isEqualTo(2000L);
        assertThat(registry.forHost("pontianak.tribunnews.com").id()).isEqualTo("tribun-pontianak");
        assertThat(registry.forHost("www.kalbaronline.com").id()).isEqualTo("kalbaronline");
        assertThat(registry.forHost("example.org")).isNull();
    }

    @Test
    void shouldGiveEachSeedOutletTheTimeZoneOfItsProvince() {
        OutletRegistry registry = OutletRegistry.bundled();

        assertThat(registry.get("suara-borneo").timeZone()).as("Kalimantan Utara: WITA").isEqualTo(ZoneOffset.ofHours(8));
        assertThat(registry.get("kalbaronline").timeZone()).as("Kalimantan Barat: WIB").isEqualTo(ZoneOffset.ofHours(7));
        assertThat(registry.get("infopublik").timeZone()).as("national: WIB").isEqualTo(ZoneOffset.ofHours(7));
    }

    @Test
    void shouldAttachShippedProfileToOutletWithoutInlineProfile() {
        Outlet kalbar = OutletRegistry.bundled().get("kalbaronline");

        assertThat(kalbar.profile()).isNotNull().isEqualTo(id.pantau.ingest.extract.ExtractionProfiles.shipped("kalbaronline"));
    }

    @Test
    void shouldKeepInlineProfile() {
        OutletRegistry registry = load("""
                outlets:
                  - id: kalbaronline
                    name: Kalbar
                    home: https://kalbar.example/
                    regions: ["61"]
                    sources: [{type: feed, url: "https://kalbar.example/feed"}]
                    profile:
                      title: "h1.judul"
                      body: ".isi"
                """);

        assertThat(registry.get("kalbaronline").profile().title()).isEqualTo("h1.judul");
        assertThat(registry.get("kalbaronline").profile().body()).isEqualTo(".isi");
        assertThat(registry.get("kalbaronline").profile().noise()).isEmpty();
    }

    @Test
    void shouldRejectUnknownProfileKey() {
        assertThatThrownBy(() -> load("""
                outlets:
                  - id: kalbar
                    name: Kalbar
                    home: https://kalbar.example/
                    regions: ["61"]
                    sources: [{type: feed, url: "https://kalbar.example/feed"}]
                    profile:
                      headline: "h1"
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unrecognized field \"headline\"");
    }

    @Test
    void shouldGiveEveryBundledSectionSourceAPatternMatchingAnArticleLink() {
        Outlet tribun = OutletRegistry.bundled().get("tribun-pontianak");
        SourceConfig section = tribun.sources().stream().filter(s -> s.type() == SourceType.SECTION).findFirst().orElseThrow();

        assertThat(section.compiledLinkPattern().matcher("https://pontianak.tribunnews.com/2024/11/18/pj-bupati-mempawah-hadiri-rakor")
                .matches()).isTrue();
        assertThat(section.compiledLinkPattern().matcher("https://pontianak.tribunnews.com/tag/pilkada").matches()).isFalse();
    }

    @Test
    void shouldResolveRobotsSourceWithoutUrlToHomeRobots() {
        Outlet infopublik = OutletRegistry.bundled().get("infopublik");

        assertThat(infopublik.urlOf(infopublik.sources().getFirst())).isEqualTo("https://infopublik.id/robots.txt");
    }

    @Test
    void shouldRejectUnknownKey() {
        assertThatThrownBy(() -> load("""
                outlets:
                  - id: kalbar
                    name: Kalbar
                    home: https://kalbar.example/
                    regions: ["61"]
                    sources: [{type: feed, url: "https://kalbar.example/feed"}]
                    delay: 5
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test.yaml: OutletRegistry$OutletsFile[\"outlets\"]->java.util.ArrayList[0]->Outlet[\"delay\"]: "
                        + "Unrecognized field \"delay\"");
    }

    @Test
    void shouldRejectDuplicateIds() {
        String outlet = """
                  - id: kalbar
                    name: Kalbar
                    home: https://kalbar.example/
                    regions: ["61"]
                    sources: [{type: feed, url: "https://kalbar.example/feed"}]
                """;

        assertThatThrownBy(() -> load("outlets:\n" + outlet + outlet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test.yaml: outlets: duplicate id 'kalbar'");
    }

    @Test
    void shouldRejectBadHomeUrl() {
        assertThatThrownBy(() -> load("""
                outlets:
                  - id: kalbar
                    name: Kalbar
                    home: kalbar.example
                    regions: ["61"]
                    sources: [{type: feed, url: "https://kalbar.example/feed"}]
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("home: expected an absolute http(s) URL, got 'kalbar.example'");
    }

    @Test
    void shouldRejectSourceOnForeignHost() {
        assertThatThrownBy(() -> load("""
                outlets:
                  - id: kalbar
                    name: Kalbar
                    home: https://kalbar.example/
                    regions: ["61"]
                    sources: [{type: sitemap, url: "https://cdn.other.example/sitemap.xml"}]
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("sources.url: host of https://cdn.other.example/sitemap.xml is not one of the outlet's hosts [kalbar.example]");
    }

    @Test
    void shouldRequireLinkPatternOnSectionSource() {
        assertThatThrownBy(() -> load("""
                outlets:
                  - id: kalbar
                    name: Kalbar
                    home: https://kalbar.example/
                    regions: ["61"]
                    sources: [{type: section, url: "https://kalbar.example/pontianak/"}]
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("linkPattern: required for a section source https://kalbar.example/pontianak/");
    }

    @Test
    void shouldRejectArticleUrlPatternThatIsNoRegularExpression() {
        assertThatThrownBy(() -> load("""
                outlets:
                  - id: kalbar
                    name: Kalbar
                    home: https://kalbar.example/
                    regions: ["61"]
                    articleUrlPattern: 'https://kalbar\\.example/(\\d{4}/'
                    sources: [{type: feed, url: "https://kalbar.example/feed"}]
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test.yaml: OutletRegistry$OutletsFile[\"outlets\"]->java.util.ArrayList[0]: ")
                .hasMessageEndingWith("articleUrlPattern: not a regular expression: Unclosed group in 'https://kalbar\\.example/(\\d{4}/'");
    }

    @Test
    void shouldReadArticleUrlPattern() {
        OutletRegistry registry = load("""
                outlets:
                  - id: kalbar
                    name: Kalbar
                    home: https://kalbar.example/
                    regions: ["61"]
                    articleUrlPattern: 'https://kalbar\\.example/\\d{4}/[a-z-]+/'
                    sources: [{type: feed, url: "https://kalbar.example/feed"}]
                """);

        assertThat(registry.get("kalbar").articleUrls()).accepts("https://kalbar.example/2024/rakor-netralitas/")
                .rejects("https://kalbar.example/tag/pilkada/", "https://kalbar.example/2024/rakor-netralitas/?page=2");
    }

    @Test
    void shouldRejectUnknownSourceType() {
        assertThatThrownBy(() -> load("""
                outlets:
                  - id: kalbar
                    name: Kalbar
                    home: https://kalbar.example/
                    regions: ["61"]
                    sources: [{type: podcast, url: "https://kalbar.example/pod"}]
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("type: expected one of [feed, sitemap, section, robots], got 'podcast'");
    }

    @Test
    void shouldRejectBadRegionCode() {
        assertThatThrownBy(() -> new Outlet("kalbar", "Kalbar", "https://kalbar.example/", List.of("Kalbar"), List.of(),
                List.of(new SourceConfig(SourceType.ROBOTS, null, null)), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regions: expected two-digit province codes or national, got 'Kalbar'");
    }

    @Test
    void shouldAcceptSubdomainsOfOwnHosts() {
        Outlet outlet = new Outlet("tribun", "Tribun", "https://pontianak.tribunnews.com/", List.of("61"), List.of("tribunnews.com"),
                List.of(new SourceConfig(SourceType.ROBOTS, null, null)), null, null);

        assertThat(outlet.isOwnHost("cdn.tribunnews.com")).isTrue();
        assertThat(outlet.isOwnHost("nottribunnews.com")).isFalse();
    }
}
