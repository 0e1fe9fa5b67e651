package io.pomona.operator;

import io.pomona.error.Errors;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them: ISO-8601 ({@code PT1H30M}, {@code P2D}) or short forms
 * ({@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d}, {@code 500ms}, {@code 1.5h}), at most
 * {@link #LONGEST}.
 */
public final class Durations {
  /**
   * The longest duration an operator may give: a century is far beyond any process Apple runs,
   * and the bound keeps the clock's arithmetic away from overflow.
   */
  public static final Duration LONGEST = Duration.ofDays(36_525);

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern SHORT = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");

  private Durations() {}

  /**
   * Reads a duration; 400 {@code ENTITY_INVALID} naming {@code member} when it is not one, or
   * when it is negative.
   */
  public static Duration parse(String text, String member) {
    String trimmed = text.strip();
    Duration duration;
    if (trimmed.startsWith("P") || trimmed.startsWith("p") || trimmed.startsWith("-P")) {
      try {
        duration = Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        throw notADuration(text, member);
      }
    } else if (trimmed.startsWith("-") && SHORT.matcher(trimmed.substring(1)).matches()) {
      throw negative(text, member);
    } else if (SHORT.matcher(trimmed).matches()) {
      duration = Duration.ZERO;
      Matcher part = PART.matcher(trimmed);
      while (part.find()) {
        Duration amount = amount(new BigDecimal(part.group(1)), part.group(2));
        if (amount.compareTo(LONGEST) > 0) {
          throw tooLong(text, member);
        }
        duration = duration.plus(amount);
      }
    } else {
      throw notADuration(text, member);
    }
    if (duration.isNegative()) {
      throw negative(text, member);
    }
    if (duration.compareTo(LONGEST) > 0) {
      throw tooLong(text, member);
    }
    return duration;
  }

  /** Seconds, possibly fractional (kept to the millisecond); 400 when negative. */
  public static Duration ofSeconds(double seconds, String member) {
    if (!(seconds >= 0)) {
      throw negative(Double.toString(seconds), member);
    }
    if (seconds > LONGEST.toSeconds()) {
      throw tooLong(Double.toString(seconds), member);
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static Duration amount(BigDecimal value, String unit) {
    BigDecimal millis = switch (unit) {
      case "ms" -> value;
      case "s" -> value.scaleByPowerOfTen(3);
      case "m" -> value.multiply(BigDecimal.valueOf(60_000));
      case "h" -> value.multiply(BigDecimal.valueOf(3_600_000));
      default -> value.multiply(BigDecimal.valueOf(86_400_000));
    };
    // Anything past LONGEST is refused by the caller; clamp here so the conversion cannot wrap.
    return Duration.ofMillis(millis.min(BigDecimal.valueOf(LONGEST.toMillis() + 1)).longValue());
  }

  private static io.pomona.error.ApiException notADuration(String text, String member) {
    return Errors.entityInvalid("'" + member + "' must be a duration such as 90s, 15m, 1h30m, 2d or PT1H; got '"
        + text + "'");
  }

  private static io.pomona.error.ApiException tooLong(String text, String member) {
    return Errors.entityInvalid("'" + member + "' is longer than " + LONGEST.toDays() + " days (" + text + ")");
  }

  private static io.pomona.error.ApiException negative(String text, String member) {
    return Errors.entityInvalid("'" + member + "' cannot be negative (" + text + "): the clock only moves forward;"
        + " use set to go back");
  }
}
