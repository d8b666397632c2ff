package id.pantau.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * A CSS selector matched during one document-order walk (see {@link PageScan}). A selector made only
 * of tag, class and id compounds joined by descendant combinators ({@code ".tags-links a"}, {@code
 * "#article .credit, figure"}) keeps, per compound prefix, how many open ancestors satisfy it, so an
 * element is tested against each compound once instead of walking its ancestors for every candidate;
 * any other selector is handed to jsoup's evaluator. Matches exactly what {@code Element.select}
 * gives from the document root. One instance per walk; not thread-safe.
 */
abstract class StreamingSelector {

    /** Whether {@code e}, entered at {@code depth} (the document is 0), matches; called for every element in document order. */
    abstract boolean head(Element root, Element e, int depth);

    /** Called when the walk leaves the element entered at {@code depth}. */
    abstract void tail(int depth);

    static StreamingSelector of(String selector) {
        List<Evaluator[]> chains = chains(selector);
        return chains == null ? new Jsoup(PageFields.evaluator(selector)) : new Chains(chains);
    }

    /** The compounds of each comma-separated part, or null when the selector has more than tags, classes, ids and spaces. */
    static @Nullable List<Evaluator[]> chains(String selector) {
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '#' || c == ',' || c == ' ')) {
                return null;
            }
        }
        List<Evaluator[]> chains = new ArrayList<>();
        for (String part : selector.split(",")) {
            String[] compounds = part.strip().split(" +");
            if (compounds.length == 0 || compounds[0].isEmpty() || compounds.length > 31) {
                return null;
            }
            Evaluator[] chain = new Evaluator[compounds.length];
            for (int i = 0; i < compounds.length; i++) {
                chain[i] = PageFields.evaluator(compounds[i]);
            }
            chains.add(chain);
        }
        return chains;
    }

    private static final class Jsoup extends StreamingSelector {
        private final Evaluator evaluator;

        Jsoup(Evaluator evaluator) {
            this.evaluator = evaluator;
        }

        @Override
        boolean head(Element root, Element e, int depth) {
            return evaluator.matches(root, e);
        }

        @Override
        void tail(int depth) {}
    }

    private static final class Chains extends StreamingSelector {
        private final Evaluator[][] chains;
        /** Per chain and prefix length k: open elements where the first k compounds are satisfied, ending at that element. */
        private final int[][] open;
        /** Per depth, per chain: the prefixes the element open at that depth satisfies (bit k). */
        private int[][] marks = new int[64][];

        Chains(List<Evaluator[]> chains) {
            this.chains = chains.toArray(Evaluator[][]::new);
            this.open = new int[this.chains.length][];
            for (int c = 0; c < this.chains.length; c++) {
                open[c] = new int[this.chains[c].length];
            }
        }

        @Override
        boolean head(Element root, Element e, int depth) {
            if (depth >= marks.length) {
                marks = Arrays.copyOf(marks, depth * 2);
            }
            int[] mark = marks[depth];
            if (mark == null) {
                mark = marks[depth] = new int[chains.length];
            }
            boolean matched = false;
            for (int c = 0; c < chains.length; c++) {
                Evaluator[] chain = chains[c];
                int[] counts = open[c];
                int bits = 0;
                for (int k = 1; k <= chain.length; k++) {
                    // prefix k ends here: compound k-1 matches e and prefix k-1 ends at an ancestor
                    if ((k == 1 || counts[k - 1] > 0) && chain[k - 1].matches(root, e)) {
                        if (k == chain.length) {
                            matched = true;
                        } else {
                            bits |= 1 << k;
                        }
                    }
                }
                mark[c] = bits;
                for (int k = 1; bits != 0 && k < chain.length; k++) {
                    if ((bits & (1 << k)) != 0) {
                        counts[k]++;
                    }
                }
            }
            return matched;
        }

        @Override
        void tail(int depth) {
            int[] mark = marks[depth];
            for (int c = 0; c < chains.length; c++) {
                int bits = mark[c];
                for (int k = 1; bits != 0 && k < chains[c].length; k++) {
                    if ((bits & (1 << k)) != 0) {
                        open[c][k]--;
                    }
                }
            }
        }
    }
}
