/** Text normalisation shared by the taggers, keeping a map from normalised offsets back to the original text. */
@NullMarked
package id.pantau.enrich.tagger.text;

import org.jspecify.annotations.NullMarked;
