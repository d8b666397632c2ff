/** Finds candidate article URLs in feeds, sitemaps, section pages and robots.txt, and normalises them. */
@NullMarked
package id.pantau.ingest.discovery;

import org.jspecify.annotations.NullMarked;
