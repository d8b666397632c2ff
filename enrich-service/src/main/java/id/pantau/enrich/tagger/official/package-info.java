/** Official tagging: reference officials, title-pattern discovery of officials and linking of later mentions. */
@NullMarked
package id.pantau.enrich.tagger.official;

import org.jspecify.annotations.NullMarked;
