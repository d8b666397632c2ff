/** Near-duplicate detection that groups copies of one story under a story cluster id. */
@NullMarked
package id.pantau.enrich.story;

import org.jspecify.annotations.NullMarked;
