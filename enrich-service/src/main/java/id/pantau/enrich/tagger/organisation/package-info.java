/** Organisation tagging: national bodies and regional institutions such as Polda or Pemkab of a region. */
@NullMarked
package id.pantau.enrich.tagger.organisation;

import org.jspecify.annotations.NullMarked;
