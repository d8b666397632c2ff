package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.ingest.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SectionPageSourceTest {

    @Test
    void shouldKeepMatchingLinksOnceInPageOrderWithoutFragments() {
        String base = "http://127.0.0.1:8080";
        String html = new String(TestSite.resourceBytes("section.html"), StandardCharsets.UTF_8).replace("{{base}}", base);

        ParsedSource parsed = new SectionPageSource().parse(html, base + "/category/pontianak/",
                Pattern.compile("http://127\\.0\\.0\\.1:8080/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/"));

        assertThat(parsed.candidates()).containsExactly(
                new CandidateUrl(base + "/2024/11/18/rakor-netralitas-asn/", null),
                new CandidateUrl(base + "/2024/11/18/kades-mempawah-netral/", null));
    }
}
