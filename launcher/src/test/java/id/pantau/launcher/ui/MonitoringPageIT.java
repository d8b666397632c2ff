package id.pantau.launcher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.launcher.DemoPipelineExtension;
import id.pantau.launcher.PipelineRun;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.Alert;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring page in headless Chromium against the whole pipeline as {@code pantau.jar --demo}
 * runs it (in this JVM, {@link DemoPipelineExtension}, shared with {@code DemoPipelineIT}): the page loads with results and facets
 * once the key is entered, a search narrows the results, new demo articles appear in the live feed
 * under the active filters without a reload, and alerts appear. The steps build on each other, in
 * order, in one browser tab. Each step leaves a screenshot in {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (paths overridable with
 * {@code -Dpantau.chromium=} and {@code -Dpantau.chromedriver=}); skipped, saying so, where they are
 * missing. Selenium never downloads a driver or a browser here: both paths are given.
 */
@EnabledIf(value = "browserInstalled", disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (or -Dpantau.chromium= and "
        + "-Dpantau.chromedriver=); " + MonitoringPageIT.INSTALL_HINT)
@ExtendWith(DemoPipelineExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringPageIT {

    static final String INSTALL_HINT = "on Debian: apt-get install chromium chromium-driver; .ci/run installs them when it runs as root";

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringPageIT.class);
    private static final Path CHROMIUM = Path.of(System.getProperty("pantau.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("pantau.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String API_KEY = DemoPipelineExtension.API_KEY;
    private static final String MEMPAWAH_TITLE = "Ismail Ingatkan ASN dan Kades Mempawah Tetap Netral Jelang Pilkada";
    private static final Duration PIPELINE_WAIT = Duration.ofSeconds(120);
    private static final Duration STEP_WAIT = Duration.ofSeconds(60);

    private static Path profileDir;
    private static PipelineRun run;
    private static int apiPort;
    private static ChromeDriver driver;
    private static int totalBeforeSearch;

    /** The class runs only where both binaries exist; elsewhere JUnit reports it skipped with this reason. */
    static boolean browserInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            LOG.warn("MonitoringPageIT skipped: it needs Chromium at {} and chromedriver at {} ({})", CHROMIUM, CHROMEDRIVER, INSTALL_HINT);
        }
        return installed;
    }

    @BeforeAll
    static void openThePage() throws Exception {
        DemoPipelineExtension.Pipeline pipeline = DemoPipelineExtension.pipeline();
        run = pipeline.run();
        apiPort = pipeline.apiPort();
        profileDir = Files.createTempDirectory("pantau-page-it-chromium-");
        driver = startChromium(profileDir);
        driver.get("http://127.0.0.1:" + apiPort + "/");
        // Survives only as long as the document: gone after any reload.
        js("window.pantauNoReload = 'page-it';");
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            delete(profileDir);
        }
    }

    @AfterEach
    void screenshot(TestInfo test) throws IOException {
        if (driver != null) {
            Files.createDirectories(SCREENSHOTS);
            Path shot = SCREENSHOTS.resolve("monitoring-page-" + test.getTestMethod().orElseThrow().getName() + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("it=screenshot file={}", shot.toAbsolutePath());
        }
    }

    @Test
    @Order(1)
    void shouldShowResultsAndFacetsOnceTheKeyIsEntered() {
        assertThat(driver.getTitle()).isEqualTo("pantau: pemantauan berita daerah");
        assertThat(driver.findElement(By.id("key-form")).isDisplayed()).isTrue();

        driver.findElement(By.id("key-input")).sendKeys(API_KEY);
        driver.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        // The page searches once when the key is entered; press Search until the pipeline has indexed a story of every outlet.
        waitUntil(PIPELINE_WAIT, "the Mempawah story among the results and all five demo outlets in the facets", () -> {
            if (!resultTitles().contains(MEMPAWAH_TITLE) || facetKeys("outlet").size() < 5) {
                driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
                return false;
            }
            return true;
        });

        assertThat(driver.findElement(By.id("key-status")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("message")).getText()).isEmpty();
        totalBeforeSearch = total();
        assertThat(resultTitles()).hasSize(Math.min(totalBeforeSearch, 20));
        assertThat(facetKeys("outlet")).containsExactlyInAnyOrder("infopublik", "kalbaronline", "suara-borneo", "tanjungpura", "tribun-pontianak");
        assertThat(facetKeys("region")).contains("61.02");
        assertThat(facetKeys("topic")).contains("neutrality.appeal");
        assertThat(facetKeys("official")).contains("ismail-pj-bupati-mempawah");
        waitUntil(STEP_WAIT, "the live feed connected", () -> text("feed-status").equals("live"));
        assertThat(text("feed-filters")).isEqualTo("all new articles");
    }

    @Test
    @Order(2)
    void shouldNarrowTheResultsToTheStoryOfTheSearchedPlace() {
        WebElement q = driver.findElement(By.id("q"));
        q.clear();
        q.sendKeys("Mempawah");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();

        waitUntil(STEP_WAIT, "only the Mempawah story in the results", () -> {
            List<String> titles = resultTitles();
            return !titles.isEmpty() && titles.stream().allMatch(MEMPAWAH_TITLE::equals) && facetKeys("outlet").size() == 1;
        });
        assertThat(facetKeys("outlet")).containsExactly("tribun-pontianak");
        assertThat(facetKeys("official")).contains("ismail-pj-bupati-mempawah").doesNotContain("togap-simangunsong-pjs-gubernur-kaltara");
        // Each demo story is repeated under new URLs, so the index grows: the narrowed total is measured against the first one.
        assertThat(total()).isPositive().isLessThan(totalBeforeSearch);
        assertThat(resultTitles()).hasSize(Math.min(total(), 20));
    }

    @Test
    @Order(3)
    void shouldShowNewArticlesOfTheActiveFiltersInTheLiveFeedWithoutReload() {
        // The search above reconnected the feed with q=Mempawah: only the Mempawah story's new copies arrive.
        waitUntil(STEP_WAIT, "the feed following q=Mempawah", () -> text("feed-filters").equals("new articles matching q: Mempawah"));
        waitUntil(STEP_WAIT, "a new article in the live feed", () -> !feedTitles().isEmpty());
        assertThat(feedTitles()).containsOnly(MEMPAWAH_TITLE);

        driver.findElement(By.id("q")).clear();
        driver.findElement(By.cssSelector("#search-form input[name=outlet]")).sendKeys("suara-borneo");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();

        waitUntil(STEP_WAIT, "the feed following outlet=suara-borneo", () -> text("feed-filters").equals("new articles matching outlet: suara-borneo"));
        waitUntil(STEP_WAIT, "two new suara-borneo articles in the live feed", () -> feedOutlets().size() >= 2);
        assertThat(feedOutlets()).containsOnly("suara-borneo");
        assertThat(feedTitles()).containsOnly("Togap Simangunsong Minta ASN Bulungan Jaga Netralitas");
        assertThat(js("return window.pantauNoReload;")).isEqualTo("page-it");
    }

    @Test
    @Order(4)
    void shouldListTheRaisedAlertAndANewOneWithoutReload() throws Exception {
        // The pipeline's own alert for the Mempawah story (the list refreshes every 15 s).
        waitUntil(STEP_WAIT, "the neutrality alert of the Mempawah story", () -> alertLines().stream()
                .anyMatch(line -> line.contains(MEMPAWAH_TITLE) && line.contains("neutrality-appeal-kalimantan · tribun-pontianak")));
        // One more, published after the page has shown its list: it must appear without a reload.
        String alertId = "page-it-" + UUID.randomUUID();
        assertThat(driver.findElements(By.cssSelector("#alerts li[data-alert-id='" + alertId + "']"))).isEmpty();
        publishAlert(alertId, "Uji halaman: peringatan baru untuk Kabupaten Mempawah");

        waitUntil(STEP_WAIT, "the new alert " + alertId, () -> !driver.findElements(By.cssSelector("#alerts li[data-alert-id='" + alertId + "']")).isEmpty());
        WebElement alert = driver.findElement(By.cssSelector("#alerts li[data-alert-id='" + alertId + "']"));
        assertThat(alert.findElement(By.className("title")).getText()).isEqualTo("Uji halaman: peringatan baru untuk Kabupaten Mempawah");
        assertThat(alert.findElement(By.className("meta")).getText()).startsWith("page-it-rule · tribun-pontianak · ");
        assertThat(js("return window.pantauNoReload;")).isEqualTo("page-it");
    }

    @Test
    @Order(5)
    void shouldServeItsFaviconAndLogNoErrorInTheConsole() {
        Object favicon = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('link[rel=icon]').href)
                  .then((r) => done(r.status + ' ' + r.headers.get('Content-Type')), (e) => done(String(e)));""");
        List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();

        assertThat(favicon).isEqualTo("200 image/svg+xml");
        assertThat(console).as("console messages: 404s, CSP refusals and script errors would show here")
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).isEmpty();
    }

    private static ChromeDriver startChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root Chromium needs --no-sandbox; without the background-networking flags it tries to reach Google and is refused.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void publishAlert(String alertId, String title) throws Exception {
        Alert alert = Alert.newBuilder().setAlertId(alertId).setRuleId("page-it-rule").setArticleId("article-" + alertId).setArticleVersion(1)
                .setStoryClusterId("cluster-" + alertId).setOutletId("tribun-pontianak").setTitle(title).setUrl("http://127.0.0.2/uji-halaman/")
                .setReason("published by MonitoringPageIT").setRaisedAt(Instant.now()).build();
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.stack().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alertId, alert)).get();
        }
    }

    private static int total() {
        String shown = text("total");
        assertThat(shown).matches("1 article|\\d+ articles");
        return Integer.parseInt(shown.substring(0, shown.indexOf(' ')));
    }

    private static List<String> resultTitles() {
        return texts("#results > li > .title");
    }

    private static List<String> feedTitles() {
        return texts("#feed > li > .title");
    }

    /** The outlet of each feed item: the first part of its "outlet · date · section" line. */
    private static List<String> feedOutlets() {
        return texts("#feed > li > .meta").stream().map(meta -> meta.split(" · ")[0]).toList();
    }

    private static List<String> alertLines() {
        return texts("#alerts > li");
    }

    /** The keys of a facet's values: each button's title is "filter by KEY". */
    private static List<String> facetKeys(String facet) {
        return driver.findElements(By.cssSelector(".facet[data-facet='" + facet + "'] li > button:first-child")).stream()
                .map(button -> button.getDomAttribute("title").substring("filter by ".length())).toList();
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Polls {@code condition} every 500 ms; fails after {@code wait} naming {@code what} and the page's message line. */
    private static void waitUntil(Duration wait, String what, BooleanSupplier condition) {
        long begin = System.nanoTime();
        new WebDriverWait(driver, wait, Duration.ofMillis(500))
                .withMessage(() -> what + " (page message: '" + text("message") + "', feed: '" + text("feed-status") + "')")
                .ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
        LOG.info("it=seen what=\"{}\" afterMs={}", what, (System.nanoTime() - begin) / 1_000_000);
    }

    private static void delete(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
