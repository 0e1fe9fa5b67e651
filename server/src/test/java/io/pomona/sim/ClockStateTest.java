package io.pomona.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockStateTest {
  private static final Instant REAL = Instant.parse("2026-05-01T08:00:00Z");

  private final TestClock real = new TestClock(REAL);
  private final SimClock clock = new SimClock(real);

  @Test
  void startsAtRealTime() {
    assertThat(clock.instant()).isEqualTo(REAL);
    real.advance(Duration.ofSeconds(3));
    assertThat(clock.instant()).isEqualTo(REAL.plusSeconds(3));
  }

  @Test
  void frozenClockStandsStillWhileRealTimeRuns() {
    clock.apply(clock.state().freeze(real.instant()));
    real.advance(Duration.ofHours(1));

    assertThat(clock.instant()).isEqualTo(REAL);
    assertThat(clock.state().frozen()).isTrue();
  }

  @Test
  void advancingAFrozenClockMovesItsInstantAndItStaysFrozen() {
    clock.apply(clock.state().freeze(real.instant()).advance(Duration.ofMinutes(5)));
    real.advance(Duration.ofMinutes(1));

    assertThat(clock.instant()).isEqualTo(REAL.plusSeconds(300));
  }

  @Test
  void resumingRunsOnFromTheFrozenTimeNotFromWhereItWouldHaveBeen() {
    clock.apply(clock.state().freeze(real.instant()));
    real.advance(Duration.ofHours(2));
    clock.apply(clock.state().resume(real.instant()));
    real.advance(Duration.ofSeconds(10));

    assertThat(clock.instant()).isEqualTo(REAL.plusSeconds(10));
    assertThat(clock.state().offset()).isEqualTo(Duration.ofHours(-2));
  }

  @Test
  void advancingARunningClockAddsToItsOffset() {
    clock.apply(clock.state().advance(Duration.ofDays(1)));
    real.advance(Duration.ofSeconds(1));

    assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(1)).plusSeconds(1));
  }

  @Test
  void settingARunningClockRunsOnFromTheNewTimeAndAFrozenOneStaysThere() {
    Instant target = Instant.parse("2027-01-01T00:00:00Z");
    clock.apply(clock.state().set(target, real.instant()));
    real.advance(Duration.ofSeconds(5));
    assertThat(clock.instant()).isEqualTo(target.plusSeconds(5));

    clock.apply(clock.state().freeze(real.instant()).set(target, real.instant()));
    real.advance(Duration.ofSeconds(5));
    assertThat(clock.instant()).isEqualTo(target);
  }

  @Test
  void freezingTwiceKeepsTheFirstInstant() {
    ClockState frozen = clock.state().freeze(real.instant());
    real.advance(Duration.ofSeconds(9));
    assertThat(frozen.freeze(real.instant())).isEqualTo(frozen);
    assertThat(ClockState.REAL_TIME.resume(real.instant())).isEqualTo(ClockState.REAL_TIME);
  }
}
