package io.pomona.domain.testflight;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Apple's date-time form, e.g. {@code 2026-11-01T10:00:00.000Z}, both ways. */
final class AppleDates {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private AppleDates() {}

  static String format(Instant instant) {
    return DATE_TIME.format(instant);
  }

  static Optional<Instant> parse(Object value) {
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notADate) {
      // Stored dates are validated on the way in; an unreadable one counts as absent.
      return Optional.empty();
    }
  }
}
