/** Configuration of enrich-service: one immutable record built from defaults, an optional file and PANTAU_* variables. */
@NullMarked
package id.pantau.enrich.config;

import org.jspecify.annotations.NullMarked;
