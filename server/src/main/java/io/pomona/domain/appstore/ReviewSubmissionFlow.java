package io.pomona.domain.appstore;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Process.Move;
import io.pomona.behaviour.Step;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * App Review of a review submission (api-facts.md §6.3): created {@code READY_FOR_REVIEW} for an
 * app and platform (one open per app and platform), items added ({@link ReviewItemRules}), then
 * {@code submitted: true} checks every item (its kind's preconditions) and moves to
 * {@code WAITING_FOR_REVIEW}; Apple takes it {@code IN_REVIEW}, then approves ({@code COMPLETE}) or
 * rejects ({@code UNRESOLVED_ISSUES}, the operator's decision with a reason). After a rejection the
 * client resolves the items and submits the same submission again. {@code canceled: true} moves a
 * submitted one to {@code CANCELING}, and Apple makes it editable again ({@code READY_FOR_REVIEW},
 * Inf §6.3: the spec has no cancelled state).
 *
 * <p>What the items name ({@link ReviewTargets}: versions, custom product page versions, app events,
 * experiments) follows it: {@code WAITING_FOR_REVIEW}, {@code IN_REVIEW}, then approved as each
 * kind says (a version released as its release type says, {@link VersionRelease}), {@code REJECTED}
 * or {@code ACCEPTED} (another item was rejected), or withdrawn when the developer cancels ({@code
 * DEVELOPER_REJECTED} for a version). Every item's preconditions are checked on submission.
 */
public final class ReviewSubmissionFlow implements Behaviour {
  static final String TYPE = "reviewSubmissions";
  static final String READY_FOR_REVIEW = "READY_FOR_REVIEW";
  static final String WAITING_FOR_REVIEW = "WAITING_FOR_REVIEW";
  static final String IN_REVIEW = "IN_REVIEW";
  static final String COMPLETE = "COMPLETE";
  static final String UNRESOLVED_ISSUES = "UNRESOLVED_ISSUES";
  static final String CANCELING = "CANCELING";
  /** The states in which items may be added, resolved or removed. */
  static final Set<String> EDITABLE = Set.of(READY_FOR_REVIEW, UNRESOLVED_ISSUES);
  private static final Set<String> CANCELABLE = Set.of(WAITING_FOR_REVIEW, IN_REVIEW, UNRESOLVED_ISSUES);

  /** Apple's review, by name {@code app-review}; automatic after 10 s per step by default. */
  public static final Process PROCESS = new Process("app-review", TYPE, "state", "REVIEW_SUBMISSION_STATE_UPDATED",
      Set.of(new Move(READY_FOR_REVIEW, WAITING_FOR_REVIEW), new Move(UNRESOLVED_ISSUES, WAITING_FOR_REVIEW),
          new Move(WAITING_FOR_REVIEW, IN_REVIEW), new Move(IN_REVIEW, COMPLETE), new Move(IN_REVIEW, UNRESOLVED_ISSUES),
          new Move(WAITING_FOR_REVIEW, CANCELING), new Move(IN_REVIEW, CANCELING),
          new Move(UNRESOLVED_ISSUES, CANCELING), new Move(CANCELING, READY_FOR_REVIEW)),
      List.of(Step.of(WAITING_FOR_REVIEW, IN_REVIEW), Step.of(IN_REVIEW, COMPLETE).rejectingTo(UNRESOLVED_ISSUES),
          Step.of(CANCELING, READY_FOR_REVIEW)),
      Policy.auto(Duration.ofSeconds(10)));

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
    if (ctx.origin() != Origin.CLIENT || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    if (ctx.kind() == WriteKind.CREATE) {
      validateCreate(ctx);
      return;
    }
    String state = ctx.previous().flatMap(p -> Related.text(p, "state")).orElse(READY_FOR_REVIEW);
    if (flag(ctx, "submitted")) {
      if (!EDITABLE.contains(state)) {
        throw new ApiException(Errors.entityStateInvalid("/data/attributes/submitted", TYPE, ctx.id()));
      }
      requireCompleteItems(ctx);
    }
    if (flag(ctx, "canceled") && !CANCELABLE.contains(state)) {
      throw new ApiException(Errors.entityStateInvalid("/data/attributes/canceled", TYPE, ctx.id()));
    }
    if (AppStoreVersionRules.changed(ctx, "platform") && !(state.equals(READY_FOR_REVIEW) && activeItems(ctx).isEmpty())) {
      throw new ApiException(Errors.entityStateInvalid("/data/attributes/platform", TYPE, ctx.id()));
    }
  }

  /** Obs §6.3: one open submission per app and platform; clients re-use the open one. */
  private static void validateCreate(WriteContext ctx) {
    Optional<String> platform = ctx.stringAttribute("platform");
    if (platform.isEmpty()) {
      throw new ApiException(Errors.attributeRequired("/data/attributes/platform", "platform"));
    }
    Related.toOneId(ctx, "app").flatMap(appId -> Related.all(ctx.resources(), "apps", appId, TYPE).stream()
            .filter(s -> platform.equals(Related.text(s, "platform")) && !COMPLETE.equals(s.attributes().get("state")))
            .findFirst())
        .ifPresent(open -> {
          throw new ApiException(Errors.relationshipInvalid("/data/relationships/app",
              "The app already has an open review submission for " + platform.get() + " ('" + open.id()
                  + "'); add the items to it."));
        });
  }

  /** Every item resolved, and every version complete: else one 409 listing what is missing. */
  private static void requireCompleteItems(WriteContext ctx) {
    List<StoredResource> items = activeItems(ctx);
    Map<String, List<ApiError>> problems = new LinkedHashMap<>();
    if (items.isEmpty()) {
      problems.put("/v1/reviewSubmissions/" + ctx.id(), List.of(Errors.relationshipRequired(
          "/data/relationships/items", "items").withDetail("Add at least one item to the submission.")));
    }
    for (StoredResource item : items) {
      if (ReviewItemRules.REJECTED.equals(item.attributes().get("state"))) {
        problems.put("/v1/reviewSubmissionItems/" + item.id(), List.of(Errors.entityStateInvalid(
            "/data/attributes/resolved", ReviewItemRules.TYPE, item.id()).withDetail(
            "The rejected item '" + item.id() + "' must be resolved (resolved: true) before submitting again.")));
      }
      ReviewTargets.of(ctx.resources(), item.id()).ifPresent(named ->
          named.target().preconditions().apply(ctx.resources(), named.resource()).forEach((path, errors) ->
              problems.computeIfAbsent(path, p -> new java.util.ArrayList<>()).addAll(errors)));
    }
    if (!problems.isEmpty()) {
      throw Errors.submitForReviewErrors("/data/attributes/submitted", problems);
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.CREATE) {
      if (ctx.attribute("state").isEmpty()) {
        ctx.set("state", READY_FOR_REVIEW);
      }
      return;
    }
    if (ctx.kind() != WriteKind.UPDATE) {
      return;
    }
    // The two flags are requests, not attributes of the resource (OpenAPI ReviewSubmission has
    // neither): they move the state and are not kept.
    if (flag(ctx, "submitted")) {
      ctx.set("state", WAITING_FOR_REVIEW);
      ctx.set("submittedDate", AppleDates.format(ctx.now()));
    }
    if (flag(ctx, "canceled")) {
      ctx.set("state", CANCELING);
    }
    for (String request : List.of("submitted", "canceled")) {
      if (ctx.attributes().containsKey(request)) {
        ctx.set(request, null);
      }
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.UPDATE || !AppStoreVersionRules.changed(ctx, "state")) {
      return;
    }
    String state = ctx.stringAttribute("state").orElse("");
    List<StoredResource> items = activeItems(ctx);
    Set<String> rejectedItems = rejectedItems(ctx, items);
    for (StoredResource item : items) {
      Optional<ReviewTargets.Named> named = ReviewTargets.of(ctx.resources(), item.id());
      switch (state) {
        case WAITING_FOR_REVIEW -> {
          if (ReviewItemRules.ACCEPTED.equals(item.attributes().get("state"))) {
            ReviewItemRules.setState(ctx.resources(), item.id(), ReviewItemRules.READY_FOR_REVIEW);
          }
          named.ifPresent(n -> n.target().setState(ctx.resources(), n.resource().id(), ReviewTargets.WAITING_FOR_REVIEW));
        }
        case IN_REVIEW -> named.ifPresent(n ->
            n.target().setState(ctx.resources(), n.resource().id(), ReviewTargets.IN_REVIEW));
        case COMPLETE -> {
          ReviewItemRules.setState(ctx.resources(), item.id(), ReviewItemRules.APPROVED);
          named.ifPresent(n -> n.target().approval().approve(ctx.resources(), ctx.scheduler(),
              ctx.resources().get(n.target().type(), n.resource().id()).orElseThrow(), ctx.now()));
        }
        case UNRESOLVED_ISSUES -> {
          boolean rejected = rejectedItems.contains(item.id());
          ReviewItemRules.setState(ctx.resources(), item.id(), rejected ? ReviewItemRules.REJECTED
              : ReviewItemRules.ACCEPTED);
          named.ifPresent(n -> n.target().setState(ctx.resources(), n.resource().id(),
              rejected ? ReviewTargets.REJECTED : ReviewTargets.ACCEPTED));
        }
        case CANCELING -> named.ifPresent(n ->
            n.target().setState(ctx.resources(), n.resource().id(), n.target().withdrawn()));
        default -> { }
      }
    }
  }

  /**
   * The items App Review rejects. Help ("app and submission statuses"): when it rejects some items,
   * the others are {@code ACCEPTED}. The operator names them in the decision ({@code parts}: item
   * ids or the ids of what they name); a rejection that names none of the items rejects them all.
   */
  private static Set<String> rejectedItems(WriteContext ctx, List<StoredResource> items) {
    Set<String> all = items.stream().map(StoredResource::id).collect(java.util.stream.Collectors.toSet());
    if (!(ctx.cause().get("parts") instanceof List<?> parts) || parts.isEmpty()) {
      return all;
    }
    Set<String> named = items.stream().filter(item -> parts.contains(item.id())
            || ReviewTargets.of(ctx.resources(), item.id()).map(n -> parts.contains(n.resource().id())).orElse(false))
        .map(StoredResource::id).collect(java.util.stream.Collectors.toSet());
    return named.isEmpty() ? all : named;
  }

  /** The items not removed from the submission. */
  static List<StoredResource> activeItems(WriteContext ctx) {
    return ReviewItemRules.activeItems(ctx.resources(), ctx.id());
  }

  private static boolean flag(WriteContext ctx, String name) {
    return Boolean.TRUE.equals(ctx.attributes().get(name));
  }
}
