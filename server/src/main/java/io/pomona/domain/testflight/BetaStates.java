package io.pomona.domain.testflight;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.store.StoredResource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A build's beta states ({@code buildBetaDetails.internalBuildState} and {@code
 * externalBuildState}) follow from where the build stands, as App Store Connect shows them
 * (api-facts.md §6.1, Inf where Apple's help is silent):
 *
 * <ul>
 *   <li>expired → {@code EXPIRED}; processing → {@code PROCESSING}; failed or invalid → {@code
 *       PROCESSING_EXCEPTION}; valid without an export compliance answer ({@code
 *       usesNonExemptEncryption} or an encryption declaration) → {@code MISSING_EXPORT_COMPLIANCE};
 *       valid with an encryption declaration Apple is still reviewing → {@code
 *       IN_EXPORT_COMPLIANCE_REVIEW} (Inf: testers cannot get it before the declaration is approved);
 *   <li>then internally {@code IN_BETA_TESTING} when an internal group has it (or has access to
 *       all builds), else {@code READY_FOR_BETA_TESTING} — internal testers need no review;
 *   <li>externally by its beta review: none → {@code READY_FOR_BETA_SUBMISSION}, then {@code
 *       WAITING_FOR_BETA_REVIEW}, {@code IN_BETA_REVIEW}, {@code BETA_REJECTED}, and once approved
 *       {@code IN_BETA_TESTING} when an external group has it, else {@code BETA_APPROVED}; a build
 *       for internal testing only has {@code NOT_APPLICABLE}.
 * </ul>
 *
 * <p>They are recomputed, in the same transaction, whenever one of those inputs changes: the
 * build, its beta review submission, or a group's builds. Writes of the operator (demo data,
 * imports) set states as given and are left alone; the simulation's are followed, so a demo build
 * moves on like any other. Changing {@code externalBuildState} is what Apple's {@code
 * BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED} webhook reports.
 */
public final class BetaStates implements Behaviour {

  @Override
  public Set<String> resourceTypes() {
    return Set.of("builds", "betaAppReviewSubmissions", "betaGroups");
  }

  /**
   * A group about to be deleted no longer counts for its builds (or, with access to all builds,
   * for every build of its app): their states are computed without it now, since afterwards
   * nothing would tell which builds it had.
   */
  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.origin() == Origin.OPERATOR || ctx.kind() != WriteKind.DELETE || !ctx.type().equals("betaGroups")) {
      return;
    }
    Set<String> builds = new LinkedHashSet<>();
    ctx.resources().related("betaGroups", ctx.id(), "builds", 10_000).forEach(build -> builds.add(build.id()));
    if (allBuilds(ctx.attributes())) {
      ctx.resources().related("betaGroups", ctx.id(), "app", 1).forEach(app ->
          ctx.resources().related("apps", app.id(), "builds", 10_000).forEach(build -> builds.add(build.id())));
    }
    builds.forEach(build -> refresh(ctx.resources(), build, Optional.of(ctx.id())));
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.origin() == Origin.OPERATOR || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    Set<String> builds = new LinkedHashSet<>();
    switch (ctx.type()) {
      case "builds" -> {
        if (ctx.kind() == WriteKind.UPDATE) {
          builds.add(ctx.id());
        }
      }
      case "betaAppReviewSubmissions" -> ctx.resources().related(ctx.type(), ctx.id(), "build", 1)
          .forEach(build -> builds.add(build.id()));
      case "betaGroups" -> {
        builds.addAll(ctx.relationships().getOrDefault("builds", List.of()));
        if (accessToAllBuildsChanged(ctx)) {
          ctx.resources().related("betaGroups", ctx.id(), "app", 1).forEach(app ->
              ctx.resources().related("apps", app.id(), "builds", 10_000).forEach(build -> builds.add(build.id())));
        }
      }
      default -> { }
    }
    builds.forEach(build -> refresh(ctx.resources(), build, Optional.empty()));
  }

  /** An internal group that gains or loses every build changes the internal state of them all. */
  private static boolean accessToAllBuildsChanged(WriteContext ctx) {
    boolean before = ctx.previous().map(p -> allBuilds(p.attributes())).orElse(false);
    return before != allBuilds(ctx.attributes());
  }

  private static boolean allBuilds(Map<String, Object> group) {
    return Boolean.TRUE.equals(group.get("isInternalGroup")) && Boolean.TRUE.equals(group.get("hasAccessToAllBuilds"));
  }

  /** Brings a build's beta detail in line with the build; nothing when it has none. */
  static void refresh(ResourceAccess resources, String buildId, Optional<String> leavingGroup) {
    Optional<StoredResource> build = resources.get("builds", buildId);
    Optional<StoredResource> detail = resources.related("builds", buildId, "buildBetaDetail", 1).stream().findFirst();
    if (build.isEmpty() || detail.isEmpty()) {
      return;
    }
    Map<String, Object> wanted = derive(resources, build.get(), leavingGroup);
    Map<String, Object> changes = new LinkedHashMap<>();
    wanted.forEach((name, value) -> {
      if (!value.equals(detail.get().attributes().get(name))) {
        changes.put(name, value);
      }
    });
    if (!changes.isEmpty()) {
      resources.update("buildBetaDetails", detail.get().id(), changes);
    }
  }

  private static Map<String, Object> derive(ResourceAccess resources, StoredResource build,
      Optional<String> leavingGroup) {
    Map<String, Object> attributes = build.attributes();
    String processing = String.valueOf(attributes.get("processingState"));
    Optional<String> both = Boolean.TRUE.equals(attributes.get("expired")) ? Optional.of("EXPIRED")
        : processing.equals("PROCESSING") ? Optional.of("PROCESSING")
        : !processing.equals("VALID") ? Optional.of("PROCESSING_EXCEPTION")
        : !exportComplianceAnswered(resources, build) ? Optional.of("MISSING_EXPORT_COMPLIANCE")
        : declarationInReview(resources, build) ? Optional.of("IN_EXPORT_COMPLIANCE_REVIEW")
        : Optional.empty();
    if (both.isPresent()) {
      return Map.of("internalBuildState", both.get(), "externalBuildState", both.get());
    }
    List<StoredResource> groups = groupsWith(resources, build).stream()
        .filter(group -> leavingGroup.filter(group.id()::equals).isEmpty()).toList();
    boolean internal = groups.stream().anyMatch(g -> Boolean.TRUE.equals(g.attributes().get("isInternalGroup")));
    boolean external = groups.stream().anyMatch(g -> !Boolean.TRUE.equals(g.attributes().get("isInternalGroup")));
    String review = resources.related("builds", build.id(), "betaAppReviewSubmission", 1).stream().findFirst()
        .map(submission -> String.valueOf(submission.attributes().get("betaReviewState"))).orElse("");
    String externalState = "INTERNAL_ONLY".equals(attributes.get("buildAudienceType")) ? "NOT_APPLICABLE"
        : switch (review) {
          case "WAITING_FOR_REVIEW" -> "WAITING_FOR_BETA_REVIEW";
          case "IN_REVIEW" -> "IN_BETA_REVIEW";
          case "REJECTED" -> "BETA_REJECTED";
          case "APPROVED" -> external ? "IN_BETA_TESTING" : "BETA_APPROVED";
          default -> "READY_FOR_BETA_SUBMISSION";
        };
    return Map.of("internalBuildState", internal ? "IN_BETA_TESTING" : "READY_FOR_BETA_TESTING",
        "externalBuildState", externalState);
  }

  static boolean exportComplianceAnswered(ResourceAccess resources, StoredResource build) {
    return build.attributes().get("usesNonExemptEncryption") instanceof Boolean
        || !resources.related("builds", build.id(), "appEncryptionDeclaration", 1).isEmpty();
  }

  /** Inf: a build waits in export compliance review while its declaration is IN_REVIEW. */
  static boolean declarationInReview(ResourceAccess resources, StoredResource build) {
    return resources.related("builds", build.id(), "appEncryptionDeclaration", 1).stream()
        .anyMatch(declaration -> "IN_REVIEW".equals(declaration.attributes().get("appEncryptionDeclarationState")));
  }

  /** The groups that test a build: those it was added to, and the internal ones with every build. */
  private static List<StoredResource> groupsWith(ResourceAccess resources, StoredResource build) {
    Map<String, StoredResource> groups = new LinkedHashMap<>();
    resources.related("builds", build.id(), "betaGroups", 200).forEach(g -> groups.put(g.id(), g));
    resources.related("builds", build.id(), "app", 1).stream().findFirst().ifPresent(app ->
        resources.related("apps", app.id(), "betaGroups", 200).stream()
            .filter(g -> Boolean.TRUE.equals(g.attributes().get("isInternalGroup"))
                && Boolean.TRUE.equals(g.attributes().get("hasAccessToAllBuilds")))
            .forEach(g -> groups.put(g.id(), g)));
    return List.copyOf(groups.values());
  }
}
