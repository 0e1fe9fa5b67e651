package io.pomona.sim.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pebble Puzzle's Xcode Cloud set-up (api-facts.md §12): its GitHub repository with branches, tags
 * and pull requests; four workflows (pull request checks, TestFlight builds from main, releases
 * from tags, a disabled nightly); and a history of build runs in every progress and outcome.
 */
final class XcodeCloudStory {
  static final String APP = "pebble";
  static final String OWNER = "pomona-demo";
  static final String REPOSITORY = "pebble-puzzle";
  static final String CONTAINER = "PebblePuzzle.xcodeproj";
  static final String SCHEME = "PebblePuzzle";

  private XcodeCloudStory() {}

  record GitRef(String name, String kind, boolean deleted) {
    String canonicalName() {
      return (kind.equals("TAG") ? "refs/tags/" : "refs/heads/") + name;
    }
  }

  /** A pull request; {@code destinationHead} is the message of the destination branch's head commit. */
  record PullRequest(
      int number, String title, String sourceBranch, String destinationBranch, boolean closed, String destinationHead) {}

  /** A workflow; {@code startConditions} maps attribute names such as {@code branchStartCondition} to values. */
  record Workflow(
      String name, String description, boolean enabled, boolean clean, String xcodeVersion, String macOsVersion,
      Duration lastModified, Map<String, Object> startConditions, List<Action> actions) {}

  /** One action of a workflow, the {@code CiAction} shape. */
  record Action(String name, String actionType, boolean requiredToPass, Map<String, Object> attributes) {}

  /** How a run turned out (or how far it got). */
  enum Outcome { SUCCEEDED, FAILED, ERRORED, CANCELED, RUNNING, PENDING }

  /**
   * A build run. {@code ref} names the branch or tag built; pull request runs also name the pull
   * request, whose destination branch becomes the run's destination.
   */
  record Run(
      int number, String workflow, String startReason, String ref, Optional<Integer> pullRequest, Outcome outcome,
      Duration age, Optional<String> buildNumber, String message, String author) {}

  static List<GitRef> gitRefs() {
    return List.of(
        new GitRef("main", "BRANCH", false),
        new GitRef("develop", "BRANCH", false),
        new GitRef("feature/daily-challenges", "BRANCH", true),
        new GitRef("fix/hint-cooldown", "BRANCH", false),
        new GitRef("v2.3.0", "TAG", false),
        new GitRef("v2.4.0", "TAG", false));
  }

  static List<PullRequest> pullRequests() {
    return List.of(
        new PullRequest(41, "Daily challenge mode", "feature/daily-challenges", "main", true,
            "Bump version to 2.2.1"),
        new PullRequest(44, "Make the hint cooldown configurable", "fix/hint-cooldown", "main", false,
            "Localize season pass strings"));
  }

  static List<Workflow> workflows() {
    Map<String, Object> mainOnly = patterns(false, pattern("main", false));
    Map<String, Object> anything = patterns(true);
    return List.of(
        new Workflow("Pull Request Checks", "Unit and UI tests for every pull request into main.", true, false,
            "latest:stable", "latest:stable", Duration.ofDays(90),
            conditions(
                "pullRequestStartCondition", map("source", anything, "destination", mainOnly, "autoCancel", true),
                "manualPullRequestStartCondition", map("source", anything, "destination", mainOnly)),
            List.of(test("Test - iOS", "CI", true), analyze())),
        new Workflow("Main – TestFlight", "Tests and archives every change on main for TestFlight.", true, false,
            "latest:stable", "latest:stable", Duration.ofDays(60),
            conditions(
                "branchStartCondition", map(
                    "source", mainOnly,
                    "filesAndFoldersRule", map(
                        "mode", "DO_NOT_START_IF_ALL_FILES_MATCH",
                        "matchers", List.of(map("directory", "Docs"), map("fileExtension", "md"))),
                    "autoCancel", true),
                "manualBranchStartCondition", map("source", anything)),
            List.of(test("Test - iOS", "CI", true), archive())),
        new Workflow("Release", "Archives tagged releases (v…) for the App Store with a clean build.", true, true,
            "Xcode16F6:stable", "24F74", Duration.ofDays(120),
            conditions(
                "tagStartCondition", map("source", patterns(false, pattern("v", true)), "autoCancel", false),
                "manualTagStartCondition", map("source", patterns(false, pattern("v", true)))),
            List.of(archive())),
        new Workflow("Nightly UI Tests", "The full UI test plan on develop, every night. Paused while the suite is "
            + "rewritten.", false, false, "latest:stable", "latest:stable", Duration.ofDays(5),
            conditions("scheduledStartCondition", map(
                "source", patterns(false, pattern("develop", false)),
                "schedule", map("frequency", "DAILY", "hour", 2, "minute", 0, "timezone", "Europe/Berlin"))),
            List.of(test("UI Tests - iOS", "UI", false))));
  }

  static List<Run> runs() {
    String pr = "Pull Request Checks";
    String main = "Main – TestFlight";
    String release = "Release";
    return List.of(
        new Run(101, pr, "PULL_REQUEST_OPEN", "feature/daily-challenges", Optional.of(41), Outcome.FAILED,
            Duration.ofDays(53), Optional.empty(), "Add daily challenge mode", "Mateo García"),
        new Run(102, pr, "PULL_REQUEST_UPDATE", "feature/daily-challenges", Optional.of(41), Outcome.SUCCEEDED,
            Duration.ofDays(52), Optional.empty(), "Seed daily challenges by UTC date", "Mateo García"),
        new Run(103, main, "GIT_REF_CHANGE", "main", Optional.empty(), Outcome.SUCCEEDED,
            Duration.ofDays(50), Optional.empty(), "Merge pull request #41 from pomona-demo/feature/daily-challenges",
            "Jordan Lee"),
        new Run(104, release, "GIT_REF_CHANGE", "v2.3.0", Optional.empty(), Outcome.SUCCEEDED,
            Duration.ofDays(48), Optional.of("212"), "Bump version to 2.3.0", "Jordan Lee"),
        new Run(105, main, "GIT_REF_CHANGE", "main", Optional.empty(), Outcome.SUCCEEDED,
            Duration.ofDays(21), Optional.of("226"), "Fix crash when the last stone lands on a ledge", "Mateo García"),
        new Run(106, main, "GIT_REF_CHANGE", "main", Optional.empty(), Outcome.CANCELED,
            Duration.ofDays(20), Optional.empty(), "Tune pebble friction", "Hannah Becker"),
        new Run(107, release, "GIT_REF_CHANGE", "v2.4.0", Optional.empty(), Outcome.SUCCEEDED,
            Duration.ofDays(19), Optional.of("227"), "Bump version to 2.4.0", "Jordan Lee"),
        new Run(108, "Nightly UI Tests", "SCHEDULE", "develop", Optional.empty(), Outcome.ERRORED,
            Duration.ofDays(6), Optional.empty(), "Add season pass store screen", "Priya Natarajan"),
        new Run(109, main, "GIT_REF_CHANGE", "main", Optional.empty(), Outcome.SUCCEEDED,
            Duration.ofDays(4), Optional.of("239"), "Season pass preview", "Mateo García"),
        new Run(110, main, "GIT_REF_CHANGE", "main", Optional.empty(), Outcome.SUCCEEDED,
            Duration.ofDays(3), Optional.of("240"), "Shorten the hint cooldown to three minutes", "Mateo García"),
        new Run(111, main, "MANUAL", "main", Optional.empty(), Outcome.SUCCEEDED,
            Duration.ofMinutes(45), Optional.of("241"), "Localize season pass strings", "Yuki Tanaka"),
        new Run(112, pr, "PULL_REQUEST_OPEN", "fix/hint-cooldown", Optional.of(44), Outcome.RUNNING,
            Duration.ofMinutes(12), Optional.empty(), "Read the hint cooldown from remote config", "Hannah Becker"),
        new Run(113, main, "MANUAL_REBUILD", "main", Optional.empty(), Outcome.PENDING,
            Duration.ofMinutes(1), Optional.empty(), "Localize season pass strings", "Yuki Tanaka"));
  }

  private static Action test(String name, String testPlan, boolean required) {
    return new Action(name, "TEST", required, map(
        "destination", "ANY_IOS_SIMULATOR",
        "testConfiguration", map(
            "kind", "SPECIFIC_TEST_PLANS",
            "testPlanName", testPlan,
            "testDestinations", List.of(
                simulator("iPhone 16 Pro", "com.apple.CoreSimulator.SimDeviceType.iPhone-16-Pro"),
                simulator("iPhone SE (3rd generation)",
                    "com.apple.CoreSimulator.SimDeviceType.iPhone-SE-3rd-generation"))),
        "scheme", SCHEME,
        "platform", "IOS"));
  }

  private static Action analyze() {
    return new Action("Analyze - iOS", "ANALYZE", false,
        map("destination", "ANY_IOS_DEVICE", "scheme", SCHEME, "platform", "IOS"));
  }

  private static Action archive() {
    return new Action("Archive - iOS", "ARCHIVE", true, map(
        "destination", "ANY_IOS_DEVICE",
        "buildDistributionAudience", "APP_STORE_ELIGIBLE",
        "scheme", SCHEME,
        "platform", "IOS"));
  }

  private static Map<String, Object> simulator(String name, String identifier) {
    return map(
        "deviceTypeName", name,
        "deviceTypeIdentifier", identifier,
        "runtimeName", "Latest from Selected Xcode (iOS 18.5)",
        "runtimeIdentifier", "default",
        "kind", "SIMULATOR");
  }

  private static Map<String, Object> patterns(boolean allMatch, Map<?, ?>... patterns) {
    return map("isAllMatch", allMatch, "patterns", List.of(patterns));
  }

  private static Map<String, Object> pattern(String pattern, boolean prefix) {
    return map("pattern", pattern, "isPrefix", prefix);
  }

  private static Map<String, Object> conditions(Object... namesAndValues) {
    return map(namesAndValues);
  }

  /** An ordered JSON object from alternating names and values, for the nested shapes above. */
  static Map<String, Object> map(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }
}
