package id.pantau.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jspecify.annotations.Nullable;

/**
 * The pieces {@link SelectorSet} matches selectors with along one document-order walk (see {@link
 * PageScan}): a selector made only of tag, class and id compounds joined by descendant combinators
 * ({@code ".tags-links a"}, {@code "#article .credit, figure"}) is read into chains of {@link
 * Compound}s; a compound may end in {@code :last-child}. Any other selector is left to jsoup's
 * evaluator. Stateless.
 */
final class StreamingSelector {

    private StreamingSelector() {}

    private static final String[] NO_CLASSES = new String[0];
    private static final String LAST_CHILD = ":last-child";

    /**
     * The class name between {@code start} and {@code end} of a {@code class} attribute, each character
     * folded to {@code toLowerCase(toUpperCase(c))}. A name folds to an ASCII class name exactly when
     * {@code equalsIgnoreCase} (what {@link Element#hasClass} compares with) would match the two.
     */
    static String fold(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                char[] folded = new char[end - start];
                for (int j = start; j < end; j++) {
                    folded[j - start] = Character.toLowerCase(Character.toUpperCase(s.charAt(j)));
                }
                return new String(folded);
            }
        }
        return s.substring(start, end);
    }

    /**
     * The tag every element {@code selector} matches must have, when it says so plainly: one selector
     * (no comma, no parentheses) whose last compound, after the last space and with no {@code > + ~}
     * in it, starts with a tag name ({@code ".breadcrumb li:last-child a"} gives {@code "a"}); else
     * null. jsoup reads that tag as an {@code Evaluator.Tag} on the lower-cased name, which {@link
     * Element#nameIs} compares with.
     */
    static @Nullable String requiredTag(String selector) {
        String s = selector.strip();
        if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('(') >= 0 || s.indexOf('[') >= 0 || s.indexOf('\\') >= 0
                || s.indexOf('|') >= 0) {
            return null;
        }
        int start = s.length();
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) {
            start--;
        }
        String last = s.substring(start);
        if (last.indexOf('>') >= 0 || last.indexOf('+') >= 0 || last.indexOf('~') >= 0) {
            return null;
        }
        int end = 0;
        while (end < last.length() && (last.charAt(end) >= 'a' && last.charAt(end) <= 'z' || last.charAt(end) >= 'A' && last.charAt(end) <= 'Z'
                || end > 0 && (last.charAt(end) >= '0' && last.charAt(end) <= '9' || last.charAt(end) == '-'))) {
            end++;
        }
        if (end == 0 || end < last.length() && ".#:".indexOf(last.charAt(end)) < 0) {
            return null;
        }
        return last.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /**
     * The compounds of each comma-separated part, or null when the selector has more than tags, classes,
     * ids, pseudo-classes without arguments and spaces.
     */
    static @Nullable List<Compound[]> chains(String selector) {
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '#' || c == ',' || c == ' ' || c == ':')) {
                return null;
            }
        }
        List<Compound[]> chains = new ArrayList<>();
        for (String part : selector.split(",")) {
            String[] compounds = part.strip().split(" +");
            if (compounds.length == 0 || compounds[0].isEmpty() || compounds.length > 31) {
                return null;
            }
            Compound[] chain = new Compound[compounds.length];
            for (int i = 0; i < compounds.length; i++) {
                chain[i] = Compound.of(compounds[i]);
            }
            chains.add(chain);
        }
        return chains;
    }

    /**
     * One compound ({@code tag}, {@code .class}, {@code #id} in any combination, optionally ending in
     * {@code :last-child}) tested the way jsoup's evaluators test it: the tag by normal name, the id
     * exactly, each class with {@link Element#hasClass}, the last child as {@code
     * Evaluator.IsLastChild} does. A compound this does not read (another pseudo-class, a name that is
     * not ASCII) is left to jsoup's evaluator; it looks at the element and its siblings alone, and the
     * walk does not change the document, so either way the compound matches the same.
     */
    record Compound(@Nullable String tag, @Nullable String id, String[] classes, boolean lastChild, @Nullable Evaluator fallback) {

        static Compound of(String compound) {
            String tag = null;
            String id = null;
            List<String> classes = new ArrayList<>();
            boolean lastChild = compound.endsWith(LAST_CHILD);
            String plain = lastChild ? compound.substring(0, compound.length() - LAST_CHILD.length()) : compound;
            if (plain.indexOf(':') >= 0) {
                return new Compound(null, null, NO_CLASSES, false, PageFields.evaluator(compound));
            }
            int i = 0;
            int n = plain.length();
            while (i < n) {
                char kind = plain.charAt(i);
                int start = kind == '.' || kind == '#' ? i + 1 : i;
                int end = start;
                while (end < n && plain.charAt(end) != '.' && plain.charAt(end) != '#') {
                    end++;
                }
                String name = plain.substring(start, end);
                boolean ascii = !name.isEmpty() && name.chars().allMatch(ch -> ch < 128);
                if (!ascii || kind != '.' && kind != '#' && i != 0 || kind == '#' && id != null) {
                    return new Compound(null, null, NO_CLASSES, false, PageFields.evaluator(compound));
                }
                if (kind == '.') {
                    classes.add(name.toLowerCase(Locale.ROOT));
                } else if (kind == '#') {
                    id = name;
                } else {
                    tag = name.toLowerCase(Locale.ENGLISH);
                }
                i = end;
            }
            return new Compound(tag, id, classes.toArray(String[]::new), lastChild, null);
        }

        /** Whether {@code e}, whose {@code class} and {@code id} attributes a walk has read, matches the compound. */
        boolean matches(Element root, Element e, String classAttribute, String elementId) {
            if (fallback != null) {
                return fallback.matches(root, e);
            }
            if (tag != null && !e.nameIs(tag)) {
                return false;
            }
            if (id != null && !id.equals(elementId)) {
                return false;
            }
            for (String wanted : classes) {
                if (!hasClass(classAttribute, wanted)) {
                    return false;
                }
            }
            if (lastChild) {
                Element parent = e.parent();
                return parent != null && !(parent instanceof Document) && parent.lastElementChild() == e;
            }
            return true;
        }

        /** {@link Element#hasClass}: one of the whitespace-separated names of {@code classAttribute} equals {@code wanted} ignoring case. */
        static boolean hasClass(String classAttribute, String wanted) {
            int length = classAttribute.length();
            int wantedLength = wanted.length();
            if (length < wantedLength) {
                return false;
            }
            int start = 0;
            for (int i = 0; i <= length; i++) {
                if (i == length || Character.isWhitespace(classAttribute.charAt(i))) {
                    if (i - start == wantedLength && classAttribute.regionMatches(true, start, wanted, 0, wantedLength)) {
                        return true;
                    }
                    start = i + 1;
                }
            }
            return false;
        }
    }
}
