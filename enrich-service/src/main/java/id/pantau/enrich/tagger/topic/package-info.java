/** Topic tagging: rules in Lucene query syntax matched with Lucene Monitor. */
@NullMarked
package id.pantau.enrich.tagger.topic;

import org.jspecify.annotations.NullMarked;
