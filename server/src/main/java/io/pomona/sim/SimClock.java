package io.pomona.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The simulated clock: real time plus an offset, or frozen at an instant ({@link ClockState}).
 * The store stamps rows with it, the engine and behaviours read it, transitions fall due on it.
 * Only {@link Simulation} changes it (and keeps the change in the store); everyone else reads.
 */
public final class SimClock extends Clock {
  private final Clock real;
  private volatile ClockState state = ClockState.REAL_TIME;

  /** @param real the source of real time (the system clock, or a test's clock) */
  public SimClock(Clock real) {
    this.real = Objects.requireNonNull(real);
  }

  public ClockState state() {
    return state;
  }

  /** Real time, as the clock this one is based on tells it. */
  public Instant realInstant() {
    return real.instant();
  }

  void apply(ClockState newState) {
    state = Objects.requireNonNull(newState);
  }

  @Override
  public Instant instant() {
    return state.at(real.instant());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock's time seen in another zone (the instant stays the simulated one). */
  @Override
  public Clock withZone(ZoneId zone) {
    SimClock simulated = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return simulated.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return simulated.withZone(other);
      }
    };
  }
}
