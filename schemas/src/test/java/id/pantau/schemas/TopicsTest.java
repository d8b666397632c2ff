package id.pantau.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldDeclareEachTopicOnceWithTheAgreedNames() {
        assertThat(Topics.ALL).extracting(Topic::name).containsExactly(
                "ingest.crawl.requests", "ingest.seen", "news.articles.raw", "ref.officials",
                "news.articles.enriched", "news.alerts", "news.dlq");
    }

    @Test
    void shouldCompactOnlyTheTopicsThatHoldLatestState() {
        assertThat(Topics.ALL).filteredOn(Topic::compacted).extracting(Topic::name)
                .containsExactlyInAnyOrder("ref.officials", "ingest.seen");
    }

    @Test
    void shouldRejectAZeroPartitionTopic() {
        assertThatThrownBy(() -> new Topic<>("x", Serdes.String(), Serdes.String(), 0, false, "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partitions of topic x must be at least 1, got 0");
    }

    @Test
    void shouldCarryReasonAndOriginInDeadLetterHeaders() {
        var headers = DeadLetterHeaders.builder("enrich", "DESERIALIZATION", "bad header")
                .source("news.articles.raw", 2, 41L)
                .exception(new IllegalStateException("x"))
                .build();

        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.REASON)).isEqualTo("DESERIALIZATION");
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.articles.raw");
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.EXCEPTION)).isEqualTo("java.lang.IllegalStateException");
        assertThat(DeadLetterHeaders.read(headers, DeadLetterHeaders.URL)).isNull();
    }
}
