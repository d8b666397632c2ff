/** Deserialization and processing exception handlers that send bad records to the dead-letter topic. */
@NullMarked
package id.pantau.enrich.error;

import org.jspecify.annotations.NullMarked;
