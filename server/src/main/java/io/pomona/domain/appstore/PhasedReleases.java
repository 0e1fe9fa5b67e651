package io.pomona.domain.appstore;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Process.Move;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.Step;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A version's phased release (api-facts.md §6.4; Apple's "release a version update in phases"):
 * created {@code INACTIVE} (not for an app's first version on the platform), it turns {@code
 * ACTIVE} with day 1 when the version goes live; each day on the simulated clock it reaches the
 * next share of automatic updaters — 1, 2, 5, 10, 20, 50 and 100 % on days 1 to 7 — and after day 7
 * it is {@code COMPLETE}. The developer may pause ({@code PAUSED}: the days stop, for at most 30
 * days in total, Unv), resume, or complete it early; only an inactive one may be deleted.
 *
 * <p>The days are the process {@value #NAME} over a hidden attribute ({@value #DAY}, not part of
 * Apple's schema, so never rendered): its steps move one day on, per the process's policy
 * (automatic after 24 hours by default; an operator may speed it up or decide each day).
 */
public final class PhasedReleases implements Behaviour {
  static final String TYPE = "appStoreVersionPhasedReleases";
  public static final String NAME = "phased-release";
  static final String DAY = "pomonaPhasedReleaseDay";
  /** The share of automatic updaters on day n (index n − 1), Doc. */
  static final List<Integer> PERCENT_BY_DAY = List.of(1, 2, 5, 10, 20, 50, 100);
  static final Duration PAUSE_LIMIT = Duration.ofDays(30);
  private static final String PAUSED_AT = "pomonaPausedAt";
  private static final String PAUSED_MILLIS = "pomonaPausedMillis";
  private static final String DONE = "DONE";

  public static final Process PROCESS = days();

  private static Process days() {
    Set<Move> moves = new HashSet<>();
    List<Step> steps = new ArrayList<>();
    for (int day = 1; day <= PERCENT_BY_DAY.size(); day++) {
      String to = day == PERCENT_BY_DAY.size() ? DONE : dayName(day + 1);
      moves.add(new Move(dayName(day), to));
      steps.add(Step.of(dayName(day), to));
    }
    return new Process(NAME, TYPE, DAY, "APP_STORE_VERSION_PHASED_RELEASE_DAY_UPDATED", moves, steps,
        Policy.auto(Duration.ofHours(24)));
  }

  private static String dayName(int day) {
    return "DAY_" + day;
  }

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public List<Process> processes() {
    return List.of(PROCESS);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT) {
      return;
    }
    String before = ctx.previous().flatMap(p -> Related.text(p, "phasedReleaseState")).orElse("INACTIVE");
    switch (ctx.kind()) {
      case CREATE -> validateCreate(ctx);
      case DELETE -> {
        if (!before.equals("INACTIVE")) {
          throw new ApiException(Errors.entityStateInvalid("/data/id", TYPE, ctx.id())
              .withDetail("A phased release can be deleted only before it starts; this one is " + before + "."));
        }
      }
      case UPDATE -> validateChange(ctx, before);
    }
  }

  private static void validateCreate(WriteContext ctx) {
    String pointer = "/data/relationships/appStoreVersion";
    Optional<StoredResource> version = Related.toOneId(ctx, "appStoreVersion")
        .flatMap(id -> ctx.resources().get(AppStoreVersionRules.TYPE, id));
    if (version.isEmpty()) {
      return; // the engine answers for a version that does not exist
    }
    if (Related.one(ctx.resources(), AppStoreVersionRules.TYPE, version.get().id(), "appStoreVersionPhasedRelease")
        .isPresent()) {
      throw new ApiException(Errors.relationshipInvalid(pointer, "The version already has a phased release."));
    }
    if (VersionStates.shipped(version.get().attributes().get("appVersionState"))) {
      throw new ApiException(Errors.entityStateInvalid(pointer, AppStoreVersionRules.TYPE, version.get().id()));
    }
    Optional<String> platform = Related.text(version.get(), "platform");
    boolean firstVersion = Related.one(ctx.resources(), AppStoreVersionRules.TYPE, version.get().id(), "app")
        .map(app -> Related.all(ctx.resources(), "apps", app.id(), "appStoreVersions").stream()
            .noneMatch(v -> AppStoreVersionRules.samePlatform(v, platform)
                && VersionStates.shipped(v.attributes().get("appVersionState"))))
        .orElse(false); // a version of no app (only the operator can make one) has no history to judge
    if (firstVersion) {
      throw new ApiException(Errors.relationshipInvalid(pointer,
          "Phased release is not available for the first version of an app."));
    }
  }

  /** ACTIVE ⇄ PAUSED and either → COMPLETE, by the developer; the days are Apple's. */
  private static void validateChange(WriteContext ctx, String before) {
    String after = ctx.stringAttribute("phasedReleaseState").orElse(before);
    if (after.equals(before)) {
      return;
    }
    boolean allowed = switch (after) {
      case "PAUSED" -> before.equals("ACTIVE");
      // From INACTIVE only when the version goes live (the start sets day 1; no client can send it).
      case "ACTIVE" -> before.equals("PAUSED") || (before.equals("INACTIVE") && AppStoreVersionRules.changed(ctx, DAY));
      case "COMPLETE" -> before.equals("ACTIVE") || before.equals("PAUSED");
      default -> false;
    };
    if (!allowed) {
      throw new ApiException(Errors.attributeInvalid("/data/attributes/phasedReleaseState",
          "A phased release that is " + before + " cannot become " + after + "."));
    }
    if (after.equals("PAUSED") && pausedSoFar(ctx.attributes()).compareTo(PAUSE_LIMIT) >= 0) {
      throw new ApiException(Errors.attributeInvalid("/data/attributes/phasedReleaseState",
          "This phased release has been paused for 30 days in total, the most allowed."));
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE) {
      return;
    }
    if (ctx.kind() == WriteKind.CREATE) {
      // Inf: it starts when the version goes live, whatever state the request named.
      ctx.set("phasedReleaseState", "INACTIVE");
      ctx.set("totalPauseDuration", 0);
      return;
    }
    String before = ctx.previous().flatMap(p -> Related.text(p, "phasedReleaseState")).orElse("INACTIVE");
    String after = ctx.stringAttribute("phasedReleaseState").orElse(before);
    if (!before.equals("PAUSED") && after.equals("PAUSED")) {
      ctx.set(PAUSED_AT, ctx.now().toEpochMilli());
    }
    if (before.equals("PAUSED") && !after.equals("PAUSED")) {
      Duration paused = pausedSoFar(ctx.attributes())
          .plus(Duration.ofMillis(ctx.now().toEpochMilli() - millis(ctx.attributes().get(PAUSED_AT))));
      ctx.set(PAUSED_MILLIS, paused.toMillis());
      ctx.set("totalPauseDuration", (int) paused.toDays());
    }
    ctx.stringAttribute(DAY).ifPresent(day -> {
      if (day.equals(DONE)) {
        ctx.set("phasedReleaseState", "COMPLETE");
      } else {
        ctx.set("currentDayNumber", Integer.parseInt(day.substring("DAY_".length())));
      }
    });
    if (after.equals("COMPLETE") && !before.equals("COMPLETE") && !DONE.equals(ctx.attributes().get(DAY))) {
      ctx.set(DAY, DONE);
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.UPDATE) {
      return;
    }
    String before = ctx.previous().flatMap(p -> Related.text(p, "phasedReleaseState")).orElse("INACTIVE");
    String after = ctx.stringAttribute("phasedReleaseState").orElse(before);
    if (after.equals("PAUSED") && !before.equals("PAUSED")) {
      ctx.scheduler().cancel(PROCESS, ctx.id(), "the phased release was paused");
    } else if (before.equals("PAUSED") && after.equals("ACTIVE")) {
      ctx.stringAttribute(DAY).flatMap(PROCESS::stepFrom)
          .ifPresent(step -> ctx.scheduler().start(PROCESS, ctx.id(), step));
    }
  }

  /** The version went live: its phased release, if it has one waiting, starts with day 1. */
  static void startWith(ResourceAccess resources, String versionId, Instant now) {
    Related.one(resources, AppStoreVersionRules.TYPE, versionId, "appStoreVersionPhasedRelease")
        .filter(release -> "INACTIVE".equals(release.attributes().get("phasedReleaseState")))
        .ifPresent(release -> {
          Map<String, Object> start = new LinkedHashMap<>();
          start.put("phasedReleaseState", "ACTIVE");
          start.put("startDate", AppleDates.format(now));
          start.put(DAY, dayName(1));
          resources.update(TYPE, release.id(), start);
        });
  }

  private static Duration pausedSoFar(Map<String, Object> attributes) {
    return Duration.ofMillis(millis(attributes.get(PAUSED_MILLIS)));
  }

  private static long millis(Object value) {
    return value instanceof Number number ? number.longValue() : 0L;
  }
}
