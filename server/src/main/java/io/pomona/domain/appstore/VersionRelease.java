package io.pomona.domain.appstore;

import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Process.Move;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.Scheduler;
import io.pomona.behaviour.Step;
import io.pomona.store.StoredResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How an approved version reaches the App Store (api-facts.md §6.2, {@code releaseType}): {@code
 * MANUAL} waits in {@code PENDING_DEVELOPER_RELEASE} for a release request; {@code AFTER_APPROVAL}
 * goes live at once; {@code SCHEDULED} waits in {@code PENDING_DEVELOPER_RELEASE} (Inf: Apple shows
 * the scheduled date there) until its {@code earliestReleaseDate} on the simulated clock, or goes
 * live at once when that date has passed. Going live skips {@code PROCESSING_FOR_DISTRIBUTION}
 * (Inf: Pomona has no CDN to fill).
 *
 * <p>The process {@value #NAME} follows {@code appVersionState}: it records {@value #EVENT_TYPE}
 * on every change and holds the scheduled release, a transition due at the version's own date
 * ({@link Scheduler#startAt}); it has no step of its own, so no policy re-times it, and a version
 * that leaves {@code PENDING_DEVELOPER_RELEASE} first (a release request) cancels it.
 */
public final class VersionRelease {
  public static final String NAME = "app-store-version-release";
  /**
   * Pomona's state event of a version; Apple's webhook event for the same change, {@code
   * APP_STORE_VERSION_APP_VERSION_STATE_UPDATED}, is recorded beside it by the webhooks area.
   */
  public static final String EVENT_TYPE = "APP_STORE_VERSION_STATE_CHANGED";

  private static final Step GO_LIVE =
      Step.of(VersionStates.PENDING_DEVELOPER_RELEASE, VersionStates.READY_FOR_DISTRIBUTION);

  public static final Process PROCESS = new Process(NAME, AppStoreVersionRules.TYPE, "appVersionState", EVENT_TYPE,
      Set.of(new Move(GO_LIVE.from(), GO_LIVE.to())), List.of(), Policy.auto(Duration.ZERO));

  private VersionRelease() {}

  /** Moves an approved version on as its release type says. */
  static void afterApproval(ResourceAccess resources, Scheduler scheduler, StoredResource version, Instant now) {
    String releaseType = Related.text(version, "releaseType").orElse("MANUAL");
    Optional<Instant> date = Related.text(version, "earliestReleaseDate").flatMap(AppStoreVersionRules::instant);
    boolean live = releaseType.equals("AFTER_APPROVAL")
        || (releaseType.equals("SCHEDULED") && date.map(d -> !d.isAfter(now)).orElse(true));
    if (live) {
      release(resources, version.id());
      return;
    }
    setState(resources, version.id(), VersionStates.PENDING_DEVELOPER_RELEASE);
    if (releaseType.equals("SCHEDULED")) {
      scheduler.startAt(PROCESS, version.id(), GO_LIVE, date.orElseThrow());
    }
  }

  /** The version goes live (the rules of the version replace the previous one). */
  static void release(ResourceAccess resources, String versionId) {
    setState(resources, versionId, VersionStates.READY_FOR_DISTRIBUTION);
  }

  static void setState(ResourceAccess resources, String versionId, String state) {
    resources.update(AppStoreVersionRules.TYPE, versionId, Map.of("appVersionState", state));
  }
}
