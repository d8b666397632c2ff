package id.pantau.enrich.tagger.topic;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.schemas.avro.TopicEvidence;
import id.pantau.schemas.avro.TopicTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Tags topics by matching an article against every {@link TopicRule}: the article is analysed once
 * into a Lucene {@link MemoryIndex}, a term filter (the job of Lucene Monitor's presearcher, done
 * exactly: a rule stays a candidate only when the terms it cannot match without occur in the
 * article) picks the candidate rules, and each candidate runs as a Lucene query whose
 * {@link Matches} give the hits, as Monitor's {@code HighlightsMatch} reads them. Hundreds of rules
 * cost little per article: most fail the filter on a few hash lookups.
 *
 * <p>A topic's score combines its matching rules: each rule contributes {@code weight * (1 - 0.5^hits)}
 * and the contributions combine as independent evidence ({@code 1 - prod(1 - c)}), rounded to three
 * decimals. Evidence lists each matched term as written with the sentence it stands in (a rule's
 * phrases only, when it matched any, not the context words that merely had to be present).
 *
 * <p>Thread-safe: the rules are immutable and each thread reuses its own memory index.
 * {@link #close()} releases nothing but is kept so callers need not know.
 */
public final class TopicTagger implements AutoCloseable {

    static final String FIELD = "text";
    private static final int MAX_EVIDENCE = 8;

    private final Analyzer analyzer = new IndonesianAnalyzer();
    private final List<CompiledRule> rules = new ArrayList<>();
    /** Every term some rule needs, numbered as in {@link Need.TermNeed#index()}. */
    private final List<Term> terms = new ArrayList<>();
    /** Offsets are needed for the hits; payloads are not (the analyzer makes none). */
    private final ThreadLocal<MemoryIndex> indexes = ThreadLocal.withInitial(() -> new MemoryIndex(true, false));

    /** A parsed rule and the term condition it cannot match without. */
    private record CompiledRule(TopicRule rule, Query query, Need need) {}

    private TopicTagger(Collection<TopicRule> rules) {
        QueryParser parser = new QueryParser(FIELD, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        Map<Term, Integer> termIndex = new HashMap<>();
        Map<String, CompiledRule> byId = new LinkedHashMap<>();
        for (TopicRule rule : rules) {
            Query query;
            try {
                query = parser.parse(rule.query());
            } catch (ParseException e) {
                throw new IllegalArgumentException("topic rule " + rule.id() + ": query is not valid Lucene syntax: " + e.getMessage(), e);
            }
            Need need = Need.of(query, term -> termIndex.computeIfAbsent(term, t -> {
                terms.add(t);
                return terms.size() - 1;
            }));
            byId.put(rule.id(), new CompiledRule(rule, query, need));
        }
        this.rules.addAll(byId.values());
    }

    /**
     * Builds a tagger for {@code rules}.
     *
     * @throws IllegalArgumentException when a query does not parse, naming the rule
     */
    public static TopicTagger of(Collection<TopicRule> rules) {
        Objects.requireNonNull(rules, "rules");
        return new TopicTagger(rules);
    }

    /** Number of registered rules. */
    public int ruleCount() {
        return rules.size();
    }

    /** Topics of {@code article}, ordered by topic id. */
    public List<TopicTag> tag(ArticleText article) {
        String text = article.text();
        MemoryIndex index = indexes.get();
        try {
            index.addField(FIELD, text, analyzer);
            index.freeze();
            IndexSearcher searcher = new IndexSearcher(index.createSearcher().getIndexReader());
            searcher.setQueryCache(null);
            return tag(text, searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("topic matching failed", e);
        } finally {
            index.reset();
        }
    }

    private List<TopicTag> tag(String text, IndexSearcher searcher) throws IOException {
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
        boolean[] present = present(leaf.reader());
        // matches in a HashMap by rule id, read in its order: the order Lucene Monitor gave them in,
        // which decides whose evidence stands first at an offset two rules share
        Map<String, List<int[]>> hitsById = new HashMap<>();
        Map<String, TopicRule> matched = new HashMap<>();
        for (CompiledRule compiled : rules) {
            if (!compiled.need().test(present)) {
                continue;
            }
            Weight weight = searcher.createWeight(searcher.rewrite(compiled.query()), ScoreMode.COMPLETE_NO_SCORES, 1);
            Matches matches = weight.matches(leaf, 0);
            if (matches != null) {
                hitsById.put(compiled.rule().id(), hits(matches));
                matched.put(compiled.rule().id(), compiled.rule());
            }
        }
        Map<String, TopicAccumulator> byTopic = new TreeMap<>();
        Sentences sentences = hitsById.isEmpty() ? null : new Sentences(text);
        for (Map.Entry<String, List<int[]>> match : hitsById.entrySet()) {
            TopicRule rule = matched.get(match.getKey());
            TopicAccumulator acc = byTopic.computeIfAbsent(rule.topic(), t -> new TopicAccumulator());
            List<int[]> spans = mergedSpans(match.getValue(), text.length());
            acc.addContribution(rule.weight() * (1 - Math.pow(0.5, Math.max(1, spans.size()))));
            // a rule's context words ("meminta", "penting") make it match but do not show the topic;
            // when a rule matched phrases, only the phrases are evidence
            boolean hasPhrase = spans.stream().anyMatch(span -> isPhrase(text, span));
            for (int[] span : spans) {
                if (hasPhrase && !isPhrase(text, span)) {
                    continue;
                }
                int[] sentence = sentences.around(span[0]);
                acc.addEvidence(span[0], text.substring(span[0], span[1]), sentence[0], sentence[1]);
            }
        }
        List<TopicTag> tags = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, acc) -> tags.add(acc.toTag(topic)));
        return tags;
    }

    /** Which of {@link #terms} the article holds. */
    private boolean[] present(LeafReader reader) throws IOException {
        boolean[] present = new boolean[terms.size()];
        Terms indexed = reader.terms(FIELD);
        TermsEnum termsEnum = indexed == null ? null : indexed.iterator();
        for (int i = 0; i < present.length; i++) {
            Term term = terms.get(i);
            if (termsEnum != null && term.field().equals(FIELD)) {
                present[i] = termsEnum.seekExact(term.bytes());
            } else {
                // a term of another field: the article has none, but let Lucene decide
                present[i] = !term.field().equals(FIELD);
            }
        }
        return present;
    }

    /** Hit offsets of every leaf match (the terms inside a phrase, each on its own), as Monitor's HighlightsMatch reads them. */
    private static List<int[]> hits(Matches matches) throws IOException {
        List<int[]> hits = new ArrayList<>();
        for (String field : matches) {
            MatchesIterator it = matches.getMatches(field);
            if (it == null) {
                continue;
            }
            while (it.next()) {
                MatchesIterator sub = it.getSubMatches();
                if (sub == null) {
                    hits.add(new int[] {it.startOffset(), it.endOffset()});
                } else {
                    while (sub.next()) {
                        hits.add(new int[] {sub.startOffset(), sub.endOffset()});
                    }
                }
            }
        }
        return hits;
    }

    private static boolean isPhrase(String text, int[] span) {
        for (int i = span[0]; i < span[1]; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Hit offsets sorted and merged where they overlap, so a phrase and its own words count once. */
    private static List<int[]> mergedSpans(List<int[]> hits, int textLength) {
        List<int[]> sorted = hits.stream()
                .filter(hit -> hit[0] >= 0 && hit[1] <= textLength && hit[0] < hit[1])
                .sorted(java.util.Comparator.<int[]>comparingInt(span -> span[0]).thenComparingInt(span -> -span[1]))
                .toList();
        List<int[]> merged = new ArrayList<>();
        for (int[] span : sorted) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span[0] < last[1]) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(new int[] {span[0], span[1]});
            }
        }
        return merged;
    }

    @Override
    public void close() {
        indexes.remove();
    }

    /** Collects one topic's rule contributions and evidence; not thread-safe, lives for one article. */
    private static final class TopicAccumulator {
        private double missing = 1.0;
        private final Map<Integer, TopicEvidence> evidenceByOffset = new TreeMap<>();
        private final Set<String> seen = new LinkedHashSet<>();

        void addContribution(double contribution) {
            missing *= 1 - contribution;
        }

        void addEvidence(int offset, String term, int sentenceStart, int sentenceEnd) {
            String key = term.toLowerCase(java.util.Locale.ROOT) + '@' + sentenceStart;
            if (seen.add(key)) {
                evidenceByOffset.putIfAbsent(offset, new TopicEvidence(term, sentenceStart, sentenceEnd));
            }
        }

        TopicTag toTag(String topic) {
            double score = Math.round((1 - missing) * 1000) / 1000.0;
            List<TopicEvidence> evidence = evidenceByOffset.values().stream().limit(MAX_EVIDENCE).toList();
            return new TopicTag(topic, score, new ArrayList<>(evidence));
        }
    }
}
