package io.pomona.domain.webhooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates as Apple writes them (api-facts.md §14): ISO 8601, milliseconds, {@code Z}. */
final class AppleDates {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private AppleDates() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
