/**
 * Article extraction with jsoup: layered metadata (JSON-LD, OpenGraph, microdata), outlet profile
 * selectors and the generic main-content extractor, producing {@link id.pantau.ingest.extract.ExtractedArticle}.
 */
@NullMarked
package id.pantau.ingest.extract;

import org.jspecify.annotations.NullMarked;
