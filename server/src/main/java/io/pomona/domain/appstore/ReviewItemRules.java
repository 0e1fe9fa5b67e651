package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.domain.appstore.ReviewTargets.Named;
import io.pomona.domain.appstore.ReviewTargets.Target;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The items of a review submission (api-facts.md §6.3): each names one thing to review, of a kind
 * {@link ReviewTargets} lists (a version, a custom product page version, an app event, an
 * experiment); items change only while the submission is editable. The thing must be the
 * submission's app (and platform, where it has one), editable, in no other open submission and not
 * twice in this one (Obs: {@code STATE_NOT_ALLOWED}), and a version the submission's only version
 * (Obs: {@code RELATIONSHIP.INVALID.NOT_ALLOWED}); adding it makes it {@code READY_FOR_REVIEW} (a
 * version also the submission's {@code appStoreVersionForReview}). {@code resolved: true} readies a
 * rejected item again; {@code removed: true} or a delete takes it out, and the thing back to its
 * preparing state.
 */
public final class ReviewItemRules implements Behaviour {
  static final String TYPE = "reviewSubmissionItems";
  static final String READY_FOR_REVIEW = "READY_FOR_REVIEW";
  static final String APPROVED = "APPROVED";
  static final String ACCEPTED = "ACCEPTED";
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
    // A client changes an item by its requests (resolved, removed); the review flow moves the
    // state of items of a submission it is moving, which the check must not refuse.
    boolean request = ctx.kind() != WriteKind.UPDATE || ctx.attributes().containsKey("resolved")
        || ctx.attributes().containsKey("removed");
    if (request && submission.isPresent() && !ReviewSubmissionFlow.EDITABLE.contains(submissionState)) {
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
    ReviewTargets.byRelationship(named.get(0)).ifPresent(target ->
        problem(ctx, submission, target, ctx.relationships().get(target.relationship()).get(0)).ifPresent(problem -> {
          throw new ApiException(problem);
        }));
  }

  /** Why the resource cannot be an item of the submission, if it cannot. */
  private static Optional<ApiError> problem(WriteContext ctx, StoredResource submission, Target target, String id) {
    String pointer = "/data/relationships/" + target.relationship();
    Optional<StoredResource> resource = ctx.resources().get(target.type(), id);
    if (resource.isEmpty()) {
      return Optional.empty(); // the engine answers for a resource that does not exist
    }
    Optional<String> submissionApp = Related.one(ctx.resources(), ReviewSubmissionFlow.TYPE, submission.id(), "app")
        .map(StoredResource::id);
    if (!target.appId(ctx.resources(), resource.get()).equals(submissionApp)) {
      return Optional.of(Errors.relationshipInvalid(pointer, "The " + target.relationship()
          + " belongs to another app."));
    }
    Optional<String> platform = target.platformAttribute().flatMap(name -> Related.text(resource.get(), name));
    if (platform.isPresent() && !platform.equals(Related.text(submission, "platform"))) {
      return Optional.of(Errors.relationshipInvalid(pointer, "The " + target.relationship() + " is for "
          + platform.get() + "; the submission is for " + Related.text(submission, "platform").orElse("?") + "."));
    }
    if (target.onePerSubmission() && activeItems(ctx.resources(), submission.id()).stream()
        .anyMatch(item -> Related.one(ctx.resources(), TYPE, item.id(), target.relationship()).isPresent())) {
      return Optional.of(Errors.relationshipNotAllowed(pointer,
          "Only one " + target.relationship() + " can be present in reviewSubmissions."));
    }
    boolean elsewhere = ctx.resources().referrers(TYPE, target.relationship(), id, Related.MANY).stream()
        .filter(item -> !REMOVED.equals(item.attributes().get("state")))
        .flatMap(item -> Related.one(ctx.resources(), TYPE, item.id(), SUBMISSION).stream())
        .anyMatch(other -> !other.id().equals(submission.id())
            && !ReviewSubmissionFlow.COMPLETE.equals(other.attributes().get("state")));
    boolean here = activeItems(ctx.resources(), submission.id()).stream()
        .anyMatch(item -> Related.one(ctx.resources(), TYPE, item.id(), target.relationship())
            .map(named -> named.id().equals(id)).orElse(false));
    if (elsewhere || here) {
      return Optional.of(Errors.stateNotAllowed(pointer, "The " + target.relationship() + " is already in "
          + (here ? "this" : "another") + " review submission."));
    }
    if (!target.editable(resource.get())) {
      return Optional.of(Errors.entityStateInvalid(pointer, target.type(), id));
    }
    return Optional.empty();
  }

  /** The items of a submission not removed from it. */
  static List<StoredResource> activeItems(ResourceAccess resources, String submissionId) {
    return Related.all(resources, ReviewSubmissionFlow.TYPE, submissionId, "items").stream()
        .filter(item -> !REMOVED.equals(item.attributes().get("state")))
        .toList();
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
      namedBy(ctx).ifPresent(named -> backToPreparation(ctx.resources(), named));
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
    Optional<Named> named = namedBy(ctx);
    if (named.isEmpty()) {
      return;
    }
    Target target = named.get().target();
    StoredResource resource = named.get().resource();
    if (ctx.kind() == WriteKind.CREATE) {
      boolean unsent = Related.toOneId(ctx, SUBMISSION).flatMap(id -> ctx.resources().get(ReviewSubmissionFlow.TYPE, id))
          .map(s -> ReviewSubmissionFlow.READY_FOR_REVIEW.equals(s.attributes().get("state"))).orElse(false);
      if (unsent && target.editable(resource)) {
        target.setState(ctx.resources(), resource.id(), ReviewTargets.READY_FOR_REVIEW);
      }
      if (target == ReviewTargets.VERSION) {
        Related.toOneId(ctx, SUBMISSION).ifPresent(submission -> ctx.resources().link(ReviewSubmissionFlow.TYPE,
            submission, "appStoreVersionForReview", List.of(resource.id())));
      }
    } else if (ctx.kind() == WriteKind.UPDATE && AppStoreVersionRules.changed(ctx, "state")
        && REMOVED.equals(ctx.attributes().get("state"))) {
      backToPreparation(ctx.resources(), named.get());
    }
  }

  /** The reviewed resource this item names, read from the write (the item may be new). */
  private static Optional<Named> namedBy(WriteContext ctx) {
    for (Target target : ReviewTargets.ALL) {
      Optional<StoredResource> resource = Related.toOneId(ctx, target.relationship())
          .flatMap(id -> ctx.resources().get(target.type(), id));
      if (resource.isPresent()) {
        return Optional.of(new Named(target, resource.get()));
      }
    }
    return Optional.empty();
  }

  private static void backToPreparation(ResourceAccess resources, Named named) {
    if (named.target().state(named.resource()).equals(Optional.of(ReviewTargets.READY_FOR_REVIEW))) {
      named.target().setState(resources, named.resource().id(), named.target().preparing());
    }
  }

  static void setState(ResourceAccess resources, String itemId, String state) {
    resources.update(TYPE, itemId, Map.of("state", state));
  }
}
