package io.pomona.jsonapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The string formats request attributes use in OpenAPI 4.4.1: {@code date}, {@code date-time},
 * {@code uri}, {@code email}, {@code number} (a decimal in a string, e.g. Game Center scores) and
 * {@code duration} (ISO 8601). Other formats are not checked.
 */
final class StringFormats {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  // Seconds and a fraction are optional; an offset or Z is required (a bare local time is
  // ambiguous, and Apple's own responses always carry one).
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern DURATION =
      Pattern.compile("P(?=[\\dT])(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");

  /** Format name → what a valid value looks like, for the error detail. */
  private static final Map<String, String> EXPECTED =
      Map.of(
          "date", "a date (YYYY-MM-DD)",
          "date-time", "a date-time (ISO 8601 with an offset or Z, e.g. 2024-05-01T10:00:00Z)",
          "uri", "an absolute URI with a host (e.g. https://example.com/path)",
          "email", "an email address",
          "number", "a decimal number in a string (e.g. \"12.5\")",
          "duration", "an ISO 8601 duration (e.g. P1D or PT30M)");

  private static final Map<String, Predicate<String>> VALID =
      Map.of(
          "date", StringFormats::isDate,
          "date-time", StringFormats::isDateTime,
          "uri", StringFormats::isUri,
          "email", text -> EMAIL.matcher(text).matches(),
          "number", text -> DECIMAL.matcher(text).matches(),
          "duration", text -> DURATION.matcher(text).matches());

  private StringFormats() {}

  /** What the value should have looked like, when it does not match the format. */
  static Optional<String> mismatch(String format, String text) {
    Predicate<String> valid = VALID.get(format);
    if (valid == null || valid.test(text)) {
      return Optional.empty();
    }
    return Optional.of(EXPECTED.get(format));
  }

  private static boolean isDate(String text) {
    return DATE.matcher(text).matches() && parses(() -> LocalDate.parse(text));
  }

  private static boolean isDateTime(String text) {
    return DATE_TIME.matcher(text).matches()
        && parses(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  private static boolean isUri(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return false; // the answer is "not a URI"; the caller reports it
    }
    if (!uri.isAbsolute() || uri.isOpaque()) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean web = scheme.equals("http") || scheme.equals("https");
    return web ? uri.getHost() != null : uri.getRawAuthority() != null;
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException e) {
      return false; // an impossible date such as 2023-02-30; the caller reports it
    }
  }
}
