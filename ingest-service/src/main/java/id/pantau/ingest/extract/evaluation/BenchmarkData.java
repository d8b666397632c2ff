package id.pantau.ingest.extract.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The benchmark folder: {@code ground-truth.json}, {@code anchors/*.json} and {@code html/}; see the
 * benchmark's README for the formats.
 */
public record BenchmarkData(Path folder, Map<String, String> expected, Map<String, Map<String, String>> anchors) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public BenchmarkData {
        expected = Map.copyOf(expected);
        anchors = Map.copyOf(anchors);
    }

    /** Loads ground truth and anchors from {@code folder}. */
    public static BenchmarkData load(Path folder) throws IOException {
        Path groundTruth = folder.resolve("ground-truth.json");
        if (!Files.isRegularFile(groundTruth)) {
            throw new IOException("no ground-truth.json in benchmark folder " + folder.toAbsolutePath());
        }
        Map<String, String> expected = bodies(MAPPER.readTree(groundTruth.toFile()));
        Map<String, Map<String, String>> anchors = new TreeMap<>();
        Path anchorDir = folder.resolve("anchors");
        if (Files.isDirectory(anchorDir)) {
            try (Stream<Path> files = Files.list(anchorDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                    JsonNode root = MAPPER.readTree(file.toFile());
                    anchors.put(name, bodies(root.has("output") ? root.get("output") : root));
                }
            }
        }
        return new BenchmarkData(folder, expected, anchors);
    }

    /** Reads a prediction JSON ({@code {"<id>": {"articleBody": "..."}}}) into id to body. */
    public static Map<String, String> predictions(String json) throws IOException {
        return bodies(MAPPER.readTree(json));
    }

    /** The page folder {@code html/}. */
    public Path htmlFolder() {
        return folder.resolve("html");
    }

    /**
     * Scores {@code predicted} against the ground truth on {@code ids}; a page missing from the
     * prediction counts as an empty body.
     */
    public Score score(Map<String, String> predicted, Collection<String> ids) {
        return Score.of(ids.stream()
                .filter(expected::containsKey)
                .map(id -> PageCounts.of(expected.get(id), predicted.getOrDefault(id, "")))
                .toList());
    }

    private static Map<String, String> bodies(JsonNode root) {
        Map<String, String> bodies = new LinkedHashMap<>();
        root.properties().forEach(entry -> {
            JsonNode body = entry.getValue().get("articleBody");
            bodies.put(entry.getKey(), body == null || body.isNull() ? "" : body.asText());
        });
        return bodies;
    }
}
