/** The immutable, validated configuration of index-service and how it is loaded. */
@NullMarked
package id.pantau.index.config;

import org.jspecify.annotations.NullMarked;
