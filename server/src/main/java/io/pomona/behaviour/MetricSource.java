package io.pomona.behaviour;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The data behind one {@code getMetrics} operation ({@code GET /v1/{type}/{id}/metrics/{metric}}),
 * declared by the domain that owns the data. The engine checks the query against the catalog,
 * finds the resource the path names (404 across teams), asks the source for its series, then
 * sorts, pages and renders them; a source never sees HTTP or JSON.
 *
 * <p>A source computes from what is stored, on the simulated clock ({@link MetricRequest#now()}),
 * and deterministically: the same data and clock give the same numbers.
 */
public interface MetricSource {

  /** The resource type of the path, e.g. {@code builds}. */
  String resourceType();

  /** The metric name after {@code metrics/}, e.g. {@code betaBuildUsages}. */
  String metric();

  /**
   * The series of the resource {@code request.id()}, each with a stable {@link MetricSeries#key()}
   * (the engine pages by it). Throw an {@link io.pomona.error.ApiException} (400 naming the
   * parameter) for a request the catalog allows but the data cannot answer, such as a filter
   * naming an unknown resource.
   *
   * @param resources the team's resources, read-only
   */
  List<MetricSeries> series(MetricRequest request, ResourceAccess resources);

  /** A source computed by {@code compute}. */
  static MetricSource of(String resourceType, String metric,
      BiFunction<MetricRequest, ResourceAccess, List<MetricSeries>> compute) {
    return new MetricSource() {
      @Override
      public String resourceType() {
        return resourceType;
      }

      @Override
      public String metric() {
        return metric;
      }

      @Override
      public List<MetricSeries> series(MetricRequest request, ResourceAccess resources) {
        return compute.apply(request, resources);
      }
    };
  }
}
