package id.pantau.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.Official;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.SeenArticle;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails the build when a schema changes in a way that is not both backward compatible (the new
 * reader reads the last release's records) and forward compatible (the last release's reader reads
 * the new records). To release a change, add the new schema as the next {@code v<N>.avsc}.
 */
class SchemaEvolutionTest {

    static Stream<Schema> currentSchemas() {
        return Stream.of(RawArticle.getClassSchema(), EnrichedArticle.getClassSchema(), Alert.getClassSchema(),
                Region.getClassSchema(), Official.getClassSchema(), CrawlRequest.getClassSchema(), SeenArticle.getClassSchema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void shouldStayCompatibleWithTheLastRelease(Schema current) {
        List<Schema> released = SchemaHistory.releasedVersions(current.getName());
        assertThat(released).as("released versions of %s under schema-history/", current.getName()).isNotEmpty();
        Schema last = released.get(released.size() - 1);

        assertThat(incompatibilities(current, last)).as("backward: new reader, last release's writer").isEmpty();
        assertThat(incompatibilities(last, current)).as("forward: last release's reader, new writer").isEmpty();
    }

    @Test
    void shouldFlagANewFieldWithoutDefaultAsBreaking() {
        Schema last = SchemaHistory.releasedVersions("Alert").get(0);
        String json = last.toString().replace(
                "\"fields\":[", "\"fields\":[{\"name\":\"severity\",\"type\":\"string\"},");
        Schema changed = new Schema.Parser().parse(json);

        assertThat(incompatibilities(changed, last)).isNotEmpty();
    }

    @Test
    void shouldAcceptANewFieldWithDefault() {
        Schema last = SchemaHistory.releasedVersions("Alert").get(0);
        String json = last.toString().replace(
                "\"fields\":[", "\"fields\":[{\"name\":\"severity\",\"type\":\"string\",\"default\":\"info\"},");
        Schema changed = new Schema.Parser().parse(json);

        assertThat(incompatibilities(changed, last)).isEmpty();
        assertThat(incompatibilities(last, changed)).isEmpty();
    }

    private static List<String> incompatibilities(Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .toList();
    }
}
