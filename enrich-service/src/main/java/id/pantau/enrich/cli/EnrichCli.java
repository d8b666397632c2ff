package id.pantau.enrich.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.enrich.config.EnrichConfig;
import id.pantau.enrich.config.EnrichConfigLoader;
import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.official.OfficialMention;
import id.pantau.enrich.tagger.official.OfficialSeed;
import id.pantau.enrich.tagger.organisation.OrganisationTagger;
import id.pantau.enrich.tagger.quote.QuoteTagger;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.enrich.tagger.region.RegionTagger;
import id.pantau.enrich.tagger.topic.TopicRules;
import id.pantau.enrich.tagger.topic.TopicTagger;
import id.pantau.enrich.topology.ArticleEnricher;
import id.pantau.enrich.topology.OfficialDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

/**
 * {@code enrich <text-file | -> [--outlet <id>] [--dateline <place>] [--title <headline>] [--date <yyyy-mm-dd>]}: runs the
 * service's taggers on a plain text (paragraphs separated by blank lines) and prints every tag as
 * JSON. For debugging rules and for evaluation. With {@code --date}, reference officials are linked
 * only on days of their term, as for an article published that day.
 */
public final class EnrichCli {

    static final String USAGE = "usage: enrich <text-file | -> [--outlet <id>] [--dateline <place>] [--title <headline>] [--date <yyyy-mm-dd>]";

    private EnrichCli() {}

    /** Parsed arguments. */
    record Args(String file, String outlet, @Nullable String dateline, String title, @Nullable LocalDate date) {
        static Args parse(String[] argv) {
            List<String> args = Arrays.asList(argv);
            if (!args.isEmpty() && args.get(0).equals("enrich")) {
                args = args.subList(1, args.size());
            }
            String file = null;
            String outlet = "";
            String dateline = null;
            String title = "";
            LocalDate date = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--outlet", "--dateline", "--title", "--date" -> {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException(arg + " needs a value; " + USAGE);
                        }
                        String value = args.get(++i);
                        switch (arg) {
                            case "--outlet" -> outlet = value;
                            case "--dateline" -> dateline = value;
                            case "--date" -> date = date(value);
                            default -> title = value;
                        }
                    }
                    default -> {
                        if (file != null || (arg.startsWith("--") && !arg.equals("-"))) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'; " + USAGE);
                        }
                        file = arg;
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("missing text file; " + USAGE);
            }
            return new Args(file, outlet, dateline, title, date);
        }

        private static LocalDate date(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--date: expected yyyy-mm-dd, got '" + value + "'; " + USAGE, e);
            }
        }
    }

    public static void main(String[] argv) {
        int status = run(argv, System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the CLI; returns the exit status (0 ok, 2 usage or input error). */
    static int run(String[] argv, InputStream stdin, PrintStream out, PrintStream err) {
        Args args;
        String text;
        try {
            args = Args.parse(argv);
            text = args.file().equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(args.file()));
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        EnrichConfig config = EnrichConfigLoader.defaults();
        RegionGazetteer gazetteer = RegionGazetteer.loadDefault();
        OfficialDirectory officials = new OfficialDirectory(gazetteer);
        OfficialSeed.loadDefault().forEach(o -> officials.update(o.getId(), o));
        try (TopicTagger topics = TopicTagger.of(TopicRules.load(config.rules().topicsFile()))) {
            ArticleEnricher enricher = new ArticleEnricher(new RegionTagger(gazetteer), officials::tagger, new OrganisationTagger(gazetteer), topics,
                    new QuoteTagger(), config.outletProvinces());
            ArticleText article = new ArticleText(args.title(), paragraphs(text), args.dateline(), args.outlet(), enricher.provinceOf(args.outlet()),
                    args.date());
            out.println(toJson(enricher.tag(article, args.file())));
        }
        return 0;
    }

    /** Paragraphs separated by blank lines, trimmed and re-joined as the service joins them. */
    static String paragraphs(String text) {
        return Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.joining("\n\n"));
    }

    static String toJson(ArticleEnricher.Tags tags) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.set("regions", array(mapper, tags.regions()));
        root.set("officials", array(mapper, tags.officials().tags()));
        ArrayNode mentions = root.putArray("officialMentions");
        for (OfficialMention mention : tags.officials().mentions()) {
            mentions.add(mapper.valueToTree(mention));
        }
        root.set("organisations", array(mapper, tags.organisations()));
        root.set("topics", array(mapper, tags.topics()));
        root.set("quotes", array(mapper, tags.quotes()));
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode array(ObjectMapper mapper, List<? extends SpecificRecord> records) {
        ArrayNode array = mapper.createArrayNode();
        for (SpecificRecord record : records) {
            try {
                // Avro's toString is the record's JSON form; Jackson re-reads it to print one document.
                JsonNode node = mapper.readTree(record.toString());
                array.add(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return array;
    }
}
