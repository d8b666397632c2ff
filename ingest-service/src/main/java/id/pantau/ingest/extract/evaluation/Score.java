package id.pantau.ingest.extract.evaluation;

import java.util.Collection;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Precision and recall as means over pages, and F1 from the two means, as the benchmark defines
 * them: a page with FP = FN = 0 counts 1; a page with TP + FP = 0 is left out of precision, one
 * with TP + FN = 0 out of recall.
 */
public record Score(double f1, double precision, double recall, int pages) {

    /** Scores the pages' counts. */
    public static Score of(Collection<PageCounts> pages) {
        double precision = mean(pages, true);
        double recall = mean(pages, false);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(f1, precision, recall, pages.size());
    }

    private static double mean(Collection<PageCounts> pages, boolean precision) {
        OptionalDouble mean = pages.stream()
                .map(page -> pageValue(page, precision))
                .filter(value -> !Double.isNaN(value))
                .mapToDouble(Double::doubleValue)
                .average();
        return mean.orElse(0);
    }

    /** The page's precision (or recall), NaN when it is skipped. */
    static double pageValue(PageCounts page, boolean precision) {
        if (page.fp() == 0 && page.fn() == 0) {
            return 1;
        }
        double other = precision ? page.fp() : page.fn();
        if (page.tp() + other == 0) {
            return Double.NaN;
        }
        return page.tp() / (page.tp() + other);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "F1 %.3f  P %.3f  R %.3f  (%d pages)", f1, precision, recall, pages);
    }
}
