package id.pantau.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndexMetricsTest {

    // the pipeline hands over method references that nothing else keeps: a weakly held gauge read NaN
    // once they were collected, and the fault suite's probe of /metrics never saw records in flight
    @Test
    void shouldKeepReadingThePipelineGaugesAfterGarbageCollection() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger inFlight = new AtomicInteger(3);
        new IndexMetrics(registry).registerPipelineGauges(() -> inFlight.get(), () -> 1);

        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(registry.get("pantau.index.in.flight").gauge().value()).isEqualTo(3.0);
        assertThat(registry.get("pantau.index.consumer.paused").gauge().value()).isEqualTo(1.0);
    }
}
