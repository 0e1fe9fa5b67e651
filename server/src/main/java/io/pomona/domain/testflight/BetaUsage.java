package io.pomona.domain.testflight;

import io.pomona.behaviour.MetricRequest.Window;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.store.StoredResource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TestFlight usage as the Apple side records it, read from what is stored: the feedback testers
 * sent ({@link BetaFeedback} and clients' own data) is the record of their activity. Every view
 * of usage (per build, per tester, per app, per group) sums the same per-tester, per-build counts
 * computed here, so the views agree: the testers' numbers add up to the build's, and the builds'
 * to the app's.
 *
 * <p>Inf (Apple publishes no definition): each screenshot or crash submission is one piece of
 * feedback; each crash submission is one crash; each submission was sent from a session, and
 * stands for {@value #MAX_EXTRA_SESSIONS} or fewer further sessions of that tester on that build,
 * a stable number drawn from the submission's id. A submission whose tester is unknown is counted
 * in no view, so that no view shows what the others cannot. Usage is dated by the submission's
 * {@code createdDate}.
 */
final class BetaUsage {
  /** Apple's cap of external testers per app (api-facts.md §14) bounds every list read here. */
  static final int MAX = 10_000;

  private static final int MAX_EXTRA_SESSIONS = 3;
  private static final String SCREENSHOTS = "betaFeedbackScreenshotSubmissions";
  private static final String CRASHES = "betaFeedbackCrashSubmissions";

  private final ResourceAccess resources;
  private final Window window;

  BetaUsage(ResourceAccess resources, Window window) {
    this.resources = resources;
    this.window = window;
  }

  /** Sessions, crashes and feedback of one tester (or of several, summed). */
  record Counts(long sessions, long crashes, long feedback) {
    static final Counts NONE = new Counts(0, 0, 0);

    Counts plus(Counts other) {
      return new Counts(sessions + other.sessions, crashes + other.crashes, feedback + other.feedback);
    }

    Map<String, Number> values() {
      Map<String, Number> values = new LinkedHashMap<>();
      values.put("crashCount", crashes);
      values.put("sessionCount", sessions);
      values.put("feedbackCount", feedback);
      return values;
    }
  }

  /** The usage of one build in the window, by tester id (testers without usage are absent). */
  Map<String, Counts> ofBuild(String buildId) {
    Map<String, Counts> byTester = new LinkedHashMap<>();
    for (String type : List.of(SCREENSHOTS, CRASHES)) {
      for (StoredResource submission : resources.referrers(type, "build", buildId, MAX)) {
        if (!window.contains(createdAt(submission))) {
          continue;
        }
        Optional<StoredResource> tester = resources.related(type, submission.id(), "tester", 1).stream().findFirst();
        if (tester.isEmpty()) {
          continue;
        }
        long sessions = 1 + Math.floorMod(submission.id().hashCode(), MAX_EXTRA_SESSIONS + 1);
        Counts counts = new Counts(sessions, type.equals(CRASHES) ? 1 : 0, 1);
        byTester.merge(tester.get().id(), counts, Counts::plus);
      }
    }
    return byTester;
  }

  /** The usage of every build of an app in the window, by tester id. */
  Map<String, Counts> ofApp(String appId) {
    Map<String, Counts> byTester = new LinkedHashMap<>();
    for (StoredResource build : resources.related("apps", appId, "builds", MAX)) {
      ofBuild(build.id()).forEach((tester, counts) -> byTester.merge(tester, counts, Counts::plus));
    }
    return byTester;
  }

  /** The testers of an app: invited to it, in its groups, or with usage of its builds. */
  Set<String> testersOf(String appId, Map<String, Counts> usage) {
    Set<String> testers = new LinkedHashSet<>();
    resources.related("apps", appId, "betaTesters", MAX).forEach(t -> testers.add(t.id()));
    for (StoredResource group : resources.related("apps", appId, "betaGroups", MAX)) {
      resources.related("betaGroups", group.id(), "betaTesters", MAX).forEach(t -> testers.add(t.id()));
    }
    testers.addAll(usage.keySet());
    return testers;
  }

  /** The testers who may install a build: those of its groups and those invited to it alone. */
  Set<String> testersWithAccess(String buildId) {
    Set<String> testers = new LinkedHashSet<>();
    for (StoredResource group : resources.related("builds", buildId, "betaGroups", MAX)) {
      resources.related("betaGroups", group.id(), "betaTesters", MAX).forEach(t -> testers.add(t.id()));
    }
    resources.related("builds", buildId, "individualTesters", MAX).forEach(t -> testers.add(t.id()));
    return testers;
  }

  /** When a resource was made: its {@code createdDate} when it has a readable one, else when stored. */
  static Instant createdAt(StoredResource resource) {
    if (resource.attributes().get("createdDate") instanceof String date) {
      try {
        return java.time.OffsetDateTime.parse(date).toInstant();
      } catch (DateTimeParseException unreadable) {
        return resource.createdAt();
      }
    }
    return resource.createdAt();
  }
}
