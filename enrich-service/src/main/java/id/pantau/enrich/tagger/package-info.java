/** Taggers: pure functions from an article's text to its regions, officials, organisations, topics and quotes. */
@NullMarked
package id.pantau.enrich.tagger;

import org.jspecify.annotations.NullMarked;
