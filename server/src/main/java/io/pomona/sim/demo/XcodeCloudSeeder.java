package io.pomona.sim.demo;

import io.pomona.sim.demo.XcodeCloudStory.Action;
import io.pomona.sim.demo.XcodeCloudStory.GitRef;
import io.pomona.sim.demo.XcodeCloudStory.Outcome;
import io.pomona.sim.demo.XcodeCloudStory.PullRequest;
import io.pomona.sim.demo.XcodeCloudStory.Run;
import io.pomona.sim.demo.XcodeCloudStory.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Xcode Cloud for one app: the connected GitHub account and repository with its git references
 * and pull requests, the product, its workflows, and build runs with their actions. A run's
 * {@code completionStatus}, finish date and issue counts exist only once it is {@code COMPLETE}
 * (api-facts.md §6.6); its issue counts are the sum of its actions'.
 */
final class XcodeCloudSeeder {
  private final DemoContext context;

  XcodeCloudSeeder(DemoContext context) {
    this.context = context;
  }

  void seed(SeededIds appIds, SeededIds bundleIds, SeededIds builds) {
    String provider = context.out().resource("scmProviders", context.random().uuid())
        .attr("scmProviderType", XcodeCloudStory.map("kind", "GITHUB_CLOUD", "displayName", "GitHub", "isOnPremise", false))
        .attr("url", "https://github.com")
        .save();
    String repository = context.out().resource("scmRepositories", context.random().uuid())
        .date("lastAccessedDate", context.time().minutesAgo(12))
        .attr("httpCloneUrl", repositoryUrl() + ".git")
        .attr("sshCloneUrl", "ssh://git@github.com/" + XcodeCloudStory.OWNER + "/" + XcodeCloudStory.REPOSITORY + ".git")
        .attr("ownerName", XcodeCloudStory.OWNER)
        .attr("repositoryName", XcodeCloudStory.REPOSITORY)
        .link("scmProvider", provider)
        .save();
    SeededIds refs = new SeededIds("git reference");
    for (GitRef ref : XcodeCloudStory.gitRefs()) {
      refs.put(ref.name(), context.out().resource("scmGitReferences", context.random().uuid())
          .attr("name", ref.name())
          .attr("canonicalName", ref.canonicalName())
          .attr("isDeleted", ref.deleted())
          .attr("kind", ref.kind())
          .link("repository", repository)
          .save());
    }
    // The default branch is one of the repository's own references, so it can only be linked now.
    context.out().link("scmRepositories", repository, "defaultBranch", List.of(refs.id("main")));
    Map<Integer, PullRequest> pullRequests = new LinkedHashMap<>();
    SeededIds pullRequestIds = new SeededIds("pull request");
    for (PullRequest pullRequest : XcodeCloudStory.pullRequests()) {
      pullRequests.put(pullRequest.number(), pullRequest);
      pullRequestIds.put(Integer.toString(pullRequest.number()), pullRequest(pullRequest, repository));
    }
    String app = XcodeCloudStory.APP;
    String product = context.out().resource("ciProducts", context.random().uuid())
        .attr("name", "Pebble Puzzle")
        .date("createdDate", context.time().daysAgo(200))
        .attr("productType", "APP")
        .link("app", appIds.id(app))
        .link("bundleId", bundleIds.id(app))
        .link("primaryRepositories", List.of(repository))
        .save();
    Map<String, Workflow> workflows = new LinkedHashMap<>();
    SeededIds workflowIds = new SeededIds("workflow");
    for (Workflow workflow : XcodeCloudStory.workflows()) {
      workflows.put(workflow.name(), workflow);
      workflowIds.put(workflow.name(), workflow(workflow, product, repository));
    }
    for (Run run : XcodeCloudStory.runs()) {
      Optional<PullRequest> pullRequest = run.pullRequest().map(pullRequests::get);
      RunLinks links = new RunLinks(workflowIds.id(run.workflow()), product, refs.id(run.ref()),
          pullRequest.map(pr -> refs.id(pr.destinationBranch())),
          run.pullRequest().map(number -> pullRequestIds.id(Integer.toString(number))),
          run.buildNumber().map(number -> builds.id(app + "/" + number)));
      run(run, workflows.get(run.workflow()), pullRequest, links);
    }
  }

  private String pullRequest(PullRequest pullRequest, String repository) {
    return context.out().resource("scmPullRequests", context.random().uuid())
        .attr("title", pullRequest.title())
        .attr("number", pullRequest.number())
        .attr("webUrl", repositoryUrl() + "/pull/" + pullRequest.number())
        .attr("sourceRepositoryOwner", XcodeCloudStory.OWNER)
        .attr("sourceRepositoryName", XcodeCloudStory.REPOSITORY)
        .attr("sourceBranchName", pullRequest.sourceBranch())
        .attr("destinationRepositoryOwner", XcodeCloudStory.OWNER)
        .attr("destinationRepositoryName", XcodeCloudStory.REPOSITORY)
        .attr("destinationBranchName", pullRequest.destinationBranch())
        .attr("isClosed", pullRequest.closed())
        .attr("isCrossRepository", false)
        .link("repository", repository)
        .save();
  }

  private String workflow(Workflow workflow, String product, String repository) {
    DemoWriter.NewResource resource = context.out().resource("ciWorkflows", context.random().uuid())
        .attr("name", workflow.name())
        .attr("description", workflow.description());
    workflow.startConditions().forEach(resource::attr);
    return resource
        .attr("actions", workflow.actions().stream().map(XcodeCloudSeeder::ciAction).toList())
        .attr("isEnabled", workflow.enabled())
        .attr("isLockedForEditing", false)
        .attr("clean", workflow.clean())
        .attr("containerFilePath", XcodeCloudStory.CONTAINER)
        .date("lastModifiedDate", context.time().daysAgo((int) workflow.lastModified().toDays()))
        .link("product", product)
        .link("repository", repository)
        .link("xcodeVersion", workflow.xcodeVersion())
        .link("macOsVersion", workflow.macOsVersion())
        .save();
  }

  private static Map<String, Object> ciAction(Action action) {
    Map<String, Object> ciAction = new LinkedHashMap<>();
    ciAction.put("name", action.name());
    ciAction.put("actionType", action.actionType());
    ciAction.putAll(action.attributes());
    ciAction.put("isRequiredToPass", action.requiredToPass());
    return ciAction;
  }

  private void run(Run run, Workflow workflow, Optional<PullRequest> pullRequest, RunLinks links) {
    Instant created = run.age().toDays() > 0
        ? context.time().daysAgo((int) run.age().toDays()) : context.time().minutesAgo((int) run.age().toMinutes());
    Optional<Instant> started = run.outcome() == Outcome.PENDING ? Optional.empty()
        : Optional.of(context.time().after(created, 0, 2));
    List<PlannedAction> actions = planActions(run.outcome(), workflow.actions(), started);
    boolean complete = run.outcome() != Outcome.RUNNING && run.outcome() != Outcome.PENDING;
    Optional<Instant> finished = complete
        ? actions.stream().map(a -> a.finished().orElseThrow()).max(Instant::compareTo).map(last -> context.time().after(last, 0, 1))
        : Optional.empty();
    DemoWriter.NewResource resource = context.out().resource("ciBuildRuns", context.random().uuid())
        .attr("number", run.number())
        .date("createdDate", created)
        .attr("startedDate", started.map(DemoTime::iso))
        .attr("finishedDate", finished.map(DemoTime::iso))
        .attr("sourceCommit", commit(run.message(), run.author()))
        .attr("destinationCommit", pullRequest.map(pr -> commit(pr.destinationHead(), "Jordan Lee")))
        .attr("isPullRequestBuild", pullRequest.isPresent())
        .attr("issueCounts", complete ? Optional.of(sum(actions).asMap()) : Optional.empty())
        .attr("executionProgress", complete ? "COMPLETE" : run.outcome().name())
        .attr("completionStatus", complete ? Optional.of(run.outcome().name()) : Optional.empty())
        .attr("startReason", run.startReason())
        .attr("cancelReason",
            run.outcome() == Outcome.CANCELED ? Optional.of("AUTOMATICALLY_BY_NEWER_BUILD") : Optional.empty());
    String id = resource
        .link("workflow", links.workflow())
        .link("product", links.product())
        .link("sourceBranchOrTag", links.sourceRef())
        .link("destinationBranch", links.destinationRef())
        .link("pullRequest", links.pullRequest())
        .link("builds", links.build().stream().toList())
        .save();
    for (PlannedAction action : actions) {
      context.out().resource("ciBuildActions", context.random().uuid())
          .attr("name", action.action().name())
          .attr("actionType", action.action().actionType())
          .attr("startedDate", action.started().map(DemoTime::iso))
          .attr("finishedDate", action.finished().map(DemoTime::iso))
          .attr("issueCounts", action.counts().map(IssueCounts::asMap))
          .attr("executionProgress", action.progress())
          .attr("completionStatus", action.status())
          .attr("isRequiredToPass", action.action().requiredToPass())
          .link("buildRun", id)
          .save();
    }
  }

  /**
   * Each action's progress and outcome for a run's outcome: a failed run failed its first test, an
   * errored run its first action; a running run still runs its first action.
   */
  private List<PlannedAction> planActions(Outcome outcome, List<Action> actions, Optional<Instant> runStarted) {
    List<PlannedAction> planned = new ArrayList<>();
    int firstTest = Math.max(0, indexOfFirst(actions, "TEST"));
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      if (outcome == Outcome.PENDING) {
        planned.add(new PlannedAction(action, "PENDING", Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()));
        continue;
      }
      Instant started = context.time().after(runStarted.orElseThrow(), 0, 1);
      if (outcome == Outcome.RUNNING && i == 0) {
        planned.add(new PlannedAction(action, "RUNNING", Optional.empty(), Optional.of(started), Optional.empty(),
            Optional.empty()));
        continue;
      }
      String status = switch (outcome) {
        case FAILED -> i == firstTest ? "FAILED" : "SUCCEEDED";
        case ERRORED -> i == 0 ? "ERRORED" : "SUCCEEDED";
        case CANCELED -> "CANCELED";
        default -> "SUCCEEDED";
      };
      Instant finished = context.time().after(started, outcome == Outcome.CANCELED ? 1 : 4, outcome == Outcome.CANCELED ? 3 : 16);
      planned.add(new PlannedAction(action, "COMPLETE", Optional.of(status), Optional.of(started), Optional.of(finished),
          Optional.of(counts(action, status))));
    }
    return planned;
  }

  private IssueCounts counts(Action action, String status) {
    DemoRandom random = context.random();
    if (status.equals("CANCELED")) {
      return new IssueCounts(0, 0, 0, 0);
    }
    boolean analyzer = action.actionType().equals("ANALYZE");
    return new IssueCounts(
        analyzer ? random.between(0, 3) : 0,
        status.equals("ERRORED") ? 1 : 0,
        status.equals("FAILED") ? random.between(1, 4) : 0,
        analyzer ? 0 : random.between(0, 8));
  }

  private static IssueCounts sum(List<PlannedAction> actions) {
    return actions.stream().map(a -> a.counts().orElse(new IssueCounts(0, 0, 0, 0)))
        .reduce(new IssueCounts(0, 0, 0, 0), IssueCounts::plus);
  }

  private Map<String, Object> commit(String message, String author) {
    String sha = context.random().hex(40, false);
    Map<String, Object> commit = new LinkedHashMap<>();
    commit.put("commitSha", sha);
    commit.put("message", message);
    commit.put("author", Map.of("displayName", author));
    commit.put("committer", Map.of("displayName", author));
    commit.put("webUrl", repositoryUrl() + "/commit/" + sha);
    return commit;
  }

  private static String repositoryUrl() {
    return "https://github.com/" + XcodeCloudStory.OWNER + "/" + XcodeCloudStory.REPOSITORY;
  }

  private static int indexOfFirst(List<Action> actions, String type) {
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).actionType().equals(type)) {
        return i;
      }
    }
    return -1;
  }

  private record RunLinks(
      String workflow, String product, String sourceRef, Optional<String> destinationRef, Optional<String> pullRequest,
      Optional<String> build) {}

  private record PlannedAction(
      Action action, String progress, Optional<String> status, Optional<Instant> started, Optional<Instant> finished,
      Optional<IssueCounts> counts) {}

  /** Apple's {@code CiIssueCounts}. */
  private record IssueCounts(int analyzerWarnings, int errors, int testFailures, int warnings) {
    IssueCounts plus(IssueCounts other) {
      return new IssueCounts(analyzerWarnings + other.analyzerWarnings, errors + other.errors,
          testFailures + other.testFailures, warnings + other.warnings);
    }

    Map<String, Object> asMap() {
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("analyzerWarnings", analyzerWarnings);
      counts.put("errors", errors);
      counts.put("testFailures", testFailures);
      counts.put("warnings", warnings);
      return counts;
    }
  }
}
