/** Alert delivery to webhooks: signing, retries with backoff, delivery state kept in Elasticsearch. */
@NullMarked
package id.pantau.index.alerts;

import org.jspecify.annotations.NullMarked;
