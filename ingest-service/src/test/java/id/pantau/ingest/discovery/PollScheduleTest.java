package id.pantau.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    @Test
    void shouldDoubleWhileQuietAndResetOnChange() {
        PollSchedule schedule = new PollSchedule(Duration.ofSeconds(15), Duration.ofSeconds(60));

        assertThat(schedule.next(false)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.next(false)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.next(false)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.next(true)).isEqualTo(Duration.ofSeconds(15));
    }
}
