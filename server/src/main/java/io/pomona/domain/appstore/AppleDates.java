package io.pomona.domain.appstore;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Apple's date-time form, e.g. {@code 2026-11-01T10:00:00.000Z}. */
final class AppleDates {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private AppleDates() {}

  static String format(Instant instant) {
    return DATE_TIME.format(instant);
  }
}
