package io.pomona.sim.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  @Test
  void defaultRetriesFourTimesWithTripledWaits() {
    RetrySchedule schedule = RetrySchedule.DEFAULT;

    assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(10));
    assertThat(schedule.delayAfter(2)).contains(Duration.ofSeconds(30));
    assertThat(schedule.delayAfter(3)).contains(Duration.ofSeconds(90));
    assertThat(schedule.delayAfter(4)).contains(Duration.ofSeconds(270));
    assertThat(schedule.delayAfter(5)).isEmpty();
  }

  @Test
  void singleAttemptNeverRetries() {
    assertThat(new RetrySchedule(1, Duration.ofSeconds(1), 2).delayAfter(1)).isEmpty();
  }

  @Test
  void nonsenseSchedulesAreRefused() {
    assertThatThrownBy(() -> new RetrySchedule(0, Duration.ofSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrySchedule(3, Duration.ofSeconds(-1), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrySchedule(3, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetrySchedule.DEFAULT.delayAfter(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
