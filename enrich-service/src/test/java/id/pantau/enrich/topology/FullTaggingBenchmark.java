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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 *     id.pantau.enrich.topology.FullTaggingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 3, time = 2)
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
        for (RunResult result : new Runner(new OptionsBuilder().include(FullTaggingBenchmark.class.getSimpleName()).build()).run()) {
            double[] scores = result.getBenchmarkResults().stream()
                    .flatMap(b -> b.getIterationResults().stream())
                    .mapToDouble(r -> r.getPrimaryResult().getScore())
                    .sorted()
                    .toArray();
            System.out.printf(java.util.Locale.ROOT, "%s: median articles/s over %d iterations: %.1f%n",
                    result.getParams().getBenchmark(), scores.length, scores[scores.length / 2]);
        }
    }
}
