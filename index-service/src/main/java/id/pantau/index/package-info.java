/** index-service: mirrors the enriched stream into Elasticsearch and serves search, feed and alert deliveries. */
@NullMarked
package id.pantau.index;

import org.jspecify.annotations.NullMarked;
