package io.pomona.domain.provisioning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Apple's date-time form in documents, e.g. {@code 2026-11-01T10:00:00.000Z}. */
final class Dates {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private Dates() {}

  static String format(Instant instant) {
    return DATE_TIME.format(instant);
  }

  /** A stored date-time attribute; empty when absent or not a date-time. */
  static Optional<Instant> parse(Object value) {
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notADate) {
      return Optional.empty(); // written by an operator in another form: treated as unknown
    }
  }
}
