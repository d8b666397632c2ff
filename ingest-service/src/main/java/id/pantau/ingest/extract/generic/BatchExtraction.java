package id.pantau.ingest.extract.generic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Batch mode of the extract CLI: a folder of pages in, one benchmark prediction JSON out. */
public final class BatchExtraction {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BatchExtraction() {}

    /**
     * Reads every {@code *.html} / {@code *.html.gz} in {@code folder} (gz: gzipped UTF-8), extracts,
     * and returns the benchmark prediction JSON: {@code {"<id>": {"articleBody": "...", "title": ...,
     * "date": ..., "authors": [...]}}} with id = file name without {@code .html}/{@code .html.gz}.
     */
    public static String run(Path folder) throws IOException {
        GenericExtractor extractor = new GenericExtractor();
        ObjectNode root = MAPPER.createObjectNode();
        for (Path file : pages(folder)) {
            Document document = Jsoup.parse(readPage(file), "");
            GenericBody body = extractor.extract(document);
            PageMetadata metadata = PageMetadata.of(document);
            ObjectNode entry = root.putObject(pageId(file));
            entry.put("articleBody", body.text());
            entry.put("title", metadata.title());
            entry.put("date", metadata.date());
            entry.putArray("authors").addAll(metadata.authors().stream().map(entry::textNode).toList());
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** The pages of {@code folder} ({@code *.html}, {@code *.html.gz}) in file-name order. */
    public static List<Path> pages(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> isPage(f.getFileName().toString())).sorted().toList();
        }
    }

    /** The page's id: its file name without {@code .html} or {@code .html.gz}. */
    public static String pageId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - (name.endsWith(".gz") ? ".html.gz".length() : ".html".length()));
    }

    /**
     * The page as a string; {@code .gz} files are gunzipped; UTF-8 (malformed bytes become U+FFFD).
     *
     * @throws IOException naming the file when it cannot be read or is not valid gzip
     */
    public static String readPage(Path file) throws IOException {
        return new String(readPageBytes(file), StandardCharsets.UTF_8);
    }

    /**
     * The bytes of the page; {@code .gz} files are gunzipped.
     *
     * @throws IOException naming the file when it cannot be read or is not valid gzip
     */
    public static byte[] readPageBytes(Path file) throws IOException {
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("cannot read page " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isPage(String name) {
        return name.endsWith(".html") || name.endsWith(".html.gz");
    }
}
