package io.pomona.auth;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The one place that says which scoped tokens may live longer than 20 minutes.
 *
 * <p>Apple (api-facts.md §1, "Determine the appropriate token lifetime"): up to six months when
 * the token has a scope, every entry is {@code GET}, and every resource in it is an Xcode Cloud
 * resource or Power and Performance Metrics and Logs. Read here as: an entry qualifies when its
 * path starts at one of {@link #RESOURCE_TYPES} (any endpoint under it, as Apple's Xcode Cloud
 * documentation groups them, for example {@code /v1/ciProducts/{id}/app}), or when it reads one
 * of {@link #RELATIONSHIPS} of another resource ({@code /v1/apps/{id}/perfPowerMetrics},
 * {@code /v1/builds/{id}/diagnosticSignatures}, {@code /v1/apps/{id}/ciProduct}, and their
 * {@code relationships/} linkage forms). The diagnostic logs, {@code
 * /v1/diagnosticSignatures/{id}/logs}, start at {@code diagnosticSignatures}.
 */
final class LongLivedScopes {

  /**
   * "Six months" made exact: 182 days (26 weeks), inclusive. Six calendar months span 181 to 184
   * days; 182 is the whole number of days nearest half a year (182.5) without exceeding it.
   */
  static final Duration MAX_LIFETIME = Duration.ofDays(182);

  /** Xcode Cloud resource types, then Power and Performance Metrics and Logs. */
  static final Set<String> RESOURCE_TYPES =
      Set.of(
          "ciProducts",
          "ciWorkflows",
          "ciBuildRuns",
          "ciBuildActions",
          "ciIssues",
          "ciTestResults",
          "ciArtifacts",
          "ciMacOsVersions",
          "ciXcodeVersions",
          "scmProviders",
          "scmRepositories",
          "scmGitReferences",
          "scmPullRequests",
          "perfPowerMetrics",
          "diagnosticSignatures");

  /** Relationships of other resources that lead to the resources above. */
  static final Set<String> RELATIONSHIPS =
      Set.of("ciProduct", "perfPowerMetrics", "diagnosticSignatures");

  private LongLivedScopes() {}

  static boolean covers(ApiPath path) {
    List<String> segments = path.segments();
    if (segments.isEmpty()) {
      return false;
    }
    if (RESOURCE_TYPES.contains(segments.get(0))) {
      return true;
    }
    boolean related = segments.size() == 3;
    boolean linkage = segments.size() == 4 && segments.get(2).equals("relationships");
    return (related || linkage) && RELATIONSHIPS.contains(segments.get(segments.size() - 1));
  }
}
