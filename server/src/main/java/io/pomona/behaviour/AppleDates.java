package io.pomona.behaviour;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Apple's date-time form in documents (api-facts.md §14), e.g. {@code 2026-11-01T10:00:00.000Z}:
 * ISO 8601 in UTC with milliseconds, both ways. One place, so every behaviour writes dates alike.
 */
public final class AppleDates {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private AppleDates() {}

  public static String format(Instant instant) {
    return DATE_TIME.format(instant);
  }

  /**
   * A stored date-time attribute (any ISO 8601 date-time with an offset); empty when absent or not
   * a date-time: stored dates are validated on the way in, so an unreadable one (written by an
   * operator in another form) counts as unknown.
   */
  public static Optional<Instant> parse(Object value) {
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
