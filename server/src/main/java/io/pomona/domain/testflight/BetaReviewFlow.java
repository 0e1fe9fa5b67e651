package io.pomona.domain.testflight;

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
import io.pomona.store.StoredResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Beta app review (api-facts.md §6.1): {@code POST /v1/betaAppReviewSubmissions} with a build
 * that can be submitted, then Apple reviews it: {@code WAITING_FOR_REVIEW} → {@code IN_REVIEW} →
 * {@code APPROVED}, or {@code REJECTED} (with the reviewer's reason) from either. Automatic after
 * {@value #DEFAULT_DELAY_SECONDS} s per step by default; under a manual policy the operator
 * decides each step (approving the first one starts the review).
 *
 * <p>A client may submit a build only when it is {@code VALID}, not expired, has its export
 * compliance answered, is not for internal testing only, has no submission yet, and no other
 * build of the app is in review (Obs 422 {@code ANOTHER_BUILD_IN_REVIEW}); and the app must have
 * what Apple's reviewers need: a beta review detail with contact first and last name, phone and
 * email (and a demo account when one is required), and a beta app localization with a
 * description and a feedback email. Whatever is missing is listed, one error each, in one 409.
 */
public final class BetaReviewFlow implements Behaviour {
  static final long DEFAULT_DELAY_SECONDS = 10;
  static final String TYPE = "betaAppReviewSubmissions";

  /** The process, by name {@code beta-review}. */
  public static final Process PROCESS = new Process(
      "beta-review",
      TYPE,
      "betaReviewState",
      "BETA_APP_REVIEW_SUBMISSION_BETA_REVIEW_STATE_UPDATED",
      Set.of(new Move("WAITING_FOR_REVIEW", "IN_REVIEW"), new Move("WAITING_FOR_REVIEW", "REJECTED"),
          new Move("IN_REVIEW", "APPROVED"), new Move("IN_REVIEW", "REJECTED")),
      List.of(Step.of("WAITING_FOR_REVIEW", "IN_REVIEW").rejectingTo("REJECTED"),
          Step.of("IN_REVIEW", "APPROVED").rejectingTo("REJECTED")),
      Policy.auto(Duration.ofSeconds(DEFAULT_DELAY_SECONDS)));

  private static final List<String> CONTACT = List.of("contactFirstName", "contactLastName", "contactPhone",
      "contactEmail");

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
    if (ctx.kind() != WriteKind.CREATE || ctx.origin() != Origin.CLIENT) {
      return;
    }
    String buildId = ctx.relationships().getOrDefault("build", List.of()).stream().findFirst().orElse("");
    ResourceAccess resources = ctx.resources();
    StoredResource build = resources.get("builds", buildId).orElseThrow(() ->
        TestFlightErrors.relationshipTargetMissing("/data/relationships/build/data", "builds", buildId));
    refuseUnsubmittable(resources, build);
    StoredResource app = resources.related("builds", buildId, "app", 1).stream().findFirst().orElseThrow(() ->
        TestFlightErrors.stateInvalid("/data/relationships/build", "The build '" + buildId + "' belongs to no app."));
    refuseAnotherInReview(resources, app);
    List<ApiError> missing = missingForReview(resources, app);
    if (!missing.isEmpty()) {
      throw new ApiException(missing);
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return;
    }
    if (ctx.attribute("betaReviewState").isEmpty()) {
      ctx.set("betaReviewState", "WAITING_FOR_REVIEW");
    }
    if (ctx.attribute("submittedDate").isEmpty()) {
      ctx.set("submittedDate", AppleDates.format(ctx.now()));
    }
  }

  private static void refuseUnsubmittable(ResourceAccess resources, StoredResource build) {
    Map<String, Object> attributes = build.attributes();
    String why = !"VALID".equals(attributes.get("processingState"))
        ? "is " + attributes.get("processingState") + "; only a VALID build can be submitted"
        : Boolean.TRUE.equals(attributes.get("expired")) ? "has expired"
        : !BetaStates.exportComplianceAnswered(resources, build) ? "is missing export compliance"
            + " (set usesNonExemptEncryption or an appEncryptionDeclaration)"
        : BetaStates.declarationInReview(resources, build) ? "is in export compliance review (its"
            + " appEncryptionDeclaration is IN_REVIEW)"
        : "INTERNAL_ONLY".equals(attributes.get("buildAudienceType")) ? "is for internal testing only"
        : !resources.related("builds", build.id(), "betaAppReviewSubmission", 1).isEmpty()
            ? "was already submitted for beta review"
        : null;
    if (why != null) {
      throw TestFlightErrors.stateInvalid("/data/relationships/build",
          "builds with id '" + build.id() + "' is not in valid state: it " + why + ".");
    }
  }

  /** Obs: one build of an app in beta review at a time (422 {@code ANOTHER_BUILD_IN_REVIEW}). */
  private static void refuseAnotherInReview(ResourceAccess resources, StoredResource app) {
    for (StoredResource other : resources.related("apps", app.id(), "builds", 1000)) {
      Optional<String> state = resources.related("builds", other.id(), "betaAppReviewSubmission", 1).stream()
          .findFirst().map(s -> String.valueOf(s.attributes().get("betaReviewState")));
      if (state.filter(s -> s.equals("WAITING_FOR_REVIEW") || s.equals("IN_REVIEW")).isPresent()) {
        throw new ApiException(new ApiError(422, "ENTITY_UNPROCESSABLE.ANOTHER_BUILD_IN_REVIEW",
            "The request entity is unprocessable", "Build '" + other.id() + "' of this app is already in beta"
                + " review; submit another build once its review has ended.")
            .withSource(ApiError.Source.pointer("/data/relationships/build")));
      }
    }
  }

  private static List<ApiError> missingForReview(ResourceAccess resources, StoredResource app) {
    List<ApiError> missing = new ArrayList<>();
    Optional<StoredResource> detail = resources.related("apps", app.id(), "betaAppReviewDetail", 1).stream()
        .findFirst();
    if (detail.isEmpty()) {
      missing.add(missing("The app '" + app.id() + "' has no beta app review detail with contact information."));
    } else {
      Map<String, Object> attributes = detail.get().attributes();
      List<String> required = new ArrayList<>(CONTACT);
      if (Boolean.TRUE.equals(attributes.get("demoAccountRequired"))) {
        required.addAll(List.of("demoAccountName", "demoAccountPassword"));
      }
      for (String name : required) {
        if (!(attributes.get(name) instanceof String value) || value.isBlank()) {
          missing.add(missing("betaAppReviewDetails with id '" + detail.get().id() + "' has no " + name + "."));
        }
      }
    }
    boolean described = resources.related("apps", app.id(), "betaAppLocalizations", 200).stream()
        .anyMatch(l -> l.attributes().get("description") instanceof String d && !d.isBlank()
            && l.attributes().get("feedbackEmail") instanceof String e && !e.isBlank());
    if (!described) {
      missing.add(missing("The app '" + app.id() + "' has no beta app localization with a description and a"
          + " feedback email."));
    }
    return missing;
  }

  private static ApiError missing(String detail) {
    return new ApiError(409, "STATE_ERROR", "The request cannot be fulfilled because of the state of another resource.",
        detail).withSource(ApiError.Source.pointer("/data/relationships/build"));
  }
}
