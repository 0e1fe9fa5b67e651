package io.pomona.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the simulated clock stands relative to real time: running at real time plus {@code
 * offset}, or frozen at {@code frozenAt} (the offset then no longer matters). Both are kept to the
 * millisecond, as the store keeps them, so that a restart finds exactly the same clock.
 */
public record ClockState(Optional<Instant> frozenAt, Duration offset) {
  /** Real time: running, no offset. */
  public static final ClockState REAL_TIME = new ClockState(Optional.empty(), Duration.ZERO);

  public ClockState {
    Objects.requireNonNull(frozenAt, "frozenAt");
    Objects.requireNonNull(offset, "offset");
    frozenAt = frozenAt.map(at -> at.truncatedTo(ChronoUnit.MILLIS));
    offset = Duration.ofMillis(offset.toMillis());
  }

  public boolean frozen() {
    return frozenAt.isPresent();
  }

  /** The simulated time when real time is {@code real}. */
  public Instant at(Instant real) {
    return frozenAt.orElseGet(() -> real.plus(offset));
  }

  ClockState freeze(Instant real) {
    return frozen() ? this : new ClockState(Optional.of(at(real)), offset);
  }

  /** Runs again from the frozen time (not jumping to where it would have been). */
  ClockState resume(Instant real) {
    return frozenAt.map(at -> new ClockState(Optional.empty(), Duration.between(real, at))).orElse(this);
  }

  ClockState advance(Duration by) {
    return frozenAt
        .map(at -> new ClockState(Optional.of(at.plus(by)), offset))
        .orElseGet(() -> new ClockState(Optional.empty(), offset.plus(by)));
  }

  ClockState set(Instant to, Instant real) {
    return frozen()
        ? new ClockState(Optional.of(to), offset)
        : new ClockState(Optional.empty(), Duration.between(real, to));
  }
}
