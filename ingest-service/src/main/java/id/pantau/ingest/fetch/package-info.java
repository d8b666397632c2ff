/** Polite HTTP fetching: robots.txt, per-host pacing, retries, size and address limits, outcomes as data. */
@NullMarked
package id.pantau.ingest.fetch;

import org.jspecify.annotations.NullMarked;
