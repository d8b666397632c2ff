/** Alert rules and their matching against enriched articles. */
@NullMarked
package id.pantau.enrich.alert;

import org.jspecify.annotations.NullMarked;
