package io.pomona.domain.gamecenter;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.MetricSource;
import java.util.List;
import java.util.Set;

/**
 * Game Center's matchmaking metrics (requests, queue sizes, sessions, rule results and errors of
 * detail, queue and rule resources). Pomona simulates no matchmaking: no player ever queues, so
 * every one of these metrics answers a valid document with no series, which is what Apple answers
 * for a game nobody played in the window. The parameters ({@code granularity}, {@code groupBy},
 * {@code filter[result]}, {@code sort}) are still checked against the catalog by the engine.
 */
public final class MatchmakingMetrics implements Behaviour {
  private static final List<String> DETAIL_METRICS = List.of("classicMatchmakingRequests",
      "ruleBasedMatchmakingRequests");
  private static final List<String> QUEUE_METRICS = List.of("experimentMatchmakingQueueSizes",
      "experimentMatchmakingRequests", "matchmakingQueueSizes", "matchmakingRequests", "matchmakingSessions");
  private static final List<String> RULE_METRICS = List.of("matchmakingBooleanRuleResults",
      "matchmakingNumberRuleResults", "matchmakingRuleErrors");

  @Override
  public Set<String> resourceTypes() {
    return Set.of();
  }

  @Override
  public List<MetricSource> metricSources() {
    return java.util.stream.Stream.of(
            DETAIL_METRICS.stream().map(metric -> noMatchmaking("gameCenterDetails", metric)),
            QUEUE_METRICS.stream().map(metric -> noMatchmaking("gameCenterMatchmakingQueues", metric)),
            RULE_METRICS.stream().map(metric -> noMatchmaking("gameCenterMatchmakingRules", metric)))
        .flatMap(s -> s)
        .toList();
  }

  private static MetricSource noMatchmaking(String type, String metric) {
    return MetricSource.of(type, metric, (request, resources) -> List.of());
  }
}
