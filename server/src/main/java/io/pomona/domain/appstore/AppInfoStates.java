package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.store.StoredResource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An app's information follows its versions (App Store Connect Help, "app information"): the app
 * has the app info of its live version and, while a newer version is in the works, an editable one
 * whose {@code state} (and deprecated {@code appStoreState}) moves with that version through review
 * to release. When the version goes live its app info goes live too and the previously live one
 * becomes {@code REPLACED_WITH_NEW_INFO}; a version a client creates after that gets a new
 * editable app info, copied from the live one (categories, localizations, age rating answers), as
 * App Store Connect copies it.
 *
 * <p>Inf: Apple keeps one app info in the works per app, not per platform; Pomona lets the latest
 * state change of any platform's version move it. Versions written by the operator (demo data,
 * tests) with a state of their own leave the app infos as the operator wrote them: only state
 * changes and clients' new versions move them.
 */
public final class AppInfoStates implements Behaviour {
  static final String LIVE = "READY_FOR_DISTRIBUTION";
  static final String REPLACED = "REPLACED_WITH_NEW_INFO";

  /**
   * The app info {@code state} (OpenAPI 4.4.1 enum) for a version state; states not named here
   * read the same. Inf: the app info has no rejection subtypes and one pending-release state.
   */
  private static final Map<String, String> INFO_STATE = Map.of(
      "METADATA_REJECTED", "REJECTED",
      "INVALID_BINARY", "REJECTED",
      "WAITING_FOR_EXPORT_COMPLIANCE", "ACCEPTED",
      VersionStates.PENDING_DEVELOPER_RELEASE, "PENDING_RELEASE",
      "PENDING_APPLE_RELEASE", "PENDING_RELEASE",
      "PROCESSING_FOR_DISTRIBUTION", "PENDING_RELEASE");

  /** The app info attributes that are the developer's answers, copied into a new editable one. */
  private static final Set<String> STATE_ATTRIBUTES = Set.of("state", "appStoreState");

  private static final List<String> CATEGORIES = List.of("primaryCategory", "primarySubcategoryOne",
      "primarySubcategoryTwo", "secondaryCategory", "secondarySubcategoryOne", "secondarySubcategoryTwo");

  @Override
  public Set<String> resourceTypes() {
    return Set.of(AppStoreVersionRules.TYPE);
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    Optional<String> state = ctx.stringAttribute("appVersionState");
    Optional<String> appId = Related.toOneId(ctx, "app");
    if (state.isEmpty() || appId.isEmpty()) {
      return;
    }
    if (ctx.kind() == WriteKind.CREATE && ctx.origin() == Origin.CLIENT) {
      follow(ctx.resources(), appId.get(), state.get(), true);
    } else if (ctx.kind() == WriteKind.UPDATE && AppStoreVersionRules.changed(ctx, "appVersionState")) {
      follow(ctx.resources(), appId.get(), state.get(), false);
    }
  }

  /**
   * Moves the app's editable app info to the version's state (making one from the live info first
   * for a new version); a version going live makes its info the live one.
   */
  private static void follow(ResourceAccess resources, String appId, String versionState, boolean newVersion) {
    if (versionState.equals(VersionStates.REPLACED_WITH_NEW_VERSION)) {
      return; // the newer version going live moves the infos
    }
    List<StoredResource> infos = Related.all(resources, "apps", appId, "appInfos");
    Optional<StoredResource> editable = infos.stream().filter(AppInfoStates::inTheWorks).findFirst();
    if (editable.isEmpty() && newVersion) {
      editable = infos.stream().filter(i -> LIVE.equals(i.attributes().get("state"))).findFirst()
          .map(live -> copy(resources, appId, live));
    }
    if (editable.isEmpty()) {
      return;
    }
    String editableId = editable.get().id();
    if (versionState.equals(LIVE)) {
      infos.stream().filter(i -> !i.id().equals(editableId) && LIVE.equals(i.attributes().get("state")))
          .forEach(i -> resources.update(AppInfoRules.TYPE, i.id(),
              Map.of("state", REPLACED, "appStoreState", VersionStates.REPLACED_WITH_NEW_VERSION)));
    }
    resources.update(AppInfoRules.TYPE, editableId, Map.of(
        "state", INFO_STATE.getOrDefault(versionState, versionState),
        "appStoreState", VersionStates.appStoreState(versionState)));
  }

  private static boolean inTheWorks(StoredResource info) {
    Object state = info.attributes().get("state");
    return !LIVE.equals(state) && !REPLACED.equals(state);
  }

  /** A new editable app info with the live one's answers, categories, age rating and localizations. */
  private static StoredResource copy(ResourceAccess resources, String appId, StoredResource live) {
    Map<String, Object> attributes = new LinkedHashMap<>(live.attributes());
    attributes.keySet().removeAll(STATE_ATTRIBUTES);
    attributes.put("state", VersionStates.PREPARE_FOR_SUBMISSION);
    attributes.put("appStoreState", VersionStates.PREPARE_FOR_SUBMISSION);
    Map<String, List<String>> relationships = new HashMap<>();
    relationships.put("app", List.of(appId));
    for (String category : CATEGORIES) {
      Related.one(resources, AppInfoRules.TYPE, live.id(), category)
          .ifPresent(c -> relationships.put(category, List.of(c.id())));
    }
    StoredResource info = resources.create(AppInfoRules.TYPE, Related.derivedId(live.id(), "next"), attributes,
        relationships);
    Related.one(resources, AppInfoRules.TYPE, live.id(), "ageRatingDeclaration").ifPresent(answers ->
        Related.one(resources, AppInfoRules.TYPE, info.id(), "ageRatingDeclaration").ifPresent(declaration ->
            resources.update("ageRatingDeclarations", declaration.id(), answers.attributes())));
    for (StoredResource localization : Related.all(resources, AppInfoRules.TYPE, live.id(), "appInfoLocalizations")) {
      resources.create("appInfoLocalizations", Related.derivedId(info.id(), localization.id()),
          localization.attributes(), Map.of("appInfo", List.of(info.id())));
    }
    return info;
  }
}
