/** Scoring of extracted article bodies against a ground truth, and the benchmark runner. */
@NullMarked
package id.pantau.ingest.extract.evaluation;

import org.jspecify.annotations.NullMarked;
