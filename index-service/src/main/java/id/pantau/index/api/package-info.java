/** HTTP API: search with facets, article lookup, SSE live feed, alerts, health and metrics. */
@NullMarked
package id.pantau.index.api;

import org.jspecify.annotations.NullMarked;
