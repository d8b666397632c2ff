package id.pantau.enrich.tagger.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * A rewritten rule query that drops, for one article, the optional clauses that cannot match it
 * (their {@link Need} fails on the article's terms): a rule of fifteen alternative phrases is then
 * checked on the two whose words the article has. What matches and which hits it gives do not
 * change, since a dropped clause has no match to give. Immutable and thread-safe.
 */
final class PrunableQuery {

    private record Clause(BooleanClause.Occur occur, PrunableQuery query) {}

    private final Query query;
    private final Need need;
    /** The clauses of a boolean query without a minimum of optional ones; empty otherwise. */
    private final List<Clause> clauses;

    private PrunableQuery(Query query, Need need, List<Clause> clauses) {
        this.query = query;
        this.need = need;
        this.clauses = clauses;
    }

    /** @param termIndex number of a term in the {@code present} array of {@link #forArticle} */
    static PrunableQuery of(Query rewritten, ToIntFunction<Term> termIndex) {
        List<Clause> clauses = new ArrayList<>();
        if (rewritten instanceof BooleanQuery q && q.getMinimumNumberShouldMatch() == 0) {
            for (BooleanClause clause : q.clauses()) {
                clauses.add(new Clause(clause.occur(), of(clause.query(), termIndex)));
            }
        }
        return new PrunableQuery(rewritten, Need.of(rewritten, termIndex), List.copyOf(clauses));
    }

    /** The query for an article holding the terms marked in {@code present}: this one when nothing can be dropped. */
    Query forArticle(boolean[] present) {
        if (clauses.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder pruned = new BooleanQuery.Builder();
        boolean changed = false;
        for (Clause clause : clauses) {
            if (clause.occur() == BooleanClause.Occur.SHOULD && !clause.query().need.test(present)) {
                changed = true;
                continue;
            }
            Query sub = clause.query().forArticle(present);
            changed |= sub != clause.query().query;
            pruned.add(sub, clause.occur());
        }
        return changed ? pruned.build() : query;
    }
}
