package id.pantau.launcher.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the demo site serves: its outlets and the articles it publishes in turn. Immutable.
 *
 * @param outlets stand-in outlets, at least one, ids unique
 * @param articles articles in publication order, at least one, each of a listed outlet
 */
public record DemoContent(List<DemoOutlet> outlets, List<DemoArticle> articles) {

    /** Classpath resource of the bundled content. */
    public static final String BUNDLED_RESOURCE = "/demo/content.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DemoContent {
        outlets = List.copyOf(Objects.requireNonNull(outlets, "outlets"));
        articles = List.copyOf(Objects.requireNonNull(articles, "articles"));
        if (outlets.isEmpty() || articles.isEmpty()) {
            throw new IllegalArgumentException("demo content: expected at least one outlet and one article");
        }
        Set<String> ids = new HashSet<>();
        for (DemoOutlet outlet : outlets) {
            if (!ids.add(outlet.id())) {
                throw new IllegalArgumentException("demo content: duplicate outlet id '" + outlet.id() + "'");
            }
        }
        for (DemoArticle article : articles) {
            if (!ids.contains(article.outlet())) {
                throw new IllegalArgumentException("demo content: article '" + article.slug() + "' names unknown outlet '" + article.outlet() + "'");
            }
        }
    }

    /** Loads {@value #BUNDLED_RESOURCE}. */
    public static DemoContent bundled() {
        try (InputStream in = DemoContent.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + BUNDLED_RESOURCE);
            }
            return YAML.readValue(in, DemoContent.class);
        } catch (IOException e) {
            throw new IllegalStateException(BUNDLED_RESOURCE + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A stand-in outlet.
     *
     * @param id the real outlet's id, e.g. {@code tribun-pontianak}
     * @param name display name
     * @param regions province codes or {@code national}, as in ingest's outlets.yaml
     */
    public record DemoOutlet(String id, String name, List<String> regions) {
        public DemoOutlet {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
        }
    }

    /**
     * An article the demo site publishes.
     *
     * @param outlet id of the outlet publishing it
     * @param slug last path segment of its URL, lower-case words and dashes
     * @param title headline
     * @param author byline
     * @param section section name
     * @param tags tag names
     * @param paragraphs body paragraphs, at least one
     */
    public record DemoArticle(String outlet, String slug, String title, String author, String section, List<String> tags,
            List<String> paragraphs) {
        public DemoArticle {
            Objects.requireNonNull(outlet, "outlet");
            Objects.requireNonNull(slug, "slug");
            if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("demo content: slug must be lower-case words and dashes, got '" + slug + "'");
            }
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(section, "section");
            tags = tags == null ? List.of() : List.copyOf(tags);
            paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
            if (paragraphs.isEmpty()) {
                throw new IllegalArgumentException("demo content: article '" + slug + "' has no paragraphs");
            }
        }
    }
}
