package id.pantau.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemOutcomeTest {

    @Test
    void shouldAcknowledgeWrittenItems() {
        assertThat(ItemOutcome.of(201, null)).isEqualTo(ItemOutcome.INDEXED);
        assertThat(ItemOutcome.of(200, null)).isEqualTo(ItemOutcome.INDEXED);
    }

    @Test
    void shouldCountVersionConflictsInsteadOfFailing() {
        assertThat(ItemOutcome.of(409, "version_conflict_engine_exception")).isEqualTo(ItemOutcome.CONFLICT);
    }

    @Test
    void shouldRetryTooManyRequestsServerErrorsAndMissingIndices() {
        assertThat(ItemOutcome.of(429, "es_rejected_execution_exception")).isEqualTo(ItemOutcome.RETRY);
        assertThat(ItemOutcome.of(503, "unavailable_shards_exception")).isEqualTo(ItemOutcome.RETRY);
        assertThat(ItemOutcome.of(404, "index_not_found_exception")).isEqualTo(ItemOutcome.RETRY);
    }

    @Test
    void shouldDeadLetterDocumentsTheMappingRejects() {
        assertThat(ItemOutcome.of(400, "document_parsing_exception")).isEqualTo(ItemOutcome.REJECTED);
        assertThat(ItemOutcome.of(400, "illegal_argument_exception")).isEqualTo(ItemOutcome.REJECTED);
        assertThat(ItemOutcome.of(400, "strict_dynamic_mapping_exception")).isEqualTo(ItemOutcome.REJECTED);
    }
}
