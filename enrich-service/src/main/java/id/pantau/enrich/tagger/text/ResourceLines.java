package id.pantau.enrich.tagger.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the taggers' curated tables: UTF-8 classpath resources, one row a line, {@code #} comments. */
public final class ResourceLines {

    private ResourceLines() {}

    /**
     * The non-blank lines of {@code resource} that are not comments, in file order.
     *
     * @throws IllegalStateException when the resource is missing
     * @throws UncheckedIOException when it cannot be read
     */
    public static List<String> read(String resource) {
        InputStream in = ResourceLines.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource missing: " + resource);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return lines;
    }

    /** {@link #read} with each line split at tabs. */
    public static List<String[]> tabSeparated(String resource) {
        return read(resource).stream().map(line -> line.split("\t")).toList();
    }
}
