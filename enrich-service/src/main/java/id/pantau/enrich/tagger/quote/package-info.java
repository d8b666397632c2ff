/** Direct quotes and their speakers. */
@NullMarked
package id.pantau.enrich.tagger.quote;

import org.jspecify.annotations.NullMarked;
