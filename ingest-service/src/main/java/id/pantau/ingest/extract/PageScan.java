package id.pantau.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * What every extraction layer needs from one parsed page, gathered in a single walk over the
 * unmodified document instead of one walk per selector: the metas, links, the anchors that may lead
 * to a further page, {@code <time>} and {@code itemprop} elements, JSON-LD scripts, first {@code h1},
 * the {@code html[lang]} element, the matches of each profile selector, and the body layer's noise
 * roots, body containers and body text.
 *
 * <p>The body layer's result is the one of removing the default noise, then the profile's noise, then
 * selecting the profile's body on what is left. Gathered in the same walk it is exact when the noise
 * and body selectors only look at an element and its ancestors (no pseudo-classes, no sibling
 * combinators): an element outside every removed subtree keeps its ancestors, so it matches the same
 * before and after the removal. Otherwise {@link #bodyScanned()} is false and the caller removes and
 * selects the old way. One instance per page; not thread-safe.
 */
final class PageScan {

    private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");
    private static final Evaluator HTML_LANG = QueryParser.parse("html[lang]");

    private final Document doc;
    private final String[] selectors;
    private final SelectorSet selectorSet;
    private final List<List<Element>> matches;
    /** Bits of {@link #selectorSet} results: the profile's noise and body selectors (0 when not scanned). */
    private final int noiseBit;
    private final int bodyBit;
    private final boolean bodyScanned;

    final List<Element> metas = new ArrayList<>(32);
    final List<Element> links = new ArrayList<>();
    /** The anchors that may lead to a further page of the article, in document order (see {@link NextPages}). */
    final List<PaginationAnchor> paginationAnchors = new ArrayList<>();
    final List<Element> times = new ArrayList<>();
    final List<Element> itemprops = new ArrayList<>();
    final List<Element> ldScripts = new ArrayList<>();
    private @Nullable Element firstH1;
    private @Nullable Element htmlLang;
    private @Nullable Element canonical;
    private final List<Element> noiseRoots = new ArrayList<>();
    private final List<Element> bodyContainers = new ArrayList<>();
    private @Nullable Element openNoise;
    /** Whether the walk reads the body text too (see {@link #bodyBlocks()}). */
    private final boolean gatherBody;
    /** The body container being read, and the element under it whose text is skipped, if any. */
    private @Nullable Element openBody;
    private @Nullable Element skippedInBody;
    /** A body container inside another: its text would be read twice, so the walk's reading is given up. */
    private boolean nestedBody;
    private final BodyText.Blocks bodyBlocks = new BodyText.Blocks();
    /** Per depth: the {@link BodyText#kind} of the element open there when its text is read, else {@link BodyText#INLINE}. */
    private int[] bodyKinds = new int[64];

    private PageScan(Document doc, Layout layout) {
        this.doc = doc;
        this.selectors = layout.selectors();
        this.matches = new ArrayList<>(selectors.length);
        for (int i = 0; i < selectors.length; i++) {
            matches.add(new ArrayList<>());
        }
        this.bodyScanned = layout.bodyScanned();
        this.noiseBit = layout.noiseBit();
        this.bodyBit = layout.bodyBit();
        this.gatherBody = bodyScanned && bodyBit != 0;
        this.selectorSet = SelectorSet.of(layout.plan());
    }

    /**
     * What a scan takes from a profile: the selectors whose matches it keeps, the compiled set of those
     * and the body layer's selectors, and the bits of the latter. Worked out once per profile.
     */
    private record Layout(String[] selectors, SelectorSet.Plan plan, int noiseBit, int bodyBit, boolean bodyScanned) {

        private static final ConcurrentHashMap<ExtractionProfile, Layout> WITH_FIELDS = new ConcurrentHashMap<>();
        private static final ConcurrentHashMap<ExtractionProfile, Layout> WITHOUT_FIELDS = new ConcurrentHashMap<>();
        private static final int MAX_CACHED = 1_000;

        /**
         * Layouts by profile instance, read without hashing the record's selectors: a crawler passes the
         * same few profile instances again and again. Copied on write, so reads take no lock.
         */
        private static volatile Map<ExtractionProfile, Layout> withFieldsByInstance = new IdentityHashMap<>();
        private static volatile Map<ExtractionProfile, Layout> withoutFieldsByInstance = new IdentityHashMap<>();

        static Layout of(ExtractionProfile profile, boolean fields) {
            Layout known = (fields ? withFieldsByInstance : withoutFieldsByInstance).get(profile);
            if (known != null) {
                return known;
            }
            ConcurrentHashMap<ExtractionProfile, Layout> cache = fields ? WITH_FIELDS : WITHOUT_FIELDS;
            Layout layout = cache.get(profile);
            if (layout == null) {
                layout = compute(profile, fields);
                if (cache.size() < MAX_CACHED) {
                    cache.put(profile, layout);
                }
            }
            if ((fields ? withFieldsByInstance : withoutFieldsByInstance).size() < MAX_CACHED) {
                rememberInstance(profile, fields, layout);
            }
            return layout;
        }

        private static synchronized void rememberInstance(ExtractionProfile profile, boolean fields, Layout layout) {
            Map<ExtractionProfile, Layout> current = fields ? withFieldsByInstance : withoutFieldsByInstance;
            if (current.size() >= MAX_CACHED) {
                return;
            }
            Map<ExtractionProfile, Layout> copy = new IdentityHashMap<>(current);
            copy.put(profile, layout);
            if (fields) {
                withFieldsByInstance = copy;
            } else {
                withoutFieldsByInstance = copy;
            }
        }

        private static Layout compute(ExtractionProfile profile, boolean fields) {
            Set<String> wanted = new LinkedHashSet<>();
            if (fields) {
                addIfSet(wanted, profile.title());
                addIfSet(wanted, profile.published());
                addIfSet(wanted, profile.authors());
                addIfSet(wanted, profile.editor());
                addIfSet(wanted, profile.section());
                addIfSet(wanted, profile.tags());
                addIfSet(wanted, profile.dateline());
            }
            addIfSet(wanted, profile.nextPage());
            String[] selectors = wanted.toArray(String[]::new);
            boolean simple = profile.body() == null || isAncestorOnly(profile.body());
            for (String n : profile.noise()) {
                simple &= isAncestorOnly(n);
            }
            List<String> all = new ArrayList<>(List.of(selectors));
            int noiseBit = simple && !profile.noise().isEmpty() ? bit(all, profile.noiseSelector()) : 0;
            int bodyBit = simple && profile.body() != null ? bit(all, profile.body()) : 0;
            return new Layout(selectors, SelectorSet.plan(all, simple ? DefaultNoise.CLASS_NAMES : List.of()), noiseBit, bodyBit, simple);
        }
    }

    /**
     * An anchor that may lead to a further page: {@code rel=next}, or {@code text} is its label as {@link
     * NextPages#paginationText} reads it (null when the label is not one).
     */
    record PaginationAnchor(Element element, boolean isRelNext, @Nullable String text) {}

    /** Walks {@code doc} once; {@code fields} false gathers only what a further page of an article needs. */
    static PageScan of(Document doc, ExtractionProfile profile, boolean fields) {
        PageScan scan = new PageScan(doc, Layout.of(profile, fields));
        scan.walk();
        return scan;
    }

    /**
     * Visits the elements of the document in document order, entering each ({@link #head}) before its
     * children and leaving it ({@link #tail}) after them; the document is at depth 0. Only elements are
     * visited, and without recursion, so a deeply nested page cannot overflow the stack.
     */
    private void walk() {
        Element[] path = new Element[64];
        int[] nextChild = new int[64];
        path[0] = doc;
        head(doc, 0);
        int depth = 0;
        while (depth >= 0) {
            Element parent = path[depth];
            int size = parent.childNodeSize();
            int i = nextChild[depth];
            Element child = null;
            while (i < size && child == null) {
                Node node = parent.childNode(i++);
                if (node instanceof Element element) {
                    child = element;
                } else if (openBody != null && openNoise == null && skippedInBody == null && node instanceof TextNode text) {
                    bodyBlocks.append(text.getWholeText());
                }
            }
            nextChild[depth] = i;
            if (child == null) {
                tail(parent, depth);
                depth--;
                continue;
            }
            depth++;
            if (depth == path.length) {
                path = Arrays.copyOf(path, depth * 2);
                nextChild = Arrays.copyOf(nextChild, depth * 2);
            }
            path[depth] = child;
            nextChild[depth] = 0;
            head(child, depth);
        }
    }

    /** A selector that looks only at the element and its ancestors: no pseudo-classes, no sibling combinators. */
    static boolean isAncestorOnly(String selector) {
        return selector.indexOf(':') < 0 && selector.indexOf('+') < 0 && selector.indexOf('~') < 0;
    }

    /** The bit of {@code selector} in {@code all}, added at the end. */
    private static int bit(List<String> all, String selector) {
        all.add(selector);
        return 1 << (all.size() - 1);
    }

    private static void addIfSet(Set<String> wanted, @Nullable String selector) {
        if (selector != null) {
            wanted.add(selector);
        }
    }

    private void head(Element e, int depth) {
        switch (e.normalName()) {
            case "meta" -> metas.add(e);
            case "link" -> {
                links.add(e);
                if (canonical == null && CANONICAL.matches(doc, e)) {
                    canonical = e;
                }
            }
            case "a" -> {
                // read while the walk is at the anchor, so pagination does not visit every anchor again
                boolean relNext = attribute(e, "rel").equalsIgnoreCase("next");
                String text = NextPages.paginationText(e);
                if (relNext || text != null) {
                    paginationAnchors.add(new PaginationAnchor(e, relNext, text));
                }
            }
            case "time" -> times.add(e);
            case "h1" -> {
                if (firstH1 == null) {
                    firstH1 = e;
                }
            }
            case "html" -> {
                if (htmlLang == null && HTML_LANG.matches(doc, e)) {
                    htmlLang = e;
                }
            }
            case "script" -> {
                if (e.attributesSize() > 0 && e.attributes().get("type").equalsIgnoreCase("application/ld+json")) {
                    ldScripts.add(e);
                }
            }
            default -> {}
        }
        String classes = "";
        String id = "";
        if (e.attributesSize() > 0) {
            // exact keys: the HTML parser has lower-cased every attribute name (and dropped duplicates)
            Attributes attributes = e.attributes();
            if (attributes.hasKey("itemprop")) {
                itemprops.add(e);
            }
            classes = attributes.get("class");
            id = attributes.get("id");
        }
        int matched = selectorSet.head(doc, e, classes, id, depth);
        for (int i = 0; matched != 0 && i < selectors.length; i++) {
            if ((matched & (1 << i)) != 0) {
                matches.get(i).add(e);
            }
        }
        boolean noiseMatch = (matched & noiseBit) != 0;
        boolean bodyMatch = (matched & bodyBit) != 0;
        if (bodyScanned && openNoise == null) {
            // the document itself is never removed (depth 0), as in DefaultNoise and Node.remove()
            if (depth > 0 && (noiseMatch || isDefaultNoise(e, classes, id))) {
                openNoise = e;
                noiseRoots.add(e);
            } else if (bodyMatch) {
                bodyContainers.add(e);
                if (gatherBody) {
                    openBodyContainer(e);
                }
            }
        }
        if (depth == bodyKinds.length) {
            bodyKinds = Arrays.copyOf(bodyKinds, depth * 2);
        }
        bodyKinds[depth] = BodyText.INLINE;
        if (openBody != null && openNoise == null && skippedInBody == null) {
            int kind = BodyText.kind(e.normalName());
            bodyKinds[depth] = kind;
            if (kind == BodyText.SKIPPED) {
                skippedInBody = e;
            } else if (kind != BodyText.INLINE) {
                bodyBlocks.flush();
            }
        }
    }

    private void openBodyContainer(Element e) {
        if (openBody != null) {
            nestedBody = true;
        } else {
            openBody = e;
        }
    }

    /** {@link DefaultNoise#isNoise(Element)}, with the class names already compared by the selector set when it could. */
    private boolean isDefaultNoise(Element e, String classes, String id) {
        return switch (selectorSet.classMark()) {
            case SelectorSet.MARKED -> true;
            case SelectorSet.UNMARKED -> DefaultNoise.isNoiseByTagOrId(e, id);
            default -> DefaultNoise.isNoise(e, classes, id);
        };
    }

    private void tail(Element e, int depth) {
        selectorSet.tail(depth);
        if (openBody != null) {
            // as a traversal of the container after the noise is removed: no tail for noise or a skipped element
            if (e == skippedInBody) {
                skippedInBody = null;
            } else if (openNoise == null && skippedInBody == null && bodyKinds[depth] == BodyText.BLOCK) {
                bodyBlocks.flush();
            }
            if (e == openBody) {
                bodyBlocks.flush();
                openBody = null;
            }
        }
        if (e == openNoise) {
            openNoise = null;
        }
    }

    /**
     * The value of attribute {@code name} (lower case) of {@code e}, else "": what {@code e.attr(name)}
     * gives on a parsed page, whose attribute names the HTML parser has lower-cased, without the
     * case-insensitive search and the {@code abs:} prefix check.
     */
    static String attribute(Element e, String name) {
        return e.attributesSize() == 0 ? "" : e.attributes().get(name);
    }

    /** Whether {@code e} has attribute {@code name} (lower case); see {@link #attribute}. */
    static boolean hasAttribute(Element e, String name) {
        return e.attributesSize() > 0 && e.attributes().hasKey(name);
    }

    /** The elements {@code selector} (one the scan was built for) matches, in document order. */
    List<Element> select(String selector) {
        for (int i = 0; i < selectors.length; i++) {
            if (selectors[i].equals(selector)) {
                return matches.get(i);
            }
        }
        throw new IllegalArgumentException("not scanned: " + selector);
    }

    @Nullable Element firstH1() {
        return firstH1;
    }

    @Nullable Element htmlLang() {
        return htmlLang;
    }

    /** The first {@code link[rel=canonical][href]}. */
    @Nullable Element canonical() {
        return canonical;
    }

    /**
     * The text blocks of the profile's body containers, outside the noise, as {@link BodyText#paragraphs}
     * reads them from the containers once the noise is removed (see {@link BodyText#paragraphsOfBlocks});
     * read in the walk, so the document need not be changed nor walked again. Null when the walk did not
     * read them: no body selector, a body layer not scanned, or a container inside another.
     */
    @Nullable List<String> bodyBlocks() {
        return gatherBody && !nestedBody ? bodyBlocks.done : null;
    }

    /** Whether the walk found the body layer's noise and containers (see the class comment). */
    boolean bodyScanned() {
        return bodyScanned;
    }

    /**
     * Removes the noise found from the document (outermost noise elements, default rules then the
     * profile's) and returns the profile's body containers in document order (empty without a body
     * selector). Only when {@link #bodyScanned()}; the field lists must have been read before.
     */
    List<Element> removeNoiseAndGetBody() {
        if (!bodyScanned) {
            throw new IllegalStateException("body layer not scanned");
        }
        for (Element root : noiseRoots) {
            root.remove();
        }
        return bodyContainers;
    }
}
