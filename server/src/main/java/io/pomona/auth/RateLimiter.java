package io.pomona.auth;

import io.pomona.error.Errors;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Apple's per-key budget over a rolling 60-minute window (api-facts.md §3).
 *
 * <p>Granularity is one minute: each key has 60 one-minute buckets, and the window is the current
 * minute plus the 59 before it. A request therefore stops counting between 59 and 60 minutes after
 * it was made, never later. Refused requests are not counted, so a client that keeps retrying
 * regains budget as old minutes leave the window.
 *
 * <p>Cost per request: one map lookup and a short critical section on that key's window, which
 * touches at most the buckets of minutes that passed since the key's last request. Keys' windows
 * are kept for the life of the process (about 300 bytes each; keys are few).
 */
public final class RateLimiter {
  private static final long MILLIS_PER_MINUTE = 60_000;

  private final AuthSettings settings;
  private final Clock clock;
  private final ConcurrentMap<String, HourWindow> windows = new ConcurrentHashMap<>();

  /** The answer when the limit is off: always the full budget (one instance, asked per request). */
  private final RateDecision unlimited;

  public RateLimiter(AuthSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.unlimited = new RateDecision(settings.rateLimitPerHour(), settings.rateLimitPerHour());
  }

  /**
   * Counts one request against the key's budget.
   *
   * @return the budget after this request; when the limit is disabled, the full limit always
   * @throws io.pomona.error.ApiException 429 {@code RATE_LIMIT_EXCEEDED} when the budget is spent
   *     (the request is not counted); {@link #status} then reports 0 remaining for the header
   */
  public RateDecision check(String keyId) {
    int limit = settings.rateLimitPerHour();
    if (!settings.rateLimitEnabled()) {
      return unlimited;
    }
    int remaining = window(keyId).tryAcquire(currentMinute(), limit);
    if (remaining < 0) {
      throw Errors.rateLimitExceeded();
    }
    return new RateDecision(limit, remaining);
  }

  /** The key's budget without counting a request: for the header on responses that were refused. */
  public RateDecision status(String keyId) {
    int limit = settings.rateLimitPerHour();
    if (!settings.rateLimitEnabled()) {
      return unlimited;
    }
    return new RateDecision(limit, window(keyId).remaining(currentMinute(), limit));
  }

  private HourWindow window(String keyId) {
    return windows.computeIfAbsent(keyId, id -> new HourWindow());
  }

  private long currentMinute() {
    return Math.floorDiv(clock.millis(), MILLIS_PER_MINUTE);
  }

  /** One key's last 60 minutes of counts, as a ring of buckets indexed by minute modulo 60. */
  private static final class HourWindow {
    private static final int MINUTES = 60;

    private final int[] counts = new int[MINUTES];
    private long latestMinute = Long.MIN_VALUE;
    private int total;

    /** Counts a request and returns what is left, or -1 (not counted) when nothing is left. */
    synchronized int tryAcquire(long minute, int limit) {
      long now = advanceTo(minute);
      if (total >= limit) {
        return -1;
      }
      counts[slot(now)]++;
      total++;
      return limit - total;
    }

    synchronized int remaining(long minute, int limit) {
      advanceTo(minute);
      return Math.max(0, limit - total);
    }

    /**
     * Empties the buckets of minutes that left the window. A clock that steps back keeps counting
     * into the latest minute seen rather than reopening old buckets.
     */
    private long advanceTo(long minute) {
      if (latestMinute == Long.MIN_VALUE || minute - latestMinute >= MINUTES) {
        Arrays.fill(counts, 0);
        total = 0;
        latestMinute = minute;
      }
      for (long passing = latestMinute + 1; passing <= minute; passing++) {
        total -= counts[slot(passing)];
        counts[slot(passing)] = 0;
      }
      latestMinute = Math.max(latestMinute, minute);
      return latestMinute;
    }

    private static int slot(long minute) {
      return Math.floorMod(minute, MINUTES);
    }
  }
}
