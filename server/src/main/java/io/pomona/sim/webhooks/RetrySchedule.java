package io.pomona.sim.webhooks;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff on the simulated clock. Apple does not
 * document its retries (api-facts.md §13 "Not documented"); ours are {@link #DEFAULT}: 5 attempts in
 * all, the retries 10 s, 30 s, 90 s and 270 s after the attempt before them (about 6.8 minutes from
 * first to last). Because the delays run on the simulated clock, an operator or a test advances the
 * clock instead of waiting.
 *
 * @param maxAttempts how many attempts a delivery gets, the first included (at least 1)
 * @param firstDelay the wait before the first retry
 * @param factor how much longer each following wait is (at least 1)
 */
public record RetrySchedule(int maxAttempts, Duration firstDelay, int factor) {
  public static final RetrySchedule DEFAULT = new RetrySchedule(5, Duration.ofSeconds(10), 3);

  public RetrySchedule {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("a delivery needs at least one attempt, not " + maxAttempts);
    }
    if (firstDelay.isNegative()) {
      throw new IllegalArgumentException("the first retry delay cannot be negative: " + firstDelay);
    }
    if (factor < 1) {
      throw new IllegalArgumentException("the backoff factor must be at least 1, not " + factor);
    }
  }

  /**
   * The wait before the attempt after attempt number {@code attempt} (1 is the first), or empty
   * when that was the last one.
   */
  public Optional<Duration> delayAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, not " + attempt);
    }
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    Duration delay = firstDelay;
    for (int i = 1; i < attempt; i++) {
      delay = delay.multipliedBy(factor);
    }
    return Optional.of(delay);
  }
}
