package io.pomona.behaviour;

import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metrics request, its parameters already checked against the catalog (names, enums).
 *
 * @param id the resource the path names; it exists in the caller's team
 * @param now the simulated clock's present: metrics cover a window that ends here
 * @param filters {@code filter[key]} values by key
 * @param parameters the operation's other parameters by name ({@code period}, {@code groupBy},
 *     {@code granularity})
 */
public record MetricRequest(String id, Instant now, Map<String, List<String>> filters,
    Map<String, List<String>> parameters) {

  public MetricRequest {
    filters = Map.copyOf(filters);
    parameters = Map.copyOf(parameters);
  }

  /** The dimensions asked for with {@code groupBy}. */
  public List<String> groupBy() {
    return parameters.getOrDefault("groupBy", List.of());
  }

  /** The one value of {@code filter[key]}, if given; several values are a 400 naming the filter. */
  public Optional<String> filter(String key) {
    List<String> values = filters.getOrDefault(key, List.of());
    if (values.size() > 1) {
      throw new ApiException(Errors.invalidParameter("filter[" + key + "]",
          "filter[" + key + "] takes one id, not a list."));
    }
    return values.stream().findFirst();
  }

  /**
   * The window the data points cover: {@code period} (an ISO-8601 duration in days, such as
   * {@code P30D}, whose values the catalog already checked) back from {@link #now()}, or {@code
   * fallback} when the request gives none or the operation has no {@code period}.
   */
  public Window window(Duration fallback) {
    Duration length = Optional.ofNullable(parameters.get("period")).flatMap(v -> v.stream().findFirst())
        .map(MetricRequest::days)
        .orElse(fallback);
    return new Window(now.minus(length), now);
  }

  private static Duration days(String period) {
    try {
      return Duration.ofDays(java.time.Period.parse(period).getDays());
    } catch (DateTimeParseException e) {
      throw new ApiException(Errors.invalidParameter("period", "'" + period + "' is not a period such as P30D."));
    }
  }

  /**
   * A time window {@code (start, end]}: it ends at, and includes, the present, so that what happened
   * at this very instant (on a frozen clock, everything recent) counts.
   */
  public record Window(Instant start, Instant end) {
    public boolean contains(Instant instant) {
      return instant.isAfter(start) && !instant.isAfter(end);
    }
  }
}
