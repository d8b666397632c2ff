/** Topic tagging: rules in Lucene query syntax matched on an in-memory Lucene index of each article. */
@NullMarked
package id.pantau.enrich.tagger.topic;

import org.jspecify.annotations.NullMarked;
