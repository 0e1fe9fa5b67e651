package io.pomona.behaviour;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One item of a metrics document's {@code data}: data points for one combination of dimension
 * values.
 *
 * @param key stable and unique among the series of one answer: the engine orders and pages by it
 * @param dataPoints the values over time, oldest first
 * @param dimensions what the series is for, by dimension name ({@code betaTesters}, {@code result})
 * @param granularity the time granularity the data points have, where the operation takes one
 */
public record MetricSeries(String key, List<DataPoint> dataPoints, List<Dimension> dimensions,
    Optional<String> granularity) {

  public MetricSeries {
    dataPoints = List.copyOf(dataPoints);
    dimensions = List.copyOf(dimensions);
  }

  /** Values from {@code start} to {@code end}, by name ({@code sessionCount}); integers or ratios. */
  public record DataPoint(Instant start, Instant end, Map<String, Number> values) {
    public DataPoint {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /**
   * A dimension's value: a resource id (with {@code relatedType} its type, which the engine links
   * to) or a plain value such as {@code MATCHED}.
   */
  public record Dimension(String name, String value, Optional<String> relatedType) {}

  /** The sum of one value over all data points (0 when absent): what {@code sort} orders by. */
  public double total(String value) {
    return dataPoints.stream().map(point -> point.values().get(value)).filter(v -> v != null)
        .mapToDouble(Number::doubleValue).sum();
  }
}
