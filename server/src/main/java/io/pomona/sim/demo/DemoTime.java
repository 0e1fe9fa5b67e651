package io.pomona.sim.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Dates of the demo, relative to one instant (the simulated clock's "now" at seeding), written
 * as Apple writes them: ISO-8601 in UTC with milliseconds and {@code Z}. Past dates get a few
 * minutes of seeded jitter so that lists sorted by date look like real activity, not a grid.
 */
final class DemoTime {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Instant now;
  private final DemoRandom random;

  DemoTime(Instant now, DemoRandom random) {
    this.now = now.truncatedTo(ChronoUnit.MILLIS);
    this.random = random;
  }

  Instant now() {
    return now;
  }

  /** About {@code days} days before now (up to three hours earlier). */
  Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days)).minus(jitter());
  }

  /** About {@code minutes} minutes before now (up to a minute earlier). */
  Instant minutesAgo(int minutes) {
    return now.minus(Duration.ofMinutes(minutes)).minusMillis(random.between(0, 59_999));
  }

  /** Exactly {@code days} days after {@code from}. */
  static Instant plusDays(Instant from, int days) {
    return from.plus(Duration.ofDays(days));
  }

  /** {@code from} plus some minutes and seconds, for things that follow one another. */
  Instant after(Instant from, int minMinutes, int maxMinutes) {
    return from.plus(Duration.ofMinutes(random.between(minMinutes, maxMinutes))).plusMillis(random.between(0, 59_999));
  }

  /** Midnight UTC {@code days} days after today, as release dates are usually set. */
  Instant daysAheadAtMidnight(int days) {
    return now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days));
  }

  static String iso(Instant instant) {
    return ISO.format(instant);
  }

  /** The year of an instant, for copyright lines. */
  static int year(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).getYear();
  }

  private Duration jitter() {
    return Duration.ofMinutes(random.between(0, 180)).plusMillis(random.between(0, 59_999));
  }
}
