package io.pomona.domain.testflight;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.store.StoredResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Beta testers and their groups (api-facts.md §14, Unv limits): a tester is invited by email
 * (the engine checks the address), into groups or builds, and becomes a tester of their apps.
 * The testers of an internal group must be users of the team (Obs: other emails get 409 "Tester(s)
 * cannot be assigned"); an app has at most {@value #MOST_INTERNAL} internal and {@value
 * #MOST_EXTERNAL} external testers. The rules hold however the membership is written: on the
 * tester ({@code betaGroups}), on the group ({@code betaTesters}), or both at once on create.
 */
public final class BetaTesterRules implements Behaviour {
  static final int MOST_INTERNAL = 100;
  static final int MOST_EXTERNAL = 10_000;

  @Override
  public Set<String> resourceTypes() {
    return Set.of("betaTesters", "betaGroups");
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.type().equals("betaTesters") && ctx.kind() == WriteKind.CREATE) {
      if (ctx.attribute("inviteType").isEmpty()) {
        ctx.set("inviteType", "EMAIL");
      }
      if (ctx.attribute("state").isEmpty()) {
        ctx.set("state", "INVITED");
      }
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE) {
      return;
    }
    ResourceAccess resources = ctx.resources();
    if (ctx.type().equals("betaTesters")) {
      List<String> groups = ctx.relationships().getOrDefault("betaGroups", List.of());
      List<String> builds = ctx.relationships().getOrDefault("builds", List.of());
      if (ctx.origin() != Origin.OPERATOR) {
        for (String group : stillRelated(resources, "betaTesters", ctx.id(), "betaGroups", groups)) {
          checkMembership(resources, group, List.of(ctx.id()), "/data/relationships/betaGroups");
        }
      }
      joinApps(resources, ctx.id(), groups, builds);
    } else if (ctx.relationships().containsKey("betaTesters")) {
      List<String> testers = stillRelated(resources, "betaGroups", ctx.id(), "betaTesters",
          ctx.relationships().get("betaTesters"));
      if (ctx.origin() != Origin.OPERATOR) {
        checkMembership(resources, ctx.id(), testers,
            ctx.kind() == WriteKind.CREATE ? "/data/relationships/betaTesters" : "/data");
      }
      testers.forEach(tester -> joinApps(resources, tester, List.of(ctx.id()), List.of()));
    }
  }

  /** The ids of a write that are related now: added or kept, not removed. */
  private static List<String> stillRelated(ResourceAccess resources, String type, String id, String relationship,
      List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Set<String> related = new LinkedHashSet<>();
    resources.related(type, id, relationship, 10_000).forEach(r -> related.add(r.id()));
    return ids.stream().filter(related::contains).toList();
  }

  private static void checkMembership(ResourceAccess resources, String groupId, List<String> testers, String pointer) {
    Optional<StoredResource> group = resources.get("betaGroups", groupId);
    if (group.isEmpty() || testers.isEmpty()) {
      return;
    }
    boolean internal = Boolean.TRUE.equals(group.get().attributes().get("isInternalGroup"));
    if (internal) {
      List<String> strangers = new ArrayList<>();
      for (String tester : testers) {
        String email = resources.get("betaTesters", tester).map(t -> String.valueOf(t.attributes().get("email")))
            .orElse("");
        if (resources.find("users", Map.of("username", email), 1).isEmpty()) {
          strangers.add(email);
        }
      }
      if (!strangers.isEmpty()) {
        throw TestFlightErrors.relationshipInvalid(pointer, "Tester(s) cannot be assigned: " + strangers
            + (strangers.size() == 1 ? " is not a user" : " are not users") + " of this team, and internal group '"
            + group.get().attributes().get("name") + "' only takes the team's users.");
      }
    }
    resources.related("betaGroups", groupId, "app", 1).stream().findFirst()
        .ifPresent(app -> checkLimit(resources, app.id(), internal, pointer));
  }

  private static void checkLimit(ResourceAccess resources, String appId, boolean internal, String pointer) {
    int most = internal ? MOST_INTERNAL : MOST_EXTERNAL;
    Set<String> testers = new LinkedHashSet<>();
    for (StoredResource group : resources.related("apps", appId, "betaGroups", 1000)) {
      if (Boolean.TRUE.equals(group.attributes().get("isInternalGroup")) == internal) {
        resources.related("betaGroups", group.id(), "betaTesters", most + 1).forEach(t -> testers.add(t.id()));
      }
      if (testers.size() > most) {
        throw TestFlightErrors.limitReached(pointer, "The app would have more than " + most
            + (internal ? " internal" : " external") + " testers; remove testers before adding more.");
      }
    }
  }

  /** A tester of a group or build is a tester of its app ({@code betaTesters.apps}). */
  private static void joinApps(ResourceAccess resources, String testerId, List<String> groups, List<String> builds) {
    Set<String> apps = new LinkedHashSet<>();
    groups.forEach(g -> resources.related("betaGroups", g, "app", 1).forEach(app -> apps.add(app.id())));
    builds.forEach(b -> resources.related("builds", b, "app", 1).forEach(app -> apps.add(app.id())));
    Set<String> current = new LinkedHashSet<>();
    resources.related("betaTesters", testerId, "apps", 1000).forEach(app -> current.add(app.id()));
    if (!current.containsAll(apps)) {
      current.addAll(apps);
      resources.link("betaTesters", testerId, "apps", List.copyOf(current));
    }
  }
}
