package id.pantau.ingest.extract.field;

import org.jspecify.annotations.Nullable;

/**
 * A dateline split from the start of a body paragraph. Immutable.
 *
 * @param text the dateline as printed, whitespace normalised, e.g. "TRIBUNPONTIANAK.CO.ID, MEMPAWAH -"
 * @param place the place it names in title case ("Mempawah"), or null when it names only the outlet
 * @param remainder the paragraph without the dateline
 */
public record Dateline(String text, @Nullable String place, String remainder) {}
