/** Generic main-content extraction for outlets without a profile: block scoring on the jsoup DOM. */
@NullMarked
package id.pantau.ingest.extract.generic;

import org.jspecify.annotations.NullMarked;
