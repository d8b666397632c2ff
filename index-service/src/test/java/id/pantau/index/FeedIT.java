package id.pantau.index;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.index.api.FeedHub;
import id.pantau.index.config.IndexConfig;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import id.pantau.schemas.Topics;
import id.pantau.schemas.avro.EnrichedArticle;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class FeedIT {

    private static IndexApp.Running service;
    private static LocalStack stack;
    private static KafkaProducer<String, EnrichedArticle> producer;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(LocalStack localStack) {
        stack = localStack;
        ItSupport.topics(stack);
        producer = ItSupport.articleProducer(stack);
        service = IndexApp.start(ItSupport.config(stack, "it-feed-" + UUID.randomUUID(), List.of()));
    }

    @AfterAll
    static void stop() {
        service.close();
        producer.close();
    }

    /** One SSE event: its id and data. */
    record Event(String id, String data) {}

    @Test
    void shouldStreamNewArticlesPassingTheFiltersAndResumeFromLastEventId() throws Exception {
        String outlet = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/feed?outlet=" + outlet + "&region=61.04";
        BlockingQueue<Event> first = new LinkedBlockingQueue<>();
        CountDownLatch live = new CountDownLatch(1);
        Thread reader = connect(path, null, first, true, live);
        assertThat(live.await(20, TimeUnit.SECONDS)).isTrue();

        ItSupport.send(producer, TestArticles.pontianak(outlet + "-skip", 1, outlet));
        ItSupport.send(producer, TestArticles.mempawah(outlet + "-1", 1, outlet));
        Event one = first.poll(60, TimeUnit.SECONDS);
        reader.interrupt();

        assertThat(one).isNotNull();
        assertThat(one.data()).contains("\"article_id\":\"" + outlet + "-1\"");
        assertThat(one.id()).endsWith("_" + outlet + "-1");

        // While disconnected, two more matching articles are indexed; resuming must deliver exactly them.
        ItSupport.send(producer, TestArticles.mempawah(outlet + "-2", 1, outlet));
        ItSupport.send(producer, TestArticles.mempawah(outlet + "-3", 1, outlet));
        ItSupport.await(Duration.ofSeconds(60), () -> ItSupport.get(service.apiPort(), "/api/articles/" + outlet + "-3").status() == 200);
        BlockingQueue<Event> resumed = new LinkedBlockingQueue<>();
        Thread second = connect(path, one.id(), resumed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Event event = resumed.poll(60, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            ids.add(event.id().substring(event.id().indexOf('_') + 1));
        }
        Event extra = resumed.poll(2, TimeUnit.SECONDS);
        second.interrupt();

        assertThat(ids).containsExactly(outlet + "-2", outlet + "-3");
        assertThat(extra).isNull();
    }

    @Test
    void shouldResumeExactlyAfterTheLastEventWhenArticlesShareAMillisecond() throws Exception {
        String outlet = "feedms-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/feed?outlet=" + outlet;
        BlockingQueue<Event> first = new LinkedBlockingQueue<>();
        CountDownLatch live = new CountDownLatch(1);
        Thread reader = connect(path, null, first, true, live);
        assertThat(live.await(20, TimeUnit.SECONDS)).isTrue();

        // Sent together: consumed in one poll, many mapped in the same millisecond, acknowledged by different bulk requests.
        int n = 60;
        for (int i = 0; i < n; i++) {
            String id = outlet + "-" + (char) ('z' - i % 26) + i; // ids not in send order
            producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), id, TestArticles.mempawah(id, 1, outlet)));
        }
        producer.flush();
        List<Event> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Event event = first.poll(60, TimeUnit.SECONDS);
            assertThat(event).as("live event %d of %d", i + 1, n).isNotNull();
            all.add(event);
        }
        reader.interrupt();

        List<FeedHub.Position> positions = all.stream().map(e -> FeedHub.position(e.id())).toList();
        for (int i = 1; i < n; i++) {
            assertThat(positions.get(i)).as("live order at %d", i).isGreaterThan(positions.get(i - 1));
        }
        int cut = n / 2;
        for (int i = 1; i < n - 1; i++) {
            if (positions.get(i).indexedAt() == positions.get(i + 1).indexedAt()) {
                cut = i; // the last event received shares its millisecond with the next one
                break;
            }
        }
        List<String> rest = all.subList(cut + 1, n).stream().map(Event::id).toList();

        // From this instance's buffer.
        assertThat(resume(service.apiPort(), path, all.get(cut).id(), rest.size())).isEqualTo(rest);
        // From Elasticsearch: an instance whose buffer holds one event and that published none of these.
        IndexConfig base = ItSupport.config(stack, "it-feed-es-" + UUID.randomUUID(), List.of());
        IndexConfig.Api api = base.api();
        IndexConfig tiny = new IndexConfig(base.kafka(), base.elasticsearch(), base.bulk(),
                new IndexConfig.Api(true, api.host(), 0, api.keySha256(), api.maxPageSize(), 1), base.alerts());
        try (IndexApp.Running other = IndexApp.start(tiny)) {
            assertThat(resume(other.apiPort(), path, all.get(cut).id(), rest.size())).isEqualTo(rest);
        }
    }

    /** Connects with {@code lastEventId} and returns the ids of the next {@code expected} events, failing on one more. */
    private static List<String> resume(int port, String path, String lastEventId, int expected) throws InterruptedException {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread reader = connect(port, path, lastEventId, events, true, new CountDownLatch(1));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            Event event = events.poll(60, TimeUnit.SECONDS);
            assertThat(event).as("resumed event %d of %d", i + 1, expected).isNotNull();
            ids.add(event.id());
        }
        Event extra = events.poll(2, TimeUnit.SECONDS);
        reader.interrupt();
        assertThat(extra).as("an event after the expected ones").isNull();
        return ids;
    }

    @Test
    void shouldStreamToABrowserStyleClientWithTheKeyInTheQueryAndServeThePage() throws Exception {
        String outlet = "feedkey-" + UUID.randomUUID().toString().substring(0, 8);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        CountDownLatch live = new CountDownLatch(1);
        // As the page's EventSource does: no header, the key as ?key=, filters beside it.
        Thread reader = connect("/api/feed?key=" + ItSupport.API_KEY + "&outlet=" + outlet, null, events, false, live);
        assertThat(live.await(20, TimeUnit.SECONDS)).isTrue();

        ItSupport.send(producer, TestArticles.pontianak(outlet + "-1", 1, outlet));
        Event event = events.poll(60, TimeUnit.SECONDS);
        reader.interrupt();
        ItSupport.Response page = ItSupport.get(service.apiPort(), "/", null);
        ItSupport.Response searchWithQueryKey = ItSupport.get(service.apiPort(), "/api/search?key=" + ItSupport.API_KEY, null);

        assertThat(event).isNotNull();
        assertThat(event.id()).endsWith("_" + outlet + "-1");
        assertThat(event.data()).contains("\"article_id\":\"" + outlet + "-1\"", "\"official_names\":[\"Harisson\"]");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<script src=\"app.js\" defer></script>");
        assertThat(searchWithQueryKey.status()).isEqualTo(401);
    }

    private static Thread connect(String path, String lastEventId, BlockingQueue<Event> events) {
        return connect(path, lastEventId, events, true, new CountDownLatch(1));
    }

    /** Reads the feed on a virtual thread; {@code live} opens at the server's ": live" comment, sent once subscribed. */
    private static Thread connect(String path, String lastEventId, BlockingQueue<Event> events, boolean keyHeader, CountDownLatch live) {
        return connect(service.apiPort(), path, lastEventId, events, keyHeader, live);
    }

    private static Thread connect(int port, String path, String lastEventId, BlockingQueue<Event> events, boolean keyHeader, CountDownLatch live) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        if (keyHeader) {
            request.header("X-Api-Key", ItSupport.API_KEY);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String id = null;
                    String data = null;
                    String line;
                    while (!Thread.currentThread().isInterrupted() && (line = lines.readLine()) != null) {
                        if (line.equals(": live")) {
                            live.countDown();
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                        } else if (line.startsWith("data:")) {
                            data = line.substring(5).strip();
                        } else if (line.isEmpty() && data != null) {
                            events.add(new Event(id, data));
                            id = null;
                            data = null;
                        }
                    }
                }
            } catch (Exception e) {
                // The test interrupts the reader when it is done.
            }
        });
        return thread;
    }
}
