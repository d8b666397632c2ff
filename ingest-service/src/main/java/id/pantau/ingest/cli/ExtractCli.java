package id.pantau.ingest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.pantau.ingest.config.Outlet;
import id.pantau.ingest.config.OutletRegistry;
import id.pantau.ingest.discovery.ArticleIds;
import id.pantau.ingest.discovery.UrlNormalizer;
import id.pantau.ingest.extract.ArticleExtractor;
import id.pantau.ingest.extract.ExtractedArticle;
import id.pantau.ingest.extract.ExtractionException;
import id.pantau.ingest.extract.ExtractionProfile;
import id.pantau.ingest.extract.ExtractionProfiles;
import id.pantau.ingest.extract.PageLoader;
import id.pantau.ingest.extract.UnreadableProfileFileException;
import id.pantau.ingest.extract.generic.BatchExtraction;
import id.pantau.ingest.fetch.PageDecoder;
import id.pantau.ingest.publish.RawArticleMapper;
import id.pantau.schemas.avro.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code extract} command: {@code extract <file-or-url> [--outlet ID] [--url URL] [--profile-file
 * outlets.yaml]} prints the {@code RawArticle} of a saved page or a URL as pretty JSON, mapped as the
 * crawler maps it ({@link RawArticleMapper}): article id from the normalised canonical URL, content
 * hash, version 1 (the command consults no seen-store), outlet id from {@code --outlet} or else the
 * shipped outlet owning the canonical URL's host ({@code ""} when none does); for a folder it
 * prints the batch prediction JSON of {@link BatchExtraction#run(Path)}. Without {@code --outlet} only
 * the metadata layers and the generic extractor apply. For a saved page, further pages of a
 * multi-page article are read from sibling files {@code <name>_page<N>.html}. Pages are decoded as
 * the crawler decodes them ({@link PageDecoder}: byte-order mark, the Content-Type header of a
 * fetched URL, {@code <meta>} charset, a windows-1252 page labelled UTF-8).
 *
 * <p>Exit codes: 0 extracted, 2 the page could not be extracted (the JSON names the cause), 64 usage
 * error, 74 input could not be read.
 */
public final class ExtractCli {

    static final int OK = 0;
    static final int NOT_EXTRACTED = 2;
    static final int USAGE = 64;
    static final int IO_ERROR = 74;

    private static final String USAGE_TEXT =
            "usage: extract <file-or-url-or-folder> [--outlet ID] [--url URL] [--profile-file outlets.yaml]";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern PAGE_PARAM = Pattern.compile("[?&]page=(\\d{1,3})(?:&|$)");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExtractCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, Clock.systemUTC()));
    }

    /** Runs the command, printing to {@code out}; {@code clock} gives {@code fetchedAt}; returns the exit code. */
    static int run(String[] args, PrintStream out, Clock clock) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            if (!isHttp(parsed.input()) && Files.isDirectory(Path.of(parsed.input()))) {
                out.println(BatchExtraction.run(Path.of(parsed.input())));
                return OK;
            }
            // read once: the outlet's profile and its zone both come from it
            @Nullable String profileYaml = profileYaml(parsed);
            ExtractionProfile profile = profile(parsed, profileYaml);
            String html;
            String url;
            PageLoader pages;
            if (isHttp(parsed.input())) {
                HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
                url = parsed.url() != null ? parsed.url() : parsed.input();
                html = get(client, parsed.input());
                pages = next -> get(client, next);
            } else {
                Path file = Path.of(parsed.input());
                url = parsed.url() != null ? parsed.url() : file.toAbsolutePath().toUri().toString();
                html = PageDecoder.decode(BatchExtraction.readPageBytes(file), null);
                pages = siblingPages(file);
            }
            ExtractedArticle article = new ArticleExtractor(clock).extract(html, url, profile, pages, zoneOf(parsed, profileYaml));
            out.println(JSON.writeValueAsString(ArticleJson.of(toRaw(article, parsed.outlet(), url, clock))));
            return OK;
        } catch (ExtractionException e) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("error", e.cause().name());
            error.put("url", e.url());
            error.put("message", e.getMessage());
            out.println(toJson(error));
            return NOT_EXTRACTED;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return USAGE;
        } catch (IOException e) {
            out.println("cannot read " + parsed.input() + ": " + e.getMessage());
            return IO_ERROR;
        } catch (UnreadableProfileFileException e) {
            out.println(e.getMessage() + ": " + e.getCause().getMessage());
            return IO_ERROR;
        } catch (UncheckedIOException e) {
            out.println("cannot read " + parsed.input() + ": " + e.getCause().getMessage());
            return IO_ERROR;
        }
    }

    /**
     * The record the crawler would publish as a first version of this page. As the crawler does, a
     * canonical URL on another site than the outlet's (a syndicated copy) does not name the article:
     * its own URL does. Without an outlet or an http(s) URL, the declared canonical URL is taken.
     */
    static RawArticle toRaw(ExtractedArticle article, @Nullable String outletId, String url, Clock clock) {
        UrlNormalizer normalizer = new UrlNormalizer();
        String requested = normalizer.normalize(url);
        String declared = normalizer.normalize(article.canonicalUrl());
        Outlet owner = outletId != null ? OutletRegistry.bundled().get(outletId) : ownerOf(requested);
        String canonical;
        if (owner != null && requested != null) {
            canonical = declared != null && owner.isOwnHost(URI.create(declared).getHost()) ? declared : requested;
        } else {
            canonical = declared != null ? declared : requested != null ? requested : url;
        }
        String outlet = outletId;
        if (outlet == null) {
            Outlet found = owner != null ? owner : ownerOf(canonical);
            outlet = found == null ? "" : found.id();
        }
        String hash = ArticleIds.contentHash(article.title(), article.bodyParagraphs());
        return RawArticleMapper.toRaw(article, outlet, url, canonical, hash, 1, clock.instant());
    }

    /** The bundled outlet owning the host of {@code url}, or null. */
    private static @Nullable Outlet ownerOf(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : OutletRegistry.bundled().forHost(host);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The outlet's zone for zone-less dates: from the outlets file given with {@code --profile-file}
     * when it lists the outlet, else from the bundled registry; WIB for an outlet known to neither, or none.
     */
    private static ZoneOffset zoneOf(Arguments args, @Nullable String profileYaml) {
        if (args.outlet() == null) {
            return ZoneOffset.ofHours(7);
        }
        Outlet outlet = null;
        if (profileYaml != null) {
            try {
                outlet = OutletRegistry.load(new ByteArrayInputStream(profileYaml.getBytes(StandardCharsets.UTF_8)), args.profileFile())
                        .get(args.outlet());
            } catch (RuntimeException e) {
                // a file of profiles alone is not an outlets file: its outlets' zones are the bundled ones
            }
        }
        if (outlet == null) {
            outlet = OutletRegistry.bundled().get(args.outlet());
        }
        return outlet == null ? ZoneOffset.ofHours(7) : outlet.timeZone();
    }

    /**
     * The text of the {@code --profile-file}, when an {@code --outlet} is given to use it for; else null.
     *
     * @throws UnreadableProfileFileException when the file cannot be read
     */
    private static @Nullable String profileYaml(Arguments args) {
        if (args.outlet() == null || args.profileFile() == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(args.profileFile()));
        } catch (IOException e) {
            throw new UnreadableProfileFileException(Path.of(args.profileFile()), e);
        }
    }

    private static @Nullable ExtractionProfile profile(Arguments args, @Nullable String profileYaml) {
        if (args.outlet() == null) {
            return null;
        }
        ExtractionProfile profile = profileYaml == null ? null
                : ExtractionProfiles.fromYaml(profileYaml, Path.of(args.profileFile())).get(args.outlet());
        if (profile == null) {
            // an outlet of an outlets file without a profile of its own takes the shipped one, as the registry does
            profile = ExtractionProfiles.shipped(args.outlet());
        }
        if (profile == null) {
            throw new IllegalArgumentException("--outlet: no profile for outlet '" + args.outlet() + "'"
                    + (args.profileFile() == null ? " on the classpath" : " in " + args.profileFile()));
        }
        return profile;
    }

    /** Page N of {@code file} is the sibling {@code <name>_page<N>.html}, when it exists. */
    static PageLoader siblingPages(Path file) {
        String name = file.getFileName().toString();
        String base = name.replaceFirst("\\.html(\\.gz)?$", "");
        return url -> {
            Matcher m = PAGE_PARAM.matcher(url);
            if (!m.find()) {
                return null;
            }
            Path sibling = file.resolveSibling(base + "_page" + Integer.parseInt(m.group(1)) + ".html");
            return Files.isRegularFile(sibling) ? PageDecoder.decode(Files.readAllBytes(sibling), null) : null;
        };
    }

    private static String get(HttpClient client, String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("User-Agent", "pantau-extract-cli/0.1 (+https://github.com/pantau)").GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + url);
            }
            return PageDecoder.decode(response.body(), response.headers().firstValue("Content-Type").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }

    private static boolean isHttp(String input) {
        return input.startsWith("http://") || input.startsWith("https://");
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed command line. */
    record Arguments(String input, @Nullable String outlet, @Nullable String url, @Nullable String profileFile) {

        static Arguments parse(String[] args) {
            String input = null;
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    if (!arg.equals("--outlet") && !arg.equals("--url") && !arg.equals("--profile-file")) {
                        throw new IllegalArgumentException("unknown option " + arg + ": expected one of [--outlet, --url, --profile-file]");
                    }
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + ": missing value");
                    }
                    options.put(arg, args[++i]);
                } else if (arg.equals("extract") && input == null && i == 0) {
                    continue;
                } else if (input == null) {
                    input = arg;
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
            }
            if (input == null) {
                throw new IllegalArgumentException("missing <file-or-url>");
            }
            return new Arguments(input, options.get("--outlet"), options.get("--url"), options.get("--profile-file"));
        }
    }
}
