package id.pantau.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchDistributionTest {

    @TempDir
    Path dir;

    private static final String ZIP_PATH =
            "org/elasticsearch/distribution/integ-test-zip/elasticsearch/8.19.21/elasticsearch-8.19.21.zip";

    @Test
    void shouldTakeZipFromFirstRepositoryHoldingIt() throws IOException {
        Path zip = Files.createDirectories(dir.resolve("second").resolve(ZIP_PATH).getParent())
                .resolve("elasticsearch-8.19.21.zip");
        Files.writeString(zip, "zip");

        assertThat(ElasticsearchDistribution.locateZip("8.19.21", null,
                List.of(dir.resolve("first"), dir.resolve("second"), dir.resolve("third")))).isEqualTo(zip);
    }

    @Test
    void shouldPreferExplicitZip() throws IOException {
        Path zip = Files.writeString(dir.resolve("es.zip"), "zip");

        assertThat(ElasticsearchDistribution.locateZip("8.19.21", zip.toString(), List.of(dir))).isEqualTo(zip);
    }

    @Test
    void shouldNamePathsTriedAndMavenCommandWhenZipIsMissing() {
        assertThatThrownBy(() -> ElasticsearchDistribution.locateZip("8.19.21", null, List.of(dir.resolve("a"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Elasticsearch distribution zip is missing: [" + dir.resolve("a").resolve(ZIP_PATH) + "]."
                        + " Fetch it with: mvn -B dependency:get"
                        + " -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:8.19.21:zip"
                        + " (or build local-stack once with Maven), or set PANTAU_ES_ZIP to the zip's path");
    }

    @Test
    void shouldFindRepositoryTheKafkaJarsCameFrom() {
        Path repo = ElasticsearchDistribution.repositoryOf(Admin.class, "org/apache/kafka", "kafka-clients");

        assertThat(repo).isNotNull();
        assertThat(repo.resolve("org/apache/kafka/kafka-clients")).isDirectory();
    }

    @Test
    void shouldFindNoRepositoryForClassOutsideOne() {
        assertThat(ElasticsearchDistribution.repositoryOf(ElasticsearchDistributionTest.class, "org/apache/kafka",
                "kafka-clients")).isNull();
    }

    @Test
    void shouldRejectExplicitZipThatIsNotAFile() {
        assertThatThrownBy(() -> ElasticsearchDistribution.locateZip("8.19.21", "/no/such.zip", List.of(dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PANTAU_ES_ZIP names /no/such.zip, which is not a file");
    }

    @Test
    void shouldUnpackOnceStrippingTopDirectoryAndMakingScriptsExecutable() throws IOException {
        Path zip = smallDistribution("elasticsearch-1.2.3/");

        ElasticsearchDistribution.Installation first = ElasticsearchDistribution.unpackOnce(zip, dir.resolve("cache"), "1.2.3");
        FileTime markerTime = Files.getLastModifiedTime(first.home().resolve(ElasticsearchDistribution.MARKER));
        ElasticsearchDistribution.Installation second = ElasticsearchDistribution.unpackOnce(zip, dir.resolve("cache"), "1.2.3");

        assertThat(first.home()).isEqualTo(dir.resolve("cache/elasticsearch-1.2.3"));
        assertThat(first.unpacked()).isTrue();
        assertThat(first.home().resolve("config/elasticsearch.yml")).hasContent("cluster.name: x");
        assertThat(Files.getPosixFilePermissions(first.home().resolve("bin/elasticsearch")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(second).isEqualTo(new ElasticsearchDistribution.Installation(first.home(), false));
        assertThat(Files.getLastModifiedTime(second.home().resolve(ElasticsearchDistribution.MARKER))).isEqualTo(markerTime);
        try (var leftovers = Files.list(dir.resolve("cache"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("elasticsearch-1.2.3", "elasticsearch-1.2.3.lock");
        }
    }

    @Test
    void shouldReplaceHalfUnpackedCopyLeftByCrash() throws IOException {
        Path zip = smallDistribution("elasticsearch-1.2.3/");
        Path broken = Files.createDirectories(dir.resolve("cache/elasticsearch-1.2.3/bin"));
        Files.writeString(broken.resolve("leftover"), "x");

        ElasticsearchDistribution.Installation installation =
                ElasticsearchDistribution.unpackOnce(zip, dir.resolve("cache"), "1.2.3");

        assertThat(installation.unpacked()).isTrue();
        assertThat(installation.home().resolve("bin/leftover")).doesNotExist();
        assertThat(installation.home().resolve(ElasticsearchDistribution.MARKER)).exists();
    }

    @Test
    void shouldUnpackAgainWhenCleanerRemovedPartsOfOldCopy() throws IOException {
        Path zip = smallDistribution("elasticsearch-1.2.3/");
        Path home = ElasticsearchDistribution.unpackOnce(zip, dir.resolve("cache"), "1.2.3").home();
        Files.delete(home.resolve("bin/elasticsearch"));

        ElasticsearchDistribution.Installation again = ElasticsearchDistribution.unpackOnce(zip, dir.resolve("cache"), "1.2.3");

        assertThat(again.unpacked()).isTrue();
        assertThat(home.resolve("bin/elasticsearch")).exists();
    }

    @Test
    void shouldRejectZipEntryEscapingTargetDirectory() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("elasticsearch-1.2.3/../../evil.txt"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> ElasticsearchDistribution.unzipStrippingTopDirectory(zip, dir.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessage("zip entry elasticsearch-1.2.3/../../evil.txt points outside the target directory");
    }

    private Path smallDistribution(String top) throws IOException {
        Path zip = dir.resolve("es.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(top));
            entry(out, top + "bin/elasticsearch", "#!/bin/bash\n");
            entry(out, top + "bin/elasticsearch.bat", "rem\n");
            entry(out, top + "config/elasticsearch.yml", "cluster.name: x");
            entry(out, top + "lib/elasticsearch.jar", "jar");
        }
        return zip;
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream body = out;
        body.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
