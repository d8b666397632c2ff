package id.pantau.enrich.tagger.topic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.KeepWordFilter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The words the topic rules can match. When every rule is made of terms and phrases only (no
 * wildcard, fuzzy, range or match-all query), an article's index for Lucene Monitor needs no other
 * word: {@link #documentAnalyzer} then keeps just these after analysis. Dropped words still count
 * as positions ({@link KeepWordFilter} keeps position increments), so phrase distances and hit
 * offsets do not change; only the index Monitor builds per article gets smaller.
 */
final class RuleWords {

    private final Set<String> words;
    private final boolean termsOnly;

    private RuleWords(Set<String> words, boolean termsOnly) {
        this.words = words;
        this.termsOnly = termsOnly;
    }

    static RuleWords of(List<Query> queries) {
        Set<String> words = new HashSet<>();
        boolean[] termsOnly = {true};
        QueryVisitor visitor = new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term term : terms) {
                    words.add(term.text());
                }
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                termsOnly[0] = false;
            }

            @Override
            public void visitLeaf(Query query) {
                termsOnly[0] = false;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        };
        queries.forEach(query -> query.visit(visitor));
        return new RuleWords(Set.copyOf(words), termsOnly[0]);
    }

    /** Whether every rule is made of terms and phrases only. */
    boolean termsOnly() {
        return termsOnly;
    }

    /** {@code analyzer}, keeping only the rules' words when {@link #termsOnly()}; else {@code analyzer} itself. */
    Analyzer documentAnalyzer(Analyzer analyzer) {
        if (!termsOnly) {
            return analyzer;
        }
        CharArraySet keep = new CharArraySet(words, false);
        return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                TokenStream kept = new KeepWordFilter(components.getTokenStream(), keep);
                return new TokenStreamComponents(components.getSource(), kept);
            }
        };
    }
}
