package id.pantau.enrich.tagger.topic;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Adds {@code gap} empty positions before the first token of each sentence, like the position
 * increment gap between two values of a field, while offsets stay those of the whole text. One per
 * token stream.
 */
final class SentenceGapFilter extends TokenFilter {

    private final PositionIncrementAttribute posIncr = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final int[] sentenceStarts;
    private final int gap;
    private int next;

    /**
     * @param sentenceStarts start offset of every sentence but the first, ascending
     * @param gap positions added at each sentence start
     */
    SentenceGapFilter(TokenStream input, int[] sentenceStarts, int gap) {
        super(input);
        this.sentenceStarts = sentenceStarts;
        this.gap = gap;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        boolean crossed = false;
        while (next < sentenceStarts.length && offset.startOffset() >= sentenceStarts[next]) {
            next++;
            crossed = true;
        }
        if (crossed) {
            posIncr.setPositionIncrement(posIncr.getPositionIncrement() + gap);
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}
