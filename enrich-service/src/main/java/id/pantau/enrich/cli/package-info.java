/** Command-line tool that runs the taggers on a plain text and prints the tags as JSON. */
@NullMarked
package id.pantau.enrich.cli;

import org.jspecify.annotations.NullMarked;
