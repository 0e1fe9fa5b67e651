package io.pomona.domain.appstore;

import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.Scheduler;
import io.pomona.error.ApiError;
import io.pomona.store.StoredResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What a review submission item can name and Pomona reviews (the relationships of OpenAPI {@code
 * ReviewSubmissionItemCreateRequest}): an App Store version, a custom product page version, an app
 * event, a product page optimization experiment (v1 and v2 name the same type). One table, so that
 * {@link ReviewItemRules} and {@link ReviewSubmissionFlow} move every kind of item the same way.
 *
 * <p>The review states share Apple's names across the four state enums (OpenAPI {@code
 * AppVersionState}, {@code AppCustomProductPageVersion.state}, {@code AppEvent.eventState}, {@code
 * AppStoreVersionExperimentV2.state}): {@code READY_FOR_REVIEW} once in an unsent submission, then
 * {@code WAITING_FOR_REVIEW}, {@code IN_REVIEW}, and {@code APPROVED}, {@code REJECTED} or {@code
 * ACCEPTED} (passed while another item of the submission failed; Help "app and submission
 * statuses"). Only where a kind differs is it written here.
 */
final class ReviewTargets {
  static final String READY_FOR_REVIEW = "READY_FOR_REVIEW";
  static final String WAITING_FOR_REVIEW = "WAITING_FOR_REVIEW";
  static final String IN_REVIEW = "IN_REVIEW";
  static final String ACCEPTED = "ACCEPTED";
  static final String APPROVED = "APPROVED";
  static final String REJECTED = "REJECTED";

  /** What happens to a resource once App Review approves it. */
  @FunctionalInterface
  interface Approval {
    void approve(ResourceAccess resources, Scheduler scheduler, StoredResource resource, Instant now);
  }

  /**
   * One kind of reviewed resource.
   *
   * @param relationship the item's relationship naming it
   * @param type its resource type
   * @param stateAttribute the attribute holding its state
   * @param preparing its state before and outside review (an item removed goes back to it)
   * @param withdrawn its state when the developer cancels the submission
   * @param editable the states in which the client may change it and submit it
   * @param onePerSubmission whether a submission may hold only one of this kind (Obs §6.3: "Only
   *     one appStoreVersion can be present in reviewSubmissions.")
   * @param appPath the relationships from the resource to its app
   * @param platformAttribute the attribute that must match the submission's platform, if it has one
   * @param preconditions what is missing before it can be submitted, by resource path
   * @param approval what approval does to it
   */
  record Target(
      String relationship,
      String type,
      String stateAttribute,
      String preparing,
      String withdrawn,
      Set<String> editable,
      boolean onePerSubmission,
      List<String> appPath,
      Optional<String> platformAttribute,
      BiFunction<ResourceAccess, StoredResource, Map<String, List<ApiError>>> preconditions,
      Approval approval) {

    Optional<String> state(StoredResource resource) {
      return Related.text(resource, stateAttribute);
    }

    boolean editable(StoredResource resource) {
      return state(resource).map(editable::contains).orElse(true);
    }

    void setState(ResourceAccess resources, String id, String state) {
      resources.update(type, id, Map.of(stateAttribute, state));
    }

    /** The app the resource belongs to, following {@link #appPath}. */
    Optional<String> appId(ResourceAccess resources, StoredResource resource) {
      Optional<StoredResource> current = Optional.of(resource);
      for (String hop : appPath) {
        current = current.flatMap(r -> Related.one(resources, r.type(), r.id(), hop));
      }
      return current.map(StoredResource::id);
    }
  }

  private static final Set<String> EDITABLE = Set.of(VersionStates.PREPARE_FOR_SUBMISSION, READY_FOR_REVIEW, REJECTED);

  static final Target VERSION = new Target("appStoreVersion", AppStoreVersionRules.TYPE, "appVersionState",
      VersionStates.PREPARE_FOR_SUBMISSION, VersionStates.DEVELOPER_REJECTED, VersionStates.EDITABLE, true,
      List.of("app"), Optional.of("platform"), SubmissionPreconditions::of, VersionRelease::afterApproval);

  /** Inf: a withdrawn page version or experiment goes back to preparation (their enums have no withdrawn state). */
  static final Target PAGE_VERSION = new Target("appCustomProductPageVersion", CustomProductPageRules.VERSIONS, "state",
      VersionStates.PREPARE_FOR_SUBMISSION, VersionStates.PREPARE_FOR_SUBMISSION, EDITABLE, false,
      List.of("appCustomProductPage", "app"), Optional.empty(), CustomProductPageRules::preconditions,
      CustomProductPageRules::approve);

  static final Target EVENT = new Target("appEvent", AppEventRules.TYPE, "eventState", AppEventRules.DRAFT,
      AppEventRules.DRAFT, Set.of(AppEventRules.DRAFT, READY_FOR_REVIEW, REJECTED), false, List.of("app"),
      Optional.empty(), AppEventRules::preconditions,
      (resources, scheduler, event, now) -> resources.update(AppEventRules.TYPE, event.id(),
          Map.of("eventState", APPROVED)));

  private static final Approval EXPERIMENT_APPROVAL = (resources, scheduler, experiment, now) ->
      resources.update(ExperimentRules.TYPE, experiment.id(), Map.of("state", APPROVED));

  static final Target EXPERIMENT_V2 = new Target("appStoreVersionExperimentV2", ExperimentRules.TYPE, "state",
      VersionStates.PREPARE_FOR_SUBMISSION, VersionStates.PREPARE_FOR_SUBMISSION, EDITABLE, false, List.of("app"),
      Optional.of("platform"), ExperimentRules::preconditions, EXPERIMENT_APPROVAL);

  /** The deprecated v1 relationship names the same type; a v1 experiment has no app of its own. */
  static final Target EXPERIMENT_V1 = new Target("appStoreVersionExperiment", ExperimentRules.TYPE, "state",
      VersionStates.PREPARE_FOR_SUBMISSION, VersionStates.PREPARE_FOR_SUBMISSION, EDITABLE, false,
      List.of("appStoreVersion", "app"), Optional.empty(), ExperimentRules::preconditions, EXPERIMENT_APPROVAL);

  static final List<Target> ALL = List.of(VERSION, PAGE_VERSION, EVENT, EXPERIMENT_V2, EXPERIMENT_V1);

  private ReviewTargets() {}

  static Optional<Target> byRelationship(String relationship) {
    return ALL.stream().filter(t -> t.relationship().equals(relationship)).findFirst();
  }

  static Optional<Target> byType(String type) {
    return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
  }

  /** The reviewed resource an item names, with its kind. */
  record Named(Target target, StoredResource resource) {}

  static Optional<Named> of(ResourceAccess resources, String itemId) {
    for (Target target : ALL) {
      Optional<StoredResource> resource = Related.one(resources, ReviewItemRules.TYPE, itemId, target.relationship());
      if (resource.isPresent()) {
        return Optional.of(new Named(target, resource.get()));
      }
    }
    return Optional.empty();
  }
}
