package io.pomona.behaviour;

import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a process progresses: {@link Mode#AUTO} fires each step {@code delay} after the resource
 * entered its from-state (zero: at once), {@link Mode#MANUAL} waits for an operator's decision.
 * Configuration and the operator set it per process; it is never a static.
 *
 * <p>Text form (configuration, admin API): {@code manual}, {@code auto} (the default delay), {@code
 * auto:10s}, {@code auto:500ms}, {@code auto:2m}, {@code auto:1h}, {@code immediate} ({@code
 * auto:0s}).
 *
 * @param mode automatic or manual
 * @param delay for {@link Mode#AUTO}, the time on the simulated clock before a step fires; zero for
 *     {@link Mode#MANUAL}
 */
public record Policy(Mode mode, Duration delay) {
  /** The delay of a bare {@code auto}: short, so that demos move. */
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(10);

  private static final Pattern AUTO = Pattern.compile("auto(?::(\\d{1,9})(ms|s|m|h))?");

  /** Automatic or operator-decided progression. */
  public enum Mode {
    AUTO,
    MANUAL
  }

  public Policy {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a policy's delay cannot be negative: " + delay);
    }
    if (mode == Mode.MANUAL && !delay.isZero()) {
      throw new IllegalArgumentException("a manual policy has no delay");
    }
  }

  public static Policy auto(Duration delay) {
    return new Policy(Mode.AUTO, delay);
  }

  public static Policy manual() {
    return new Policy(Mode.MANUAL, Duration.ZERO);
  }

  public boolean isManual() {
    return mode == Mode.MANUAL;
  }

  /**
   * Reads the text form; anything else is a 400 {@code PARAMETER_ERROR.INVALID} naming {@code
   * parameter}.
   */
  public static Policy parse(String text, String parameter) {
    String normalized = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (normalized.equals("manual")) {
      return manual();
    }
    if (normalized.equals("immediate")) {
      return auto(Duration.ZERO);
    }
    Matcher auto = AUTO.matcher(normalized);
    if (!auto.matches()) {
      throw new ApiException(
          Errors.invalidParameter(
              parameter,
              "'"
                  + text
                  + "' is not a policy: use manual, immediate, auto or auto:<n><ms|s|m|h>"
                  + " (e.g. auto:10s)"));
    }
    if (auto.group(1) == null) {
      return auto(DEFAULT_DELAY);
    }
    long amount = Long.parseLong(auto.group(1));
    Duration delay =
        switch (auto.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    return auto(delay);
  }

  /** The text form, e.g. {@code auto:10s}, {@code auto:1500ms} or {@code manual}. */
  @Override
  public String toString() {
    if (isManual()) {
      return "manual";
    }
    long millis = delay.toMillis();
    return millis % 1000 == 0 ? "auto:" + millis / 1000 + "s" : "auto:" + millis + "ms";
  }
}
