package id.pantau.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineServicesTest {

    @Test
    void shouldStartEnrichAndIndexBeforeIngest() {
        assertThat(PipelineServices.all(Map.of())).extracting(PipelineService::name).containsExactly("enrich", "index", "ingest");
    }

    @Test
    void shouldAllowLoopbackFetchesAndPollOftenInTheDemo() {
        Map<String, String> env = new HashMap<>(Map.of("PANTAU_INGEST_HTTP_ALLOW_PRIVATE_ADDRESSES", "false"));

        PipelineServices.demoSettings(env);

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PANTAU_INGEST_HTTP_ALLOW_PRIVATE_ADDRESSES", "true",
                "PANTAU_INGEST_DISCOVERY_POLL_MIN_MS", "1000",
                "PANTAU_INGEST_DISCOVERY_POLL_MAX_MS", "3000",
                "PANTAU_INGEST_FETCH_DELAY_MS", "100",
                "PANTAU_INGEST_FETCH_RETRY_BACKOFF_MS", "500"));
    }

    @Test
    void shouldKeepPollSettingsTheUserChoseInTheDemo() {
        Map<String, String> env = new HashMap<>(Map.of("PANTAU_INGEST_DISCOVERY_POLL_MAX_MS", "20000"));

        PipelineServices.demoSettings(env);

        assertThat(List.of(env.get("PANTAU_INGEST_DISCOVERY_POLL_MAX_MS"), env.get("PANTAU_INGEST_DISCOVERY_POLL_MIN_MS")))
                .containsExactly("20000", "1000");
    }
}
