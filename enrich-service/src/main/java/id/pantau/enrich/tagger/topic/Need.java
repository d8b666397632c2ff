package id.pantau.enrich.tagger.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a query cannot match without: a condition on which terms occur in a document, true for
 * every document the query matches (it may be true for others: phrase order and distance are left
 * to the query). A query of a kind it does not know needs nothing. Immutable.
 */
sealed interface Need {

    /** Whether a document with these terms ({@code present[i]} for term number i) may match. */
    boolean test(boolean[] present);

    /** Always a candidate. */
    record Anything() implements Need {
        @Override
        public boolean test(boolean[] present) {
            return true;
        }
    }

    /** One term. */
    record TermNeed(int index) implements Need {
        @Override
        public boolean test(boolean[] present) {
            return present[index];
        }
    }

    /** Every one of the parts. */
    record All(Need[] parts) implements Need {
        @Override
        public boolean test(boolean[] present) {
            for (Need part : parts) {
                if (!part.test(present)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** At least one of the parts. */
    record AnyOf(Need[] parts) implements Need {
        @Override
        public boolean test(boolean[] present) {
            for (Need part : parts) {
                if (part.test(present)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The need of {@code query}: a term query needs its term, a phrase all its terms, a boolean
     * query all its required clauses and, without them (or with a minimum of optional ones), one of
     * its optional clauses; excluded clauses and other query kinds need nothing.
     *
     * @param termIndex number of a term in the {@code present} array
     */
    static Need of(Query query, ToIntFunction<Term> termIndex) {
        return switch (query) {
            case TermQuery q -> new TermNeed(termIndex.applyAsInt(q.getTerm()));
            case PhraseQuery q when q.getTerms().length > 0 -> {
                Need[] parts = new Need[q.getTerms().length];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = new TermNeed(termIndex.applyAsInt(q.getTerms()[i]));
                }
                yield new All(parts);
            }
            case BoostQuery q -> of(q.getQuery(), termIndex);
            case ConstantScoreQuery q -> of(q.getQuery(), termIndex);
            case BooleanQuery q -> ofBoolean(q, termIndex);
            default -> new Anything();
        };
    }

    private static Need ofBoolean(BooleanQuery query, ToIntFunction<Term> termIndex) {
        List<Need> required = new ArrayList<>();
        List<Need> optional = new ArrayList<>();
        for (BooleanClause clause : query.clauses()) {
            switch (clause.occur()) {
                case MUST, FILTER -> required.add(of(clause.query(), termIndex));
                case SHOULD -> optional.add(of(clause.query(), termIndex));
                case MUST_NOT -> {
                    // an excluded clause only removes matches
                }
            }
        }
        if (!optional.isEmpty() && (required.isEmpty() || query.getMinimumNumberShouldMatch() > 0)) {
            required.add(new AnyOf(optional.toArray(Need[]::new)));
        }
        // only excluded clauses: leave it to Lucene
        return required.isEmpty() ? new Anything() : new All(required.toArray(Need[]::new));
    }
}
