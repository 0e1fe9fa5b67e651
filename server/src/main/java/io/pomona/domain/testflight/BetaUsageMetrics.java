package io.pomona.domain.testflight;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.MetricRequest;
import io.pomona.behaviour.MetricSeries;
import io.pomona.behaviour.MetricSeries.DataPoint;
import io.pomona.behaviour.MetricSeries.Dimension;
import io.pomona.behaviour.MetricSource;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.domain.testflight.BetaUsage.Counts;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TestFlight's metrics: {@code betaTesterUsages} of an app, a beta group and a tester, {@code
 * betaBuildUsages} of a build and {@code publicLinkUsages} of a group, all from {@link BetaUsage}
 * and the stored testers and groups. Each series has one data point covering the whole window,
 * as Apple's documented examples do.
 *
 * <p>Inf: without {@code period} (and on the metrics that take none) the window is a year back from
 * now, as Apple's examples without one cover a year. A dimension's {@code data} is the resource id
 * as the OpenAPI document types it (a string), though Apple's prose examples show an identifier
 * object there.
 */
public final class BetaUsageMetrics implements Behaviour {
  static final Duration DEFAULT_PERIOD = Duration.ofDays(365);
  private static final String TESTERS = "betaTesters";

  @Override
  public Set<String> resourceTypes() {
    return Set.of();
  }

  @Override
  public List<MetricSource> metricSources() {
    return List.of(
        MetricSource.of("apps", "betaTesterUsages", this::appTesters),
        MetricSource.of("betaGroups", "betaTesterUsages", this::groupTesters),
        MetricSource.of("betaTesters", "betaTesterUsages", this::testerInApp),
        MetricSource.of("builds", "betaBuildUsages", this::build),
        MetricSource.of("betaGroups", "publicLinkUsages", this::publicLink));
  }

  /** Per tester of the app; Apple requires {@code groupBy} or {@code filter[betaTesters]} here (Doc). */
  private List<MetricSeries> appTesters(MetricRequest request, ResourceAccess resources) {
    Optional<String> tester = testerFilter(request, resources);
    if (request.groupBy().isEmpty() && tester.isEmpty()) {
      throw new ApiException(Errors.requiredParameter("groupBy"));
    }
    MetricRequest.Window window = request.window(DEFAULT_PERIOD);
    BetaUsage usage = new BetaUsage(resources, window);
    Map<String, Counts> byTester = usage.ofApp(request.id());
    List<String> testers = tester.map(List::of).orElseGet(() -> List.copyOf(usage.testersOf(request.id(), byTester)));
    return perTester(testers, byTester, window);
  }

  /**
   * The group's testers' usage of the group's app: per tester with {@code groupBy} or a tester
   * filter, else one series for the whole group.
   */
  private List<MetricSeries> groupTesters(MetricRequest request, ResourceAccess resources) {
    Optional<String> tester = testerFilter(request, resources);
    MetricRequest.Window window = request.window(DEFAULT_PERIOD);
    BetaUsage usage = new BetaUsage(resources, window);
    Map<String, Counts> byTester = resources.related("betaGroups", request.id(), "app", 1).stream().findFirst()
        .map(app -> usage.ofApp(app.id())).orElse(Map.of());
    List<String> members = resources.related("betaGroups", request.id(), TESTERS, BetaUsage.MAX).stream()
        .map(StoredResource::id).toList();
    if (tester.isPresent() || !request.groupBy().isEmpty()) {
      return perTester(tester.map(List::of).orElse(members), byTester, window);
    }
    Counts total = members.stream().map(id -> byTester.getOrDefault(id, Counts.NONE)).reduce(Counts.NONE, Counts::plus);
    return List.of(series("group", total.values(), List.of(), window));
  }

  /** One tester's usage of the app {@code filter[apps]} names (required by the catalog). */
  private List<MetricSeries> testerInApp(MetricRequest request, ResourceAccess resources) {
    String app = request.filter("apps").orElseThrow(() -> new ApiException(Errors.requiredParameter("filter[apps]")));
    if (resources.get("apps", app).isEmpty()) {
      throw unknown("filter[apps]", "apps", app);
    }
    MetricRequest.Window window = request.window(DEFAULT_PERIOD);
    Counts counts = new BetaUsage(resources, window).ofApp(app).getOrDefault(request.id(), Counts.NONE);
    return List.of(series(app, counts.values(), List.of(new Dimension("apps", app, Optional.of("apps"))), window));
  }

  /**
   * A build's totals: its testers' usage summed, the testers who used it as installs (Inf: a
   * tester who sent feedback had installed it), and as invites every tester who may install it.
   */
  private List<MetricSeries> build(MetricRequest request, ResourceAccess resources) {
    MetricRequest.Window window = request.window(DEFAULT_PERIOD);
    BetaUsage usage = new BetaUsage(resources, window);
    Map<String, Counts> byTester = usage.ofBuild(request.id());
    Counts total = byTester.values().stream().reduce(Counts.NONE, Counts::plus);
    Set<String> invited = usage.testersWithAccess(request.id());
    invited.addAll(byTester.keySet());
    Map<String, Number> values = new LinkedHashMap<>(total.values());
    values.put("installCount", byTester.size());
    values.put("inviteCount", invited.size());
    return List.of(series("build", values, List.of(), window));
  }

  /**
   * A group's public link: every tester who joined through it accepted (those with {@code
   * inviteType} PUBLIC_LINK, made in the window). Inf: one view in four ends without accepting, so
   * the views are the accepted plus a third as many who did not accept.
   */
  private List<MetricSeries> publicLink(MetricRequest request, ResourceAccess resources) {
    MetricRequest.Window window = request.window(DEFAULT_PERIOD);
    long accepted = resources.related("betaGroups", request.id(), TESTERS, BetaUsage.MAX).stream()
        .filter(t -> "PUBLIC_LINK".equals(t.attributes().get("inviteType")))
        .filter(t -> window.contains(t.createdAt()))
        .count();
    long didNotAccept = (accepted + 2) / 3;
    Map<String, Number> values = new LinkedHashMap<>();
    values.put("viewCount", accepted + didNotAccept);
    values.put("acceptedCount", accepted);
    values.put("didNotAcceptCount", didNotAccept);
    values.put("didNotMeetCriteriaCount", 0);
    return List.of(series("publicLink", values, List.of(), window));
  }

  private static List<MetricSeries> perTester(List<String> testers, Map<String, Counts> byTester,
      MetricRequest.Window window) {
    List<MetricSeries> series = new ArrayList<>();
    for (String tester : testers) {
      series.add(series(tester, byTester.getOrDefault(tester, Counts.NONE).values(),
          List.of(new Dimension(TESTERS, tester, Optional.of(TESTERS))), window));
    }
    return series;
  }

  /** {@code filter[betaTesters]}: a tester of the team, else 400 naming the filter. */
  private static Optional<String> testerFilter(MetricRequest request, ResourceAccess resources) {
    Optional<String> tester = request.filter(TESTERS);
    if (tester.isPresent() && resources.get(TESTERS, tester.get()).isEmpty()) {
      throw unknown("filter[betaTesters]", TESTERS, tester.get());
    }
    return tester;
  }

  private static ApiException unknown(String parameter, String type, String id) {
    return new ApiException(Errors.invalidParameter(parameter,
        "There is no resource of type '" + type + "' with id '" + id + "'."));
  }

  private static MetricSeries series(String key, Map<String, Number> values, List<Dimension> dimensions,
      MetricRequest.Window window) {
    return new MetricSeries(key, List.of(new DataPoint(window.start(), window.end(), values)), dimensions,
        Optional.empty());
  }
}
