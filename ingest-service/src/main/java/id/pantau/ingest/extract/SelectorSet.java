package id.pantau.ingest.extract;

import id.pantau.ingest.extract.StreamingSelector.Compound;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jspecify.annotations.Nullable;

/**
 * Several CSS selectors matched together along one document-order walk (see {@link PageScan}). The
 * descendant chains of all of them (see {@link StreamingSelector}) are indexed by the first class,
 * else the tag, else the id of each compound, so an element is only tested against the compounds its
 * own class names, tag and id can satisfy; selectors that are not chains go to jsoup's evaluator.
 * Matches exactly what {@code Element.select} gives from the document root for each selector. One
 * instance per walk; not thread-safe (the compiled plan it shares is immutable).
 */
final class SelectorSet {

    private static final ConcurrentHashMap<PlanKey, Plan> PLANS = new ConcurrentHashMap<>();
    private static final int MAX_PLANS = 1_000;
    private static final int[] NONE = new int[0];

    /** The selectors and marked class names a plan is compiled for. */
    private record PlanKey(List<String> selectors, List<String> markedClasses) {}

    /** The compiled selectors: compounds with their chain and position, the index, and jsoup evaluators. Immutable. */
    record Plan(Compound[] compounds, int[] compoundChain, int[] compoundLevel, int[] chainOwner, int[] chainLength,
            Map<String, int[]> byClass, NameIndex classIndex, NameIndex tagIndex, NameIndex idIndex, int[] always,
            Evaluator[] jsoup, int[] jsoupOwner, @Nullable String[] jsoupTag) {

        static Plan of(List<String> selectors, List<String> markedClasses) {
            List<Compound> compounds = new ArrayList<>();
            List<int[]> positions = new ArrayList<>();
            List<int[]> chains = new ArrayList<>();
            List<Evaluator> jsoup = new ArrayList<>();
            List<Integer> jsoupOwner = new ArrayList<>();
            List<String> jsoupTag = new ArrayList<>();
            for (int owner = 0; owner < selectors.size(); owner++) {
                List<Compound[]> parsed = StreamingSelector.chains(selectors.get(owner));
                if (parsed == null) {
                    jsoup.add(PageFields.evaluator(selectors.get(owner)));
                    jsoupOwner.add(owner);
                    jsoupTag.add(StreamingSelector.requiredTag(selectors.get(owner)));
                    continue;
                }
                for (Compound[] chain : parsed) {
                    int chainId = chains.size();
                    chains.add(new int[] {owner, chain.length});
                    for (int level = 1; level <= chain.length; level++) {
                        compounds.add(chain[level - 1]);
                        positions.add(new int[] {chainId, level});
                    }
                }
            }
            Map<String, List<Integer>> byClass = new HashMap<>();
            Map<String, List<Integer>> byTag = new HashMap<>();
            Map<String, List<Integer>> byId = new HashMap<>();
            List<Integer> always = new ArrayList<>();
            for (int id = 0; id < compounds.size(); id++) {
                Compound c = compounds.get(id);
                if (c.fallback() != null) {
                    always.add(id);
                } else if (c.classes().length > 0) {
                    byClass.computeIfAbsent(c.classes()[0], k -> new ArrayList<>()).add(id);
                } else if (c.tag() != null) {
                    byTag.computeIfAbsent(c.tag(), k -> new ArrayList<>()).add(id);
                } else if (c.id() != null) {
                    byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(id);
                } else {
                    always.add(id);
                }
            }
            int[] compoundChain = positions.stream().mapToInt(p -> p[0]).toArray();
            int[] compoundLevel = positions.stream().mapToInt(p -> p[1]).toArray();
            Map<String, int[]> classArrays = arrays(byClass);
            return new Plan(compounds.toArray(Compound[]::new), compoundChain, compoundLevel, chains.stream().mapToInt(c -> c[0]).toArray(),
                    chains.stream().mapToInt(c -> c[1]).toArray(), classArrays, NameIndex.of(classArrays, markedClasses),
                    NameIndex.of(arrays(byTag), List.of()), NameIndex.of(arrays(byId), List.of()),
                    always.stream().mapToInt(Integer::intValue).toArray(), jsoup.toArray(Evaluator[]::new),
                    jsoupOwner.stream().mapToInt(Integer::intValue).toArray(), jsoupTag.toArray(String[]::new));
        }

        private static Map<String, int[]> arrays(Map<String, List<Integer>> lists) {
            Map<String, int[]> out = new HashMap<>();
            lists.forEach((key, ids) -> out.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
            return Map.copyOf(out);
        }
    }

    private final Plan plan;
    /** Per chain and prefix length: open elements where that prefix of the chain is satisfied, ending at the element. */
    private final int[][] open;
    /** Per compound: the last element (by visit number) it was tested on, so a repeated class name tests it once. */
    private final int[] testedAt;
    private int visit;
    /** Per depth: the compounds whose prefix the element open at that depth satisfies (they were counted in {@link #open}). */
    private int[][] marks = new int[64][];
    private int[] markSizes = new int[64];
    private int[] pending = new int[16];
    /** The owner bit of the last full match {@link #test} found, else 0. */
    private int lastMatch;
    private int classMark;

    static final int UNMARKED = 0;
    static final int MARKED = 1;
    static final int UNKNOWN = 2;

    private SelectorSet(Plan plan) {
        this.plan = plan;
        this.open = new int[plan.chainLength().length][];
        for (int c = 0; c < open.length; c++) {
            open[c] = new int[plan.chainLength()[c]];
        }
        this.testedAt = new int[plan.compounds().length];
        Arrays.fill(testedAt, -1);
    }

    /** A set for {@code selectors} (at most 31); the bit {@code 1 << i} of {@link #head} stands for {@code selectors.get(i)}. */
    static SelectorSet of(List<String> selectors) {
        return of(selectors, List.of());
    }

    /**
     * A set for {@code selectors} that also tells, for each element, whether one of its class names is
     * exactly one of {@code markedClasses} (plain lower-case ASCII names), read in the same pass over
     * the {@code class} attribute; see {@link #classMark()}.
     */
    static SelectorSet of(List<String> selectors, List<String> markedClasses) {
        return new SelectorSet(plan(selectors, markedClasses));
    }

    /** A set with a plan compiled before by {@link #plan}. */
    static SelectorSet of(Plan plan) {
        return new SelectorSet(plan);
    }

    /** The compiled plan of {@link #of(List, List)}, for a caller that keeps it. */
    static Plan plan(List<String> selectors, List<String> markedClasses) {
        if (selectors.size() > 31) {
            throw new IllegalArgumentException("at most 31 selectors, got " + selectors.size());
        }
        PlanKey key = new PlanKey(selectors, markedClasses);
        Plan plan = PLANS.get(key);
        if (plan == null) {
            plan = Plan.of(selectors, markedClasses);
            if (PLANS.size() < MAX_PLANS) {
                PLANS.put(new PlanKey(List.copyOf(selectors), List.copyOf(markedClasses)), plan);
            }
        }
        return plan;
    }

    /**
     * For the element of the last {@link #head}: {@link #MARKED} when one of its class names (split at
     * whitespace) is exactly a marked class, else {@link #UNMARKED} when every name is plain ASCII
     * (letters, digits, '-', '_'), else {@link #UNKNOWN}: a name with other characters was not compared.
     */
    int classMark() {
        return classMark;
    }

    /**
     * The selectors {@code e} matches, as bits; called for every element in document order, {@code e}
     * entered at {@code depth} (the document is 0).
     */
    int head(Element root, Element e, int depth) {
        return head(root, e, e.attributesSize() == 0 ? "" : e.attributes().getIgnoreCase("class"), e.id(), depth);
    }

    /** {@link #head(Element, Element, int)} given the element's {@code class} and {@code id} attributes, as the walk has read them. */
    int head(Element root, Element e, String classes, String elementId, int depth) {
        int matched = 0;
        for (int i = 0; i < plan.jsoup().length; i++) {
            String tag = plan.jsoupTag()[i];
            if ((tag == null || e.nameIs(tag)) && plan.jsoup()[i].matches(root, e)) {
                matched |= 1 << plan.jsoupOwner()[i];
            }
        }
        visit++;
        int count = 0;
        classMark = plan.classIndex().hasMarked() ? UNMARKED : UNKNOWN;
        if (!plan.classIndex().isEmpty()) {
            int length = classes.length();
            int i = 0;
            while (i < length) {
                char c = classes.charAt(i);
                if (isWhitespace(c)) {
                    i++;
                    continue;
                }
                // one class name: its hash folded to ASCII lower case while it is plain ASCII
                int start = i;
                int hash = 0;
                boolean plain = true;
                for (; i < length && !isWhitespace(c = classes.charAt(i)); i++) {
                    if (c >= 'A' && c <= 'Z') {
                        c = (char) (c + ('a' - 'A'));
                    } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                        plain = false;
                    }
                    hash = 31 * hash + c;
                }
                int[] ids;
                if (plain) {
                    int slot = plan.classIndex().slot(classes, start, i, hash);
                    ids = slot < 0 ? NONE : plan.classIndex().ids()[slot];
                    if (slot >= 0 && plan.classIndex().marked()[slot] && classes.startsWith(plan.classIndex().keys()[slot], start)) {
                        classMark = MARKED;
                    }
                } else {
                    ids = plan.byClass().getOrDefault(StreamingSelector.fold(classes, start, i), NONE);
                    if (classMark == UNMARKED) {
                        classMark = UNKNOWN;
                    }
                }
                for (int id : ids) {
                    count = test(root, e, classes, elementId, id, count);
                    matched |= lastMatch;
                    lastMatch = 0;
                }
            }
        }
        int[] tagged = NONE;
        if (!plan.tagIndex().isEmpty()) {
            int slot = plan.tagIndex().slotOf(e.normalName());
            tagged = slot < 0 ? NONE : plan.tagIndex().ids()[slot];
        }
        for (int id : tagged) {
            count = test(root, e, classes, elementId, id, count);
            matched |= lastMatch;
            lastMatch = 0;
        }
        if (!plan.idIndex().isEmpty() && !elementId.isEmpty()) {
            int slot = plan.idIndex().slotOf(elementId);
            for (int id : slot < 0 ? NONE : plan.idIndex().ids()[slot]) {
                count = test(root, e, classes, elementId, id, count);
                matched |= lastMatch;
                lastMatch = 0;
            }
        }
        for (int id : plan.always()) {
            count = test(root, e, classes, elementId, id, count);
            matched |= lastMatch;
            lastMatch = 0;
        }
        // count the prefixes ending here only now, so that e is not its own ancestor
        for (int i = 0; i < count; i++) {
            int id = pending[i];
            open[plan.compoundChain()[id]][plan.compoundLevel()[id]]++;
        }
        if (depth >= marks.length) {
            marks = Arrays.copyOf(marks, depth * 2);
            markSizes = Arrays.copyOf(markSizes, depth * 2);
        }
        markSizes[depth] = count;
        if (count > 0) { // most elements satisfy no prefix
            int[] mark = marks[depth];
            if (mark == null || mark.length < count) {
                mark = marks[depth] = new int[Math.max(count, 8)];
            }
            System.arraycopy(pending, 0, mark, 0, count);
        }
        return matched;
    }

    /** {@link Character#isWhitespace}, with printable ASCII (most of a class attribute) decided by one range check. */
    private static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= 0x7f) && Character.isWhitespace(c);
    }

    /** Tests compound {@code id} on {@code e}; a satisfied inner prefix is queued in {@link #pending}, a full match set in {@link #lastMatch}. */
    private int test(Element root, Element e, String classes, String elementId, int id, int count) {
        if (testedAt[id] == visit) {
            return count;
        }
        testedAt[id] = visit;
        int chain = plan.compoundChain()[id];
        int level = plan.compoundLevel()[id];
        if (level > 1 && open[chain][level - 1] == 0 || !plan.compounds()[id].matches(root, e, classes, elementId)) {
            return count;
        }
        if (level == plan.chainLength()[chain]) {
            lastMatch = 1 << plan.chainOwner()[chain];
            return count;
        }
        if (count == pending.length) {
            pending = Arrays.copyOf(pending, count * 2);
        }
        pending[count] = id;
        return count + 1;
    }

    /** Called when the walk leaves the element entered at {@code depth}. */
    void tail(int depth) {
        int[] mark = marks[depth];
        for (int i = 0; i < markSizes[depth]; i++) {
            int id = mark[i];
            open[plan.compoundChain()[id]][plan.compoundLevel()[id]]--;
        }
        markSizes[depth] = 0;
    }

    /**
     * An index of names: the compounds by first class name, with the marked class names, looked up
     * with a class name still inside the element's {@code class} attribute: a plain ASCII name
     * (letters, digits, '-', '_') matches a key when the two are equal ignoring ASCII case, which is
     * what folding it would give, without copying it out; and the compounds by tag or by id, looked
     * up by {@link #slotOf} with a normal tag name or an id, exactly.
     */
    private record NameIndex(String[] keys, int[] hashes, int[][] ids, boolean[] marked, int mask, int size, boolean hasMarked) {

        static NameIndex of(Map<String, int[]> byClass, List<String> markedClasses) {
            Map<String, int[]> entries = new HashMap<>(byClass);
            for (String name : markedClasses) {
                if (!name.matches("[a-z0-9_-]+")) {
                    throw new IllegalArgumentException("marked class names are plain lower-case ASCII, got " + name);
                }
                entries.putIfAbsent(name, NONE);
            }
            int size = Integer.highestOneBit(Math.max(1, entries.size()) * 4);
            NameIndex index = new NameIndex(new String[size], new int[size], new int[size][], new boolean[size], size - 1, entries.size(),
                    !markedClasses.isEmpty());
            entries.forEach((key, ids) -> {
                int slot = key.hashCode() & index.mask;
                while (index.keys[slot] != null) {
                    slot = (slot + 1) & index.mask;
                }
                index.keys[slot] = key;
                index.hashes[slot] = key.hashCode();
                index.ids[slot] = ids;
                index.marked[slot] = markedClasses.contains(key);
            });
            return index;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** The slot of exactly {@code name}, else -1. */
        int slotOf(String name) {
            int hash = name.hashCode();
            for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
                if (hashes[slot] == hash && keys[slot].equals(name)) {
                    return slot;
                }
            }
            return -1;
        }

        /** The slot of the name from {@code start} to {@code end} of {@code s}, whose lower-case hash is {@code hash}, else -1. */
        int slot(String s, int start, int end, int hash) {
            for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (hashes[slot] == hash && key.length() == end - start && s.regionMatches(true, start, key, 0, end - start)) {
                    return slot;
                }
            }
            return -1;
        }
    }
}
