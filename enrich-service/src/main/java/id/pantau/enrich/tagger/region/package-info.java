/** Region tagging: the Indonesian gazetteer and context-aware matching of provinces, regencies, cities and districts. */
@NullMarked
package id.pantau.enrich.tagger.region;

import org.jspecify.annotations.NullMarked;
