package id.pantau.enrich.tagger.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class RuleWordsTest {

    private final Analyzer analyzer = new IndonesianAnalyzer();

    @Test
    void shouldKeepOnlyTheRulesWordsIncludingExcludedOnesWithTheirPositions() throws Exception {
        RuleWords words = RuleWords.of(List.of(parse("\"netralitas asn\"~1 AND -hoaks"), parse("kades")));

        assertThat(words.termsOnly()).isTrue();
        assertThat(tokens(words.documentAnalyzer(analyzer), "Netralitas seluruh ASN bukan hoaks, kata kades"))
                .containsExactly("netralitas@1", "asn@2", "hoaks@2", "kades@2");
    }

    @Test
    void shouldKeepEveryWordWhenARuleMatchesByPattern() throws Exception {
        RuleWords words = RuleWords.of(List.of(parse("netral* AND asn")));

        assertThat(words.termsOnly()).isFalse();
        assertThat(words.documentAnalyzer(analyzer)).isSameAs(analyzer);
    }

    private Query parse(String query) throws Exception {
        return new QueryParser(TopicTagger.FIELD, analyzer).parse(query);
    }

    /** Each token as {@code term@positionIncrement}. */
    private static List<String> tokens(Analyzer analyzer, String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TopicTagger.FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "@" + increment.getPositionIncrement());
            }
            stream.end();
        }
        return out;
    }
}
