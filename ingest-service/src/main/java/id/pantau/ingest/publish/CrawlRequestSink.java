package id.pantau.ingest.publish;

import id.pantau.schemas.avro.CrawlRequest;

/** Where discovered URLs go to be fetched. Implementations are thread-safe. */
@FunctionalInterface
public interface CrawlRequestSink {

    /** Queues a request, keyed by the URL's host. */
    void request(String host, CrawlRequest request);
}
