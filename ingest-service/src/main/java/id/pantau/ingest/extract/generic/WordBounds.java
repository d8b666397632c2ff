package id.pantau.ingest.extract.generic;

/** Receives where each word sits in a text, {@code [start, end)}, so words are not cut out unless needed. */
@FunctionalInterface
interface WordBounds {
    void accept(int start, int end);
}
