package id.pantau.enrich.topology;

import id.pantau.enrich.config.EnrichConfigLoader;
import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.fixture.FixtureArticles;
import id.pantau.enrich.tagger.official.OfficialSeed;
import id.pantau.enrich.tagger.organisation.OrganisationTagger;
import id.pantau.enrich.tagger.quote.QuoteTagger;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.enrich.tagger.region.RegionTagger;
import id.pantau.enrich.tagger.topic.TopicRule;
import id.pantau.enrich.tagger.topic.TopicRules;
import id.pantau.enrich.tagger.topic.TopicTagger;
import id.pantau.schemas.avro.Official;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.RegionLevel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Full tagging throughput of {@link ArticleEnricher} in articles per second on one thread: regions
 * (full gazetteer), officials (1,000 reference officials), organisations, topics (200 rules: the
 * shipped ones plus generated ones over an Indonesian news vocabulary) and quotes, on ~4 KB
 * articles built from the fixture articles.
 *
 * <p>Not part of any test run. Run it with:
 *
 * <pre>
 * mvn -B -o -q -pl enrich-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp enrich-service/target/test-classes:enrich-service/target/classes:$(cat enrich-service/target/cp.txt) \
 *     id.pantau.enrich.topology.FullTaggingBenchmark [cpu]
 * </pre>
 *
 * <p>With {@code cpu} it measures articles per second of the benchmark thread's CPU time instead
 * (after 3 s of warm-up, median of 5 rounds of 1 s), which the other builds on the shared
 * machine disturb far less than JMH's wall clock. Figures (2-core machine under other builds,
 * interleaved old/new runs; JMH: medians of 3 pairs at load 3-8, CPU: 2 pairs at load 5-6):
 *
 * <table>
 *   <caption>enrichFullArticle</caption>
 *   <tr><th></th><th>JMH, articles/s</th><th>articles per CPU-second</th></tr>
 *   <tr><td>Lucene Monitor, three normal forms per article</td><td>960 (364-1,955)</td><td>1,276, 1,327</td></tr>
 *   <tr><td>memory index of the rules' words behind an exact term filter, one normal form, word-bounded automaton
 *       (hand-written presearch, reverted for Lucene Monitor)</td><td>2,314 (418-3,162)</td><td>2,701, 2,724</td></tr>
 * </table>
 *
 * <p>Shipped, measured later in interleaved runs (CPU mode, load 3-5): Lucene Monitor with one normal form and the
 * word-bounded automaton 1,343 and 1,562 articles per CPU-second; with Monitor indexing only the rules' words
 * ({@code RuleWords}) 1,764 and 1,989; the reverted hand-written presearch 2,787 and 2,992 in the same runs.
 *
 * <p>Under load JMH's wall-clock figures swing several-fold between runs of the same code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class FullTaggingBenchmark {

    static final int RULES = 200;
    static final int OFFICIALS = 1000;
    static final int ARTICLE_CHARS = 4000;
    private static final String[] FIXTURES = {
        "01-apel-mantap-praja.txt", "02-rakor-mempawah.txt", "03-rakor-infopublik.txt", "04-kunker-bulungan.txt", "05-raker-apeksi.txt"
    };
    private static final String[] FIRST = {"Agus", "Budi", "Citra", "Dedi", "Eka", "Fajar", "Gita", "Hendra", "Indra", "Joko",
        "Kurnia", "Lestari", "Made", "Nanda", "Oktavia", "Putra", "Rahmat", "Sari", "Taufik", "Wahyu"};
    private static final String[] LAST = {"Saputra", "Wijaya", "Hidayat", "Kurniawan", "Pratama", "Santoso", "Nugroho", "Setiawan",
        "Siregar", "Lubis", "Harahap", "Nasution", "Rahman", "Gunawan", "Halim", "Firmansyah", "Ramadhan", "Utami", "Permana",
        "Susanto", "Marpaung", "Sinaga", "Tambunan", "Purba", "Manurung", "Sembiring", "Ginting", "Tarigan", "Damanik", "Sitorus",
        "Hutapea", "Panjaitan", "Situmorang", "Simatupang", "Silalahi", "Sihombing", "Napitupulu", "Pasaribu", "Hutagalung", "Aritonang",
        "Sianturi", "Batubara", "Daulay", "Ritonga", "Pohan", "Rangkuti", "Hasibuan", "Lubis", "Pulungan", "Dalimunthe"};
    /** Words that occur in regional election news, for generated rules. */
    private static final String[] VOCABULARY = ("pilkada pemilihan kampanye calon pasangan debat suara pemungutan penghitungan rekapitulasi"
            + " tps kpu bawaslu pengawas pemilih daftar logistik distribusi anggaran dana hibah bantuan sosial banjir jalan jembatan"
            + " sekolah rumah sakit puskesmas harga beras pasar petani nelayan investasi tambang sawit hutan kebakaran asap bandara"
            + " pelabuhan listrik air bersih stunting inflasi pajak retribusi apbd dprd fraksi paripurna rapat sidang pelantikan"
            + " mutasi jabatan pegawai honorer pppk guru dokter perawat desa dusun adat budaya festival pariwisata olahraga pemuda"
            + " narkoba pencurian penipuan korupsi kejaksaan pengadilan tersangka saksi vonis penyidikan").split(" ");

    private ArticleEnricher enricher;
    private TopicTagger topics;
    private List<RawArticle> articles = List.of();

    @Setup
    public void setUp() {
        RegionGazetteer gazetteer = RegionGazetteer.loadDefault();
        List<Region> regencies = gazetteer.all().stream().filter(r -> r.getLevel() == RegionLevel.REGENCY).toList();
        OfficialDirectory officials = new OfficialDirectory(gazetteer);
        List<Official> known = new ArrayList<>(OfficialSeed.loadDefault());
        List<String> synthetic = new ArrayList<>();
        for (int i = 0; known.size() < OFFICIALS; i++) {
            Region r = regencies.get(i % regencies.size());
            String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
            String office = "Bupati " + r.getName().replaceFirst("^Kabupaten ", "");
            known.add(Official.newBuilder().setId("bench-" + i).setName(name).setOffice(office).setJurisdictionCode(r.getCode()).build());
            synthetic.add(office + " " + name);
        }
        known.forEach(o -> officials.update(o.getId(), o));
        topics = TopicTagger.of(rules());
        enricher = new ArticleEnricher(new RegionTagger(gazetteer), officials::tagger, new OrganisationTagger(gazetteer), topics,
                new QuoteTagger(), EnrichConfigLoader.defaults().outletProvinces());
        List<ArticleText> base = Arrays.stream(FIXTURES).map(FixtureArticles::load).toList();
        List<RawArticle> built = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            ArticleText a = base.get(i);
            StringBuilder body = new StringBuilder(a.body()).append("\n\n").append(synthetic.get(i * 37)).append(" dan ")
                    .append(synthetic.get(i * 91 + 5)).append(" ikut hadir. \u201CKami siap mengawal pilkada yang damai,\u201D ujar ")
                    .append(synthetic.get(i * 37).substring(synthetic.get(i * 37).lastIndexOf(' ') + 1)).append('.');
            for (int k = 1; body.length() < ARTICLE_CHARS; k++) {
                body.append("\n\n").append(base.get((i + k) % base.size()).body());
            }
            built.add(Articles.raw("bench-" + i, 1, a.outletId(), a.title(), body.substring(0, ARTICLE_CHARS).split("\n\n")));
        }
        articles = List.copyOf(built);
    }

    /** The shipped rules plus generated ones up to {@link #RULES}. */
    static List<TopicRule> rules() {
        List<TopicRule> rules = new ArrayList<>(TopicRules.loadDefault());
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; rules.size() < RULES; i++) {
            String a = VOCABULARY[random.nextInt(VOCABULARY.length)];
            String b = VOCABULARY[random.nextInt(VOCABULARY.length)];
            String c = VOCABULARY[random.nextInt(VOCABULARY.length)];
            String d = VOCABULARY[random.nextInt(VOCABULARY.length)];
            rules.add(new TopicRule("gen." + i, "generated.t" + (i % 40), 0.8, "\"" + a + " " + b + "\"~4 AND (" + c + " OR " + d + ")"));
        }
        return rules;
    }

    @TearDown
    public void tearDown() {
        topics.close();
    }

    @Benchmark
    @OperationsPerInvocation(5)
    public void enrichFullArticle(Blackhole bh) {
        for (RawArticle article : articles) {
            bh.consume(enricher.enrich(article, 0L));
        }
    }

    @Benchmark
    @OperationsPerInvocation(5)
    public void topicsOnly(Blackhole bh) {
        for (RawArticle article : articles) {
            bh.consume(topics.tag(ArticleEnricher.textOf(article, null)));
        }
    }

    public static void main(String[] args) throws RunnerException {
        if (args.length > 0 && args[0].equals("cpu")) {
            perCpuSecond();
            return;
        }
        for (RunResult result : new Runner(new OptionsBuilder().include(FullTaggingBenchmark.class.getSimpleName()).build()).run()) {
            double[] scores = result.getBenchmarkResults().stream()
                    .flatMap(b -> b.getIterationResults().stream())
                    .mapToDouble(r -> r.getPrimaryResult().getScore())
                    .sorted()
                    .toArray();
            System.out.printf(Locale.ROOT, "%s: median articles/s over %d iterations: %.1f%n",
                    result.getParams().getBenchmark(), scores.length, scores[scores.length / 2]);
        }
    }

    /**
     * Articles per second of this thread's CPU time, for the full enrichment and for the topic tagger
     * alone (Lucene Monitor over the same text), alternating in rounds of 1 s: 3 rounds of each as
     * warm-up, then the median of 5.
     */
    private static void perCpuSecond() {
        FullTaggingBenchmark bench = new FullTaggingBenchmark();
        bench.setUp();
        double[] full = new double[5];
        double[] topicsAlone = new double[5];
        long[] tags = new long[1];
        for (int round = -3; round < full.length; round++) {
            double f = cpuRate(bench.articles, article -> tags[0] += bench.enricher.enrich(article, 0L).getTopics().size());
            double t = cpuRate(bench.articles, article -> tags[0] += bench.topics.tag(ArticleEnricher.textOf(article, null)).size());
            if (round >= 0) {
                full[round] = f;
                topicsAlone[round] = t;
            }
        }
        bench.tearDown();
        Arrays.sort(full);
        Arrays.sort(topicsAlone);
        double medianFull = full[full.length / 2];
        double medianTopics = topicsAlone[topicsAlone.length / 2];
        System.out.printf(Locale.ROOT, "enrichFullArticle: median articles per CPU-second over %d rounds: %.1f (%.0f us per article)%n",
                full.length, medianFull, 1e6 / medianFull);
        System.out.printf(Locale.ROOT, "topicsOnly (Lucene Monitor): median articles per CPU-second: %.1f (%.0f us per article; %d tags seen)%n",
                medianTopics, 1e6 / medianTopics, tags[0]);
    }

    /** Articles per second of this thread's CPU time over about one second of {@code work}. */
    private static double cpuRate(List<RawArticle> articles, Consumer<RawArticle> work) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        int done = 0;
        while (threads.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
            for (RawArticle article : articles) {
                work.accept(article);
                done++;
            }
        }
        return done / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
    }
}
