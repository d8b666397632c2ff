package id.pantau.enrich.tagger.topic;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.schemas.avro.TopicEvidence;
import id.pantau.schemas.avro.TopicTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * Tags topics by matching an article against every {@link TopicRule} at once with an in-memory
 * Lucene {@link Monitor}: the monitor's presearcher selects only the rules whose terms occur in the
 * article, so hundreds of rules cost little per article. Each sentence of the article starts
 * {@value #SENTENCE_GAP} positions after the one before, so a phrase or proximity of a rule never
 * joins words of two sentences.
 *
 * <p>A topic's score combines its matching rules: each rule contributes {@code weight * (1 - 0.5^hits)}
 * and the contributions combine as independent evidence ({@code 1 - prod(1 - c)}), rounded to three
 * decimals. Evidence lists each matched term as written with the sentence it stands in (a rule's
 * phrases only, when it matched any, not the context words that merely had to be present).
 *
 * <p>Thread-safe (the monitor is). Close it to stop the monitor's purge thread.
 */
public final class TopicTagger implements AutoCloseable {

    static final String FIELD = "text";
    private static final int MAX_EVIDENCE = 8;
    /**
     * Positions left empty between two sentences: far more than any phrase slop a rule may use, so a
     * phrase or a proximity never joins words of two sentences.
     */
    static final int SENTENCE_GAP = 1000;
    /**
     * Indonesian stop words the rules need to see: the words that turn a mention of sanctions into a
     * warning ("yang melanggar akan dikenai sanksi", "jika terbukti"). Kept as words, they take the
     * positions they held as removed stop words, so phrase distances do not change.
     */
    private static final List<String> RULE_STOP_WORDS = List.of("akan", "yang", "jika", "jikalau", "apabila", "bila", "bisa", "dapat");

    private final Analyzer analyzer = new IndonesianAnalyzer(stopWords());
    private final Analyzer documentAnalyzer;
    private final Monitor monitor;
    private final Map<String, TopicRule> rulesById = new LinkedHashMap<>();

    private TopicTagger(Collection<TopicRule> rules) throws IOException {
        QueryParser parser = new QueryParser(FIELD, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        List<MonitorQuery> queries = new ArrayList<>(rules.size());
        for (TopicRule rule : rules) {
            try {
                queries.add(new MonitorQuery(rule.id(), parser.parse(rule.query()), rule.query(), Map.of()));
            } catch (ParseException e) {
                throw new IllegalArgumentException("topic rule " + rule.id() + ": query is not valid Lucene syntax: " + e.getMessage(), e);
            }
            rulesById.put(rule.id(), rule);
        }
        this.documentAnalyzer = RuleWords.of(queries.stream().map(MonitorQuery::getQuery).toList()).documentAnalyzer(analyzer);
        this.monitor = new Monitor(documentAnalyzer);
        monitor.register(queries);
    }

    /** Lucene's Indonesian stop words but {@link #RULE_STOP_WORDS} (a CharArraySet cannot remove). */
    static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(IndonesianAnalyzer.getDefaultStopSet().size(), false);
        for (Object word : IndonesianAnalyzer.getDefaultStopSet()) {
            String w = word instanceof char[] chars ? new String(chars) : word.toString();
            if (!RULE_STOP_WORDS.contains(w)) {
                stop.add(w);
            }
        }
        return CharArraySet.unmodifiableSet(stop);
    }

    /**
     * Builds a tagger for {@code rules}.
     *
     * @throws IllegalArgumentException when a query does not parse, naming the rule
     */
    public static TopicTagger of(Collection<TopicRule> rules) {
        Objects.requireNonNull(rules, "rules");
        try {
            return new TopicTagger(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory topic monitor", e);
        }
    }

    /** Number of registered rules. */
    public int ruleCount() {
        return rulesById.size();
    }

    /** Topics of {@code article}, ordered by topic id. */
    public List<TopicTag> tag(ArticleText article) {
        String text = article.text();
        Sentences sentences = new Sentences(text);
        MatchingQueries<HighlightsMatch> matches;
        // the article is analysed here, not by the monitor, so that every sentence starts SENTENCE_GAP
        // positions after the last: phrases and proximities stay inside one sentence, and offsets
        // stay those of the whole text for the evidence
        try (TokenStream tokens = new SentenceGapFilter(documentAnalyzer.tokenStream(FIELD, text), sentences.starts(), SENTENCE_GAP)) {
            Document doc = new Document();
            doc.add(new Field(FIELD, tokens, TextField.TYPE_NOT_STORED));
            matches = monitor.match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("topic monitor failed", e);
        }
        Map<String, TopicAccumulator> byTopic = new TreeMap<>();
        for (HighlightsMatch match : matches.getMatches()) {
            TopicRule rule = rulesById.get(match.getQueryId());
            if (rule == null) {
                continue;
            }
            TopicAccumulator acc = byTopic.computeIfAbsent(rule.topic(), t -> new TopicAccumulator());
            List<int[]> spans = mergedSpans(match.getHits(FIELD), text.length());
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

    private static boolean isPhrase(String text, int[] span) {
        for (int i = span[0]; i < span[1]; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Hit offsets sorted and merged where they overlap, so a phrase and its own words count once. */
    private static List<int[]> mergedSpans(Collection<HighlightsMatch.Hit> hits, int textLength) {
        List<int[]> sorted = hits.stream()
                .filter(hit -> hit.startOffset() >= 0 && hit.endOffset() <= textLength && hit.startOffset() < hit.endOffset())
                .map(hit -> new int[] {hit.startOffset(), hit.endOffset()})
                .sorted(Comparator.<int[]>comparingInt(span -> span[0]).thenComparingInt(span -> -span[1]))
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
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the topic monitor", e);
        }
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
            String key = term.toLowerCase(Locale.ROOT) + '@' + sentenceStart;
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
