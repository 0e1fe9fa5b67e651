package io.pomona.domain.provisioning;

import io.pomona.behaviour.ResourceAccess;
import io.pomona.store.StoredResource;
import java.util.Map;

/**
 * Apple invalidates a profile when something it was built from changes (api-facts.md §8): one of
 * its certificates is revoked, its bundle ID's capabilities change, one of its devices is disabled
 * (Unv for devices; Pomona does it, since the profile no longer matches what the portal lists).
 * The profile keeps its content; clients repair it by deleting and re-creating it.
 */
final class ProfileInvalidation {
  static final String TYPE = "profiles";
  static final String STATE = "profileState";
  static final String ACTIVE = "ACTIVE";
  static final String INVALID = "INVALID";
  /** More profiles than a team plausibly holds for one certificate, device or bundle ID. */
  private static final int MOST_PROFILES = 10_000;

  private ProfileInvalidation() {}

  /** Marks INVALID every active profile whose {@code relationship} includes {@code targetId}. */
  static void invalidateReferring(ResourceAccess resources, String relationship, String targetId) {
    for (StoredResource profile : resources.referrers(TYPE, relationship, targetId, MOST_PROFILES)) {
      if (ACTIVE.equals(profile.attributes().get(STATE))) {
        resources.update(TYPE, profile.id(), Map.of(STATE, INVALID));
      }
    }
  }
}
