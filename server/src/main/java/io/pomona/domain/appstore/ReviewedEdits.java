package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.domain.appstore.ReviewTargets.Target;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What App Review has seen does not change under it: a custom product page version, an app event
 * and an experiment, with their localizations and treatments, change only while the reviewed
 * resource is editable ({@link ReviewTargets}: in preparation, ready for review, or rejected), the
 * way a version does (api-facts.md §6.2, "WAITING_FOR_REVIEW refuses version writes"). A refused
 * write is 409 {@code STATE_ERROR.ENTITY_STATE_INVALID} at the attribute or relationship concerned.
 * App Store versions keep their own rules ({@link AppStoreVersionRules}, {@link LocalizationRules}).
 */
public final class ReviewedEdits implements Behaviour {

  /**
   * How a type reaches the reviewed resource it belongs to.
   *
   * @param parentType the type of its parent; itself for the reviewed resource
   * @param parent the relationships naming its parent (aliases: a treatment names its experiment as
   *     v1 or v2); empty for the reviewed resource itself
   * @param beyond the relationships from the parent on to the reviewed resource
   * @param anyState attributes that may change in any state (a request flag such as {@code started},
   *     or promotional text, which Apple lets developers change at any time)
   */
  private record Owner(String parentType, List<String> parent, List<String> beyond, Set<String> anyState) {}

  private static final Map<String, Owner> OWNERS = Map.of(
      CustomProductPageRules.VERSIONS, new Owner(CustomProductPageRules.VERSIONS, List.of(), List.of(), Set.of()),
      "appCustomProductPageLocalizations", new Owner(CustomProductPageRules.VERSIONS,
          List.of("appCustomProductPageVersion"), List.of(), Set.of("promotionalText")),
      AppEventRules.TYPE, new Owner(AppEventRules.TYPE, List.of(), List.of(), Set.of()),
      "appEventLocalizations", new Owner(AppEventRules.TYPE, List.of("appEvent"), List.of(), Set.of()),
      ExperimentRules.TYPE, new Owner(ExperimentRules.TYPE, List.of(), List.of(), Set.of("started")),
      ExperimentRules.TREATMENTS, new Owner(ExperimentRules.TYPE,
          List.of("appStoreVersionExperimentV2", "appStoreVersionExperiment"), List.of(), Set.of()),
      "appStoreVersionExperimentTreatmentLocalizations", new Owner(ExperimentRules.TREATMENTS,
          List.of("appStoreVersionExperimentTreatment"), List.of("appStoreVersionExperimentV2"), Set.of()));

  @Override
  public Set<String> resourceTypes() {
    return OWNERS.keySet();
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT) {
      return;
    }
    Owner owner = OWNERS.get(ctx.type());
    if (owner.parent().isEmpty()) {
      validateOwnWrite(ctx, owner);
      return;
    }
    Optional<String> parentRelationship = owner.parent().stream()
        .filter(name -> Related.toOneId(ctx, name).isPresent()).findFirst();
    Optional<StoredResource> reviewed = parentRelationship.flatMap(name -> Related.toOneId(ctx, name))
        .flatMap(id -> ctx.resources().get(owner.parentType(), id));
    for (String hop : owner.beyond()) {
      reviewed = reviewed.flatMap(r -> Related.one(ctx.resources(), r.type(), r.id(), hop));
    }
    if (reviewed.isEmpty()) {
      return;
    }
    Target target = ReviewTargets.byType(reviewed.get().type()).orElseThrow();
    if (target.editable(reviewed.get())) {
      return;
    }
    if (ctx.kind() == WriteKind.UPDATE) {
      refuseChanges(ctx, owner, reviewed.get(), "");
    } else {
      throw new ApiException(Errors.entityStateInvalid(ctx.kind() == WriteKind.CREATE
          ? "/data/relationships/" + parentRelationship.orElseThrow() : "/data/id",
          reviewed.get().type(), reviewed.get().id()));
    }
  }

  private static void validateOwnWrite(WriteContext ctx, Owner owner) {
    Optional<StoredResource> previous = ctx.previous();
    if (previous.isEmpty() || ctx.kind() == WriteKind.CREATE) {
      return;
    }
    Target target = ReviewTargets.byType(ctx.type()).orElseThrow();
    String state = target.state(previous.get()).orElse("");
    if (ctx.kind() == WriteKind.DELETE) {
      // In App Review's hands: cancel the submission first.
      if (state.equals(ReviewTargets.WAITING_FOR_REVIEW) || state.equals(ReviewTargets.IN_REVIEW)) {
        throw new ApiException(Errors.entityStateInvalid("/data/id", ctx.type(), ctx.id()));
      }
      return;
    }
    if (!target.editable(previous.get())) {
      refuseChanges(ctx, owner, previous.get(), target.stateAttribute());
    }
  }

  /** Refuses a change of any attribute but those allowed in any state and the state, which review flows move. */
  private static void refuseChanges(WriteContext ctx, Owner owner, StoredResource reviewed, String stateAttribute) {
    for (String name : ctx.attributes().keySet()) {
      if (!owner.anyState().contains(name) && !name.equals(stateAttribute) && AppStoreVersionRules.changed(ctx, name)) {
        throw new ApiException(Errors.entityStateInvalid("/data/attributes/" + name, reviewed.type(), reviewed.id()));
      }
    }
  }
}
