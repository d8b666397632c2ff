/** Test helpers: a local HTTP server with named routes, fake clocks and recording sinks. */
@NullMarked
package id.pantau.ingest.testing;

import org.jspecify.annotations.NullMarked;
