package id.pantau.ingest.testing;

import id.pantau.ingest.publish.ArticlePublisher;
import id.pantau.ingest.publish.CrawlRequestSink;
import id.pantau.ingest.publish.DeadLetter;
import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.SeenArticle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would have gone to Kafka, for unit tests. Thread-safe. */
public class RecordingPublisher implements ArticlePublisher, CrawlRequestSink {

    public final List<RawArticle> articles = new CopyOnWriteArrayList<>();
    public final List<SeenArticle> seen = new CopyOnWriteArrayList<>();
    public final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    public final List<CrawlRequest> requests = new CopyOnWriteArrayList<>();
    public final List<String> requestKeys = new CopyOnWriteArrayList<>();

    @Override
    public void publish(RawArticle article, SeenArticle seenArticle) {
        articles.add(article);
        seen.add(seenArticle);
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        deadLetters.add(letter);
    }

    @Override
    public void undecodable(byte[] key, byte[] value, String reason, String message, DeadLetter.Source source) {
        deadLetters.add(new DeadLetter("", "", reason, message, null, source));
    }

    @Override
    public void request(String host, CrawlRequest request) {
        requestKeys.add(host);
        requests.add(request);
    }
}
