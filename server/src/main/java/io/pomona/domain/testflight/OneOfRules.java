package io.pomona.domain.testflight;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TestFlight's smaller rules on what a client creates (api-facts.md §14): one beta app
 * localization per locale of an app, one "What to Test" ({@code betaBuildLocalizations}) per
 * locale of a build; a beta build notification only for a build that testers have; an invitation
 * resent only to a tester of the app.
 */
public final class OneOfRules implements Behaviour {

  @Override
  public Set<String> resourceTypes() {
    return Set.of("betaAppLocalizations", "betaBuildLocalizations", "buildBetaNotifications",
        "betaTesterInvitations");
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE || ctx.origin() != Origin.CLIENT) {
      return;
    }
    ResourceAccess resources = ctx.resources();
    switch (ctx.type()) {
      case "betaAppLocalizations" -> onePerLocale(ctx, "app", "apps", "betaAppLocalizations");
      case "betaBuildLocalizations" -> onePerLocale(ctx, "build", "builds", "betaBuildLocalizations");
      case "buildBetaNotifications" -> related(ctx, "build").flatMap(id -> resources.get("builds", id))
          .ifPresent(build -> requireTesting(resources, build));
      case "betaTesterInvitations" -> {
        Optional<String> tester = related(ctx, "betaTester");
        Optional<String> app = related(ctx, "app");
        if (tester.isPresent() && app.isPresent() && resources.get("betaTesters", tester.get()).isPresent()
            && resources.related("betaTesters", tester.get(), "apps", 1000).stream()
                .noneMatch(a -> a.id().equals(app.get()))) {
          throw TestFlightErrors.relationshipInvalid("/data/relationships/betaTester",
              "The beta tester '" + tester.get() + "' is not a tester of the app '" + app.get() + "'.");
        }
      }
      default -> { }
    }
  }

  private static void onePerLocale(WriteContext ctx, String parentRelationship, String parentType,
      String childRelationship) {
    Optional<String> parent = related(ctx, parentRelationship);
    Optional<String> locale = ctx.stringAttribute("locale");
    if (parent.isEmpty() || locale.isEmpty()) {
      return;
    }
    boolean taken = ctx.resources().related(parentType, parent.get(), childRelationship, 1000).stream()
        .anyMatch(existing -> locale.get().equals(existing.attributes().get("locale")));
    if (taken) {
      throw TestFlightErrors.duplicate("/data/attributes/locale", "There is already a " + ctx.type()
          + " resource for locale '" + locale.get() + "' of " + parentType + " '" + parent.get() + "'.");
    }
  }

  /** Testers are told of a build they can test: internally or externally in beta testing. */
  private static void requireTesting(ResourceAccess resources, StoredResource build) {
    Map<String, Object> detail = resources.related("builds", build.id(), "buildBetaDetail", 1).stream().findFirst()
        .map(StoredResource::attributes).orElse(Map.of());
    boolean testing = "IN_BETA_TESTING".equals(detail.get("internalBuildState"))
        || "IN_BETA_TESTING".equals(detail.get("externalBuildState"));
    if (!testing) {
      throw TestFlightErrors.stateInvalid("/data/relationships/build", "builds with id '" + build.id()
          + "' is not in valid state: no testers have it yet (it is not in beta testing).");
    }
  }

  private static Optional<String> related(WriteContext ctx, String relationship) {
    return ctx.relationships().getOrDefault(relationship, List.of()).stream().findFirst();
  }
}
