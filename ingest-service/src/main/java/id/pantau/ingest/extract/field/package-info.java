/**
 * Parsers for single article fields as Indonesian outlets print them: dates, bylines and datelines.
 * Pure functions, thread-safe.
 */
@NullMarked
package id.pantau.ingest.extract.field;

import org.jspecify.annotations.NullMarked;
