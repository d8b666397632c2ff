package id.pantau.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The outlet fixtures under {@code src/test/resources/fixtures/<outlet-id>/}: each {@code <page>.json}
 * holds the page's URL, its further pages ({@code "pages": {url: file}}) and the expected fields of
 * {@code <page>.html}. Shared by the fixture test, the CLI test and the benchmark.
 */
public record Fixtures(String outletId, String name, String url, String html, Map<String, String> pages, JsonNode expected) {

    public static final List<String> OUTLETS = List.of("kalbaronline", "tribun-pontianak", "infopublik", "suara-borneo", "tanjungpura");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The folder {@code fixtures/} on the test classpath. */
    public static Path root() {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/fixtures"), "fixtures on classpath").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every fixture article of every outlet, in outlet then file order. */
    public static List<Fixtures> all() {
        List<Fixtures> out = new ArrayList<>();
        for (String outlet : OUTLETS) {
            try (Stream<Path> files = Files.list(root().resolve(outlet))) {
                for (Path json : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    out.add(load(outlet, json));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The profile of {@code outletId} from {@code fixtures/profiles.yaml}. */
    public static ExtractionProfile profile(String outletId) {
        return Objects.requireNonNull(ExtractionProfiles.fromFile(root().resolve("profiles.yaml")).get(outletId), outletId);
    }

    private static Fixtures load(String outlet, Path json) throws IOException {
        JsonNode expected = JSON.readTree(json.toFile());
        String name = json.getFileName().toString().replaceFirst("\\.json$", "");
        String html = Files.readString(json.resolveSibling(name + ".html"), StandardCharsets.UTF_8);
        Map<String, String> pages = new LinkedHashMap<>();
        JsonNode pageNode = expected.get("pages");
        if (pageNode != null) {
            for (Map.Entry<String, JsonNode> page : pageNode.properties()) {
                pages.put(page.getKey(), Files.readString(json.resolveSibling(page.getValue().asText()), StandardCharsets.UTF_8));
            }
        }
        return new Fixtures(outlet, name, expected.get("url").asText(), html, Map.copyOf(pages), expected);
    }

    /** A loader serving this fixture's further pages, counting nothing else. */
    public PageLoader loader() {
        return url -> pages.get(url);
    }

    /** The expected string value of {@code field}, or null when it is JSON null. */
    public @Nullable String text(String field) {
        JsonNode node = expected.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The expected list value of {@code field}. */
    public List<String> list(String field) {
        List<String> out = new ArrayList<>();
        expected.get(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public String toString() {
        return outletId + "/" + name;
    }
}
