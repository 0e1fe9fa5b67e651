package io.pomona.domain.webhooks;

import io.pomona.domain.webhooks.WebhookTrigger.Backward;
import io.pomona.domain.webhooks.WebhookTrigger.Forward;
import io.pomona.domain.webhooks.WebhookTrigger.Hop;
import io.pomona.domain.webhooks.WebhookTrigger.StateChange;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Apple's webhook event types (OpenAPI 4.4.1 {@code WebhookEventType}) and what triggers each
 * (api-facts.md §13 table).
 *
 * <p>Not triggered: the three {@code ALTERNATIVE_DISTRIBUTION_*} types. They report an app's
 * availability on alternative marketplaces ({@code appId}, {@code available}/{@code territories}
 * and a {@code marketplaceApp} relationship), which no resource of the API models; a webhook may
 * subscribe to them and simply never receives one.
 */
final class WebhookTriggers {
  /** The event types a webhook may subscribe to that nothing in Pomona raises (see above). */
  static final Set<String> NOT_TRIGGERED = Set.of(
      "ALTERNATIVE_DISTRIBUTION_PACKAGE_AVAILABLE_UPDATED",
      "ALTERNATIVE_DISTRIBUTION_PACKAGE_VERSION_CREATED",
      "ALTERNATIVE_DISTRIBUTION_TERRITORY_AVAILABILITY_UPDATED");

  private static final List<Hop> VIA_BUILD = List.of(new Forward("build"), new Forward("app"));
  private static final List<Hop> VIA_BACKGROUND_ASSET_VERSION =
      List.of(new Forward("backgroundAssetVersion"), new Forward("backgroundAsset"), new Forward("app"));

  static final List<WebhookTrigger> ALL = List.of(
      stateEvent("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED", "appStoreVersions",
          new StateChange(List.of("appVersionState"), "oldValue", "newValue"), true, false,
          List.of(List.of(new Forward("app")))),
      // Obs: Apple sends oldState too, though its documentation lists newState only.
      stateEvent("BUILD_UPLOAD_STATE_UPDATED", "buildUploads",
          new StateChange(List.of("state", "state"), "oldState", "newState"), false, false,
          List.of(List.of(new Backward("apps", "buildUploads")), VIA_BUILD)),
      stateEvent("BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED", "buildBetaDetails",
          new StateChange(List.of("externalBuildState"), "oldExternalBuildState", "newExternalBuildState"), false,
          false, List.of(VIA_BUILD)),
      createdEvent("BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED", "betaFeedbackScreenshotSubmissions",
          List.of(List.of(new Backward("apps", "betaFeedbackScreenshotSubmissions")), VIA_BUILD)),
      createdEvent("BETA_FEEDBACK_CRASH_SUBMISSION_CREATED", "betaFeedbackCrashSubmissions",
          List.of(List.of(new Backward("apps", "betaFeedbackCrashSubmissions")), VIA_BUILD)),
      stateEvent("BACKGROUND_ASSET_VERSION_STATE_UPDATED", "backgroundAssetVersions",
          new StateChange(List.of("state"), "oldState", "newState"), true, true,
          List.of(List.of(new Forward("backgroundAsset"), new Forward("app")))),
      stateEvent("BACKGROUND_ASSET_VERSION_APP_STORE_RELEASE_STATE_UPDATED", "backgroundAssetVersionAppStoreReleases",
          new StateChange(List.of("state"), "oldState", "newState"), true, true,
          List.of(VIA_BACKGROUND_ASSET_VERSION)),
      stateEvent("BACKGROUND_ASSET_VERSION_EXTERNAL_BETA_RELEASE_STATE_UPDATED",
          "backgroundAssetVersionExternalBetaReleases",
          new StateChange(List.of("state"), "oldState", "newState"), true, true,
          List.of(VIA_BACKGROUND_ASSET_VERSION)),
      new WebhookTrigger("BACKGROUND_ASSET_VERSION_INTERNAL_BETA_RELEASE_CREATED",
          "backgroundAssetVersionInternalBetaReleases", Optional.empty(), true, true,
          List.of(VIA_BACKGROUND_ASSET_VERSION)));

  private WebhookTriggers() {}

  private static WebhookTrigger stateEvent(String eventType, String resourceType, StateChange change,
      boolean withTimestamp, boolean flatInstance, List<List<Hop>> pathsToApp) {
    return new WebhookTrigger(eventType, resourceType, Optional.of(change), withTimestamp, flatInstance, pathsToApp);
  }

  private static WebhookTrigger createdEvent(String eventType, String resourceType, List<List<Hop>> pathsToApp) {
    return new WebhookTrigger(eventType, resourceType, Optional.empty(), true, false, pathsToApp);
  }
}
