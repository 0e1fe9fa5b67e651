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
import io.pomona.error.ApiError;
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
 * Product page optimization (OpenAPI {@code AppStoreVersionExperimentV2*}, v1 sharing the type;
 * App Store Connect Help, "product page optimization"): an experiment of an app and platform shows
 * {@code trafficProportion} percent of visitors one of at most {@value #MAX_TREATMENTS} treatments.
 * It is reviewed as a review submission item ({@link ReviewTargets#EXPERIMENT_V2}); once {@code
 * APPROVED} the developer starts it ({@code started: true}: {@code startDate} set; one running test
 * per app and platform) and may stop it ({@code started: false}: {@code STOPPED}, {@code endDate}
 * set). A test runs at most {@value #MAX_DAYS} days (Help); then it is {@code COMPLETED} on the
 * simulated clock (the process {@value #PROCESS_NAME}).
 *
 * <p>The spec's state enum has no running state (Inf): a running experiment is {@code APPROVED}
 * with a {@code startDate} and no {@code endDate}.
 */
public final class ExperimentRules implements Behaviour {
  static final String TYPE = "appStoreVersionExperiments";
  static final String TREATMENTS = "appStoreVersionExperimentTreatments";
  static final String PROCESS_NAME = "app-store-version-experiment";
  static final String COMPLETED = "COMPLETED";
  static final String STOPPED = "STOPPED";
  static final int MAX_TREATMENTS = 3;
  static final int MAX_DAYS = 90;
  private static final List<String> EXPERIMENT = List.of("appStoreVersionExperimentV2", "appStoreVersionExperiment");

  private static final Step COMPLETE = Step.of(ReviewTargets.APPROVED, COMPLETED);

  /** The end of a running test, due {@value #MAX_DAYS} days after it started ({@code Scheduler#startAt}). */
  public static final Process PROCESS = new Process(PROCESS_NAME, TYPE, "state",
      "APP_STORE_VERSION_EXPERIMENT_STATE_UPDATED", Set.of(new Move(COMPLETE.from(), COMPLETE.to())), List.of(),
      Policy.auto(Duration.ZERO));

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE, TREATMENTS);
  }

  @Override
  public List<Process> processes() {
    return List.of(PROCESS);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    if (ctx.type().equals(TREATMENTS)) {
      if (ctx.kind() == WriteKind.CREATE) {
        validateNewTreatment(ctx);
      }
      return;
    }
    ctx.attribute("trafficProportion").filter(p -> !(p instanceof Number n && n.intValue() >= 1
        && n.intValue() <= 100 && n.doubleValue() == n.intValue())).ifPresent(p -> {
          throw new ApiException(Errors.attributeInvalid("/data/attributes/trafficProportion",
              "The traffic proportion is a percentage of visitors, from 1 to 100; " + p + " is not."));
        });
    if (ctx.kind() == WriteKind.UPDATE && ctx.attributes().get("started") instanceof Boolean started) {
      validateStart(ctx, started);
    }
  }

  private static void validateNewTreatment(WriteContext ctx) {
    Optional<String> relationship = EXPERIMENT.stream().filter(name -> Related.toOneId(ctx, name).isPresent())
        .findFirst();
    if (relationship.isEmpty()) {
      throw new ApiException(Errors.relationshipRequired("/data/relationships/appStoreVersionExperimentV2",
          "appStoreVersionExperimentV2"));
    }
    String experimentId = Related.toOneId(ctx, relationship.get()).orElseThrow();
    if (Related.all(ctx.resources(), TYPE, experimentId, TREATMENTS).size() >= MAX_TREATMENTS) {
      throw new ApiException(Errors.relationshipInvalid("/data/relationships/" + relationship.get(),
          "An experiment has at most " + MAX_TREATMENTS + " treatments."));
    }
  }

  private static void validateStart(WriteContext ctx, boolean start) {
    StoredResource previous = ctx.previous().orElseThrow();
    boolean approved = ReviewTargets.APPROVED.equals(previous.attributes().get("state"));
    if (start && (!approved || previous.attributes().get("startDate") != null)) {
      throw new ApiException(Errors.entityStateInvalid("/data/attributes/started", TYPE, ctx.id()));
    }
    if (!start && !running(previous)) {
      throw new ApiException(Errors.entityStateInvalid("/data/attributes/started", TYPE, ctx.id()));
    }
    if (start) {
      Optional<String> platform = Related.text(previous, "platform");
      Related.toOneId(ctx, "app").ifPresent(appId -> Related.all(ctx.resources(), "apps", appId,
              "appStoreVersionExperimentsV2").stream()
          .filter(other -> !other.id().equals(ctx.id()) && platform.equals(Related.text(other, "platform")))
          .filter(ExperimentRules::running).findFirst().ifPresent(other -> {
            throw new ApiException(Errors.stateNotAllowed("/data/attributes/started",
                "The experiment '" + other.id() + "' is already running for this app and platform."));
          }));
    }
  }

  private static boolean running(StoredResource experiment) {
    return ReviewTargets.APPROVED.equals(experiment.attributes().get("state"))
        && experiment.attributes().get("startDate") != null && experiment.attributes().get("endDate") == null;
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (!ctx.type().equals(TYPE) || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    if (ctx.kind() == WriteKind.CREATE) {
      if (ctx.attribute("state").isEmpty()) {
        ctx.set("state", VersionStates.PREPARE_FOR_SUBMISSION);
      }
      if (ctx.attribute("reviewRequired").isEmpty()) {
        ctx.set("reviewRequired", true);
      }
      return;
    }
    // A request, not an attribute of the resource (OpenAPI AppStoreVersionExperimentV2 has none).
    if (ctx.attributes().get("started") instanceof Boolean started) {
      if (started) {
        ctx.set("startDate", AppleDates.format(ctx.now()));
      } else {
        ctx.set("state", STOPPED);
      }
    }
    if (ctx.attributes().containsKey("started")) {
      ctx.set("started", null);
    }
    boolean ended = Set.of(STOPPED, COMPLETED).contains(ctx.attributes().get("state"))
        && AppStoreVersionRules.changed(ctx, "state");
    if (ended && ctx.attributes().get("endDate") == null) {
      ctx.set("endDate", AppleDates.format(ctx.now()));
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    // A client's start, or an operator's (demo data) running experiment created as such.
    if (ctx.type().equals(TYPE) && ctx.kind() != WriteKind.DELETE && AppStoreVersionRules.changed(ctx, "startDate")
        && ctx.attributes().get("endDate") == null) {
      ctx.stringAttribute("startDate").flatMap(AppStoreVersionRules::instant).ifPresent(start ->
          ctx.scheduler().startAt(PROCESS, ctx.id(), COMPLETE, start.plus(Duration.ofDays(MAX_DAYS))));
    }
  }

  /** Before review: at least one treatment, each with a localization (media are checked by their own rules). */
  static Map<String, List<ApiError>> preconditions(ResourceAccess resources, StoredResource experiment) {
    Map<String, List<ApiError>> problems = new LinkedHashMap<>();
    List<StoredResource> treatments = Related.all(resources, TYPE, experiment.id(), TREATMENTS);
    if (treatments.isEmpty()) {
      problems.put("/v2/" + TYPE + "/" + experiment.id(), List.of(Errors.relationshipRequired(
          "/data/relationships/" + TREATMENTS, TREATMENTS).withDetail("An experiment needs at least one treatment.")));
    }
    for (StoredResource treatment : treatments) {
      if (Related.all(resources, TREATMENTS, treatment.id(), "appStoreVersionExperimentTreatmentLocalizations")
          .isEmpty()) {
        problems.computeIfAbsent("/v1/" + TREATMENTS + "/" + treatment.id(), p -> new ArrayList<>())
            .add(Errors.relationshipRequired("/data/relationships/appStoreVersionExperimentTreatmentLocalizations",
                "appStoreVersionExperimentTreatmentLocalizations")
                .withDetail("A treatment needs at least one localization."));
      }
    }
    return problems;
  }
}
