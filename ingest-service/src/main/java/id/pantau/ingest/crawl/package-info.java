/** Processing of crawl requests: per-host queues, fetch, extract, version decision, publish or dead letter. */
@NullMarked
package id.pantau.ingest.crawl;

import org.jspecify.annotations.NullMarked;
