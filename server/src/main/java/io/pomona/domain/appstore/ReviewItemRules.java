package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The items of a review submission (api-facts.md §6.3): each names one thing to review; items
 * change only while the submission is editable. A version item must be the submission's app and
 * platform, editable, the submission's only version (Obs: {@code RELATIONSHIP.INVALID.NOT_ALLOWED})
 * and in no other open submission (Obs: {@code STATE_NOT_ALLOWED}); adding it makes the version
 * {@code READY_FOR_REVIEW} and the submission's {@code appStoreVersionForReview}. {@code resolved:
 * true} readies a rejected item again; {@code removed: true} or a delete takes it out, and its
 * version back to {@code PREPARE_FOR_SUBMISSION}.
 */
public final class ReviewItemRules implements Behaviour {
  static final String TYPE = "reviewSubmissionItems";
  static final String READY_FOR_REVIEW = "READY_FOR_REVIEW";
  static final String APPROVED = "APPROVED";
  static final String REJECTED = "REJECTED";
  static final String REMOVED = "REMOVED";
  private static final String SUBMISSION = "reviewSubmission";

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT) {
      return;
    }
    Optional<StoredResource> submission = Related.toOneId(ctx, SUBMISSION)
        .flatMap(id -> ctx.resources().get(ReviewSubmissionFlow.TYPE, id));
    String submissionState = submission.flatMap(s -> Related.text(s, "state")).orElse("");
    if (submission.isPresent() && !ReviewSubmissionFlow.EDITABLE.contains(submissionState)) {
      throw new ApiException(Errors.entityStateInvalid(ctx.kind() == WriteKind.CREATE
          ? "/data/relationships/reviewSubmission" : "/data/id", ReviewSubmissionFlow.TYPE, submission.get().id()));
    }
    if (ctx.kind() == WriteKind.CREATE && submission.isPresent()) {
      validateItem(ctx, submission.get());
    }
  }

  private static void validateItem(WriteContext ctx, StoredResource submission) {
    List<String> named = ctx.relationships().entrySet().stream()
        .filter(e -> !e.getKey().equals(SUBMISSION) && !e.getValue().isEmpty())
        .map(Map.Entry::getKey).toList();
    if (named.isEmpty()) {
      throw new ApiException(Errors.relationshipRequired("/data/relationships", "appStoreVersion")
          .withDetail("An item names the one thing to review, e.g. its appStoreVersion."));
    }
    if (named.size() > 1) {
      throw new ApiException(Errors.relationshipInvalid("/data/relationships/" + named.get(1),
          "An item names one thing to review; this one also names '" + named.get(0) + "'."));
    }
    if (named.get(0).equals("appStoreVersion")) {
      versionProblem(ctx, submission, ctx.relationships().get("appStoreVersion").get(0)).ifPresent(problem -> {
        throw new ApiException(problem);
      });
    }
  }

  private static Optional<ApiError> versionProblem(WriteContext ctx, StoredResource submission, String versionId) {
    String pointer = "/data/relationships/appStoreVersion";
    Optional<StoredResource> version = ctx.resources().get(AppStoreVersionRules.TYPE, versionId);
    if (version.isEmpty()) {
      return Optional.empty(); // the engine answers for a version that does not exist
    }
    Optional<String> versionApp = Related.one(ctx.resources(), AppStoreVersionRules.TYPE, versionId, "app")
        .map(StoredResource::id);
    Optional<String> submissionApp = Related.one(ctx.resources(), ReviewSubmissionFlow.TYPE, submission.id(), "app")
        .map(StoredResource::id);
    if (!versionApp.equals(submissionApp)) {
      return Optional.of(Errors.relationshipInvalid(pointer, "The version belongs to another app."));
    }
    if (!Related.text(version.get(), "platform").equals(Related.text(submission, "platform"))) {
      return Optional.of(Errors.relationshipInvalid(pointer, "The version is for "
          + Related.text(version.get(), "platform").orElse("?") + "; the submission is for "
          + Related.text(submission, "platform").orElse("?") + "."));
    }
    boolean anotherVersion = Related.all(ctx.resources(), ReviewSubmissionFlow.TYPE, submission.id(), "items").stream()
        .filter(item -> !REMOVED.equals(item.attributes().get("state")))
        .anyMatch(item -> Related.one(ctx.resources(), TYPE, item.id(), "appStoreVersion").isPresent());
    if (anotherVersion) {
      return Optional.of(Errors.relationshipNotAllowed(pointer,
          "Only one appStoreVersion can be present in reviewSubmissions."));
    }
    boolean elsewhere = ctx.resources().referrers(TYPE, "appStoreVersion", versionId, Related.MANY).stream()
        .filter(item -> !REMOVED.equals(item.attributes().get("state")))
        .flatMap(item -> Related.one(ctx.resources(), TYPE, item.id(), SUBMISSION).stream())
        .anyMatch(other -> !other.id().equals(submission.id())
            && !ReviewSubmissionFlow.COMPLETE.equals(other.attributes().get("state")));
    if (elsewhere) {
      return Optional.of(Errors.stateNotAllowed(pointer, "The version is already in another review submission."));
    }
    if (!VersionStates.editable(Related.text(version.get(), "appVersionState"))) {
      return Optional.of(Errors.entityStateInvalid(pointer, AppStoreVersionRules.TYPE, versionId));
    }
    return Optional.empty();
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.CREATE) {
      if (ctx.attribute("state").isEmpty()) {
        ctx.set("state", READY_FOR_REVIEW);
      }
      return;
    }
    if (ctx.kind() == WriteKind.DELETE) {
      versionOf(ctx).ifPresent(version -> backToPreparation(ctx.resources(), version));
      return;
    }
    // Requests, not attributes (OpenAPI ReviewSubmissionItem has neither): they move the state.
    if (Boolean.TRUE.equals(ctx.attributes().get("removed"))) {
      ctx.set("state", REMOVED);
    } else if (Boolean.TRUE.equals(ctx.attributes().get("resolved")) && REJECTED.equals(ctx.attributes().get("state"))) {
      ctx.set("state", READY_FOR_REVIEW);
    }
    for (String request : List.of("resolved", "removed")) {
      if (ctx.attributes().containsKey(request)) {
        ctx.set(request, null);
      }
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    Optional<StoredResource> version = versionOf(ctx);
    if (version.isEmpty()) {
      return;
    }
    if (ctx.kind() == WriteKind.CREATE) {
      boolean unsent = Related.toOneId(ctx, SUBMISSION).flatMap(id -> ctx.resources().get(ReviewSubmissionFlow.TYPE, id))
          .map(s -> ReviewSubmissionFlow.READY_FOR_REVIEW.equals(s.attributes().get("state"))).orElse(false);
      if (unsent && VersionStates.editable(Related.text(version.get(), "appVersionState"))) {
        VersionRelease.setState(ctx.resources(), version.get().id(), VersionStates.READY_FOR_REVIEW);
      }
      Related.toOneId(ctx, SUBMISSION).ifPresent(submission -> ctx.resources().link(ReviewSubmissionFlow.TYPE,
          submission, "appStoreVersionForReview", List.of(version.get().id())));
    } else if (ctx.kind() == WriteKind.UPDATE && AppStoreVersionRules.changed(ctx, "state")
        && REMOVED.equals(ctx.attributes().get("state"))) {
      backToPreparation(ctx.resources(), version.get());
    }
  }

  private static Optional<StoredResource> versionOf(WriteContext ctx) {
    return Related.toOneId(ctx, "appStoreVersion").flatMap(id -> ctx.resources().get(AppStoreVersionRules.TYPE, id));
  }

  private static void backToPreparation(ResourceAccess resources, StoredResource version) {
    if (VersionStates.READY_FOR_REVIEW.equals(version.attributes().get("appVersionState"))) {
      VersionRelease.setState(resources, version.id(), VersionStates.PREPARE_FOR_SUBMISSION);
    }
  }

  static void setState(ResourceAccess resources, String itemId, String state) {
    resources.update(TYPE, itemId, Map.of("state", state));
  }
}
