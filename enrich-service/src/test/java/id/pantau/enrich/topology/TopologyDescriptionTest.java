package id.pantau.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.enrich.config.EnrichConfig;
import id.pantau.enrich.config.EnrichConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Keeps enrich-service/TOPOLOGY.md and the copy in the root README (after its {@code <!-- enrich-topology -->}
 * marker) equal to the topology's description. To regenerate both after a topology change:
 * {@code mvn -pl enrich-service test -Dtest=TopologyDescriptionTest -Denrich.topology.write=true}.
 */
class TopologyDescriptionTest {

    private static final Path FILE = Path.of("TOPOLOGY.md");
    private static final Path README = Path.of("..", "README.md");
    private static final String README_MARKER = "<!-- enrich-topology -->";
    private static final Pattern BLOCK = Pattern.compile("```text\\n(.*?)```", Pattern.DOTALL);

    @Test
    void shouldNameEveryProcessorAndMatchTopologyMd() throws Exception {
        EnrichConfig config = EnrichConfigLoader.defaults();
        try (EnrichComponents components = EnrichComponents.standard(config)) {
            Topology topology = EnrichTopology.build(config, components);
            TopologyDescription description = topology.describe();
            String printed = description.toString();

            for (TopologyDescription.Subtopology sub : description.subtopologies()) {
                assertThat(sub.nodes()).allSatisfy(node -> assertThat(node.name()).startsWith("enrich-"));
            }
            if (Boolean.getBoolean("enrich.topology.write")) {
                write(printed);
            }
            Matcher block = BLOCK.matcher(Files.readString(FILE, StandardCharsets.UTF_8));
            assertThat(block.find()).as("TOPOLOGY.md has a ```text block").isTrue();
            assertThat(block.group(1)).isEqualTo(printed);
            String readme = Files.readString(README, StandardCharsets.UTF_8);
            assertThat(readme).as("README.md has the " + README_MARKER + " marker").contains(README_MARKER);
            Matcher readmeBlock = BLOCK.matcher(readme);
            assertThat(readmeBlock.find(readme.indexOf(README_MARKER))).as("README.md has a ```text block after the marker").isTrue();
            assertThat(readmeBlock.group(1)).as("the topology in README.md").isEqualTo(printed);
        }
    }

    private static void write(String printed) throws IOException {
        String doc = """
                # enrich-service topology

                Printed by `TopologyDescriptionTest` from `EnrichTopology.build` (the test fails when this file is
                out of date). Sources: `news.articles.raw` (articles) and `ref.officials` (global store). Sinks:
                `news.articles.enriched`, `news.alerts`; dead letters reach `news.dlq` through the exception
                handlers. Sub-topology 1 decodes and tags (parallel over the 3 raw partitions), then re-keys every
                article to one key so sub-topology 2 (one partition) sees all articles for story grouping and alerts.

                State stores (all changelogged except the global one, which restores from `ref.officials`):

                | store | kind | holds |
                |---|---|---|
                | `enrich-officials` | global key-value | officials by id |
                | `enrich-story-buckets` | window (retention `enrich.story.window.hours`) | LSH band key -> article ids |
                | `enrich-story-members` | timestamped key-value (entries older than `enrich.story.retention.days` of stream time purged hourly) | article id -> story cluster id, shingle set and the regencies and cities it is about |
                | `enrich-alerts-raised` | key-value (same retention) | `rule|cluster` -> timestamp of the article that raised it |

                ```text
                """ + printed + "```\n";
        Files.writeString(FILE, doc, StandardCharsets.UTF_8);
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int marker = readme.indexOf(README_MARKER);
        if (marker >= 0) {
            Matcher old = BLOCK.matcher(readme);
            if (old.find(marker)) {
                Files.writeString(README, readme.substring(0, old.start(1)) + printed + readme.substring(old.end(1)), StandardCharsets.UTF_8);
            }
        }
    }
}
