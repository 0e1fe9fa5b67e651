package io.pomona.domain.appstore;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An App Store version's states (api-facts.md §6.2), as data: which allow edits, which no longer
 * block a new version, and how the current {@code appVersionState} reads in the deprecated {@code
 * appStoreState}.
 */
final class VersionStates {
  static final String PREPARE_FOR_SUBMISSION = "PREPARE_FOR_SUBMISSION";
  static final String READY_FOR_REVIEW = "READY_FOR_REVIEW";
  static final String WAITING_FOR_REVIEW = "WAITING_FOR_REVIEW";
  static final String IN_REVIEW = "IN_REVIEW";
  static final String PENDING_DEVELOPER_RELEASE = "PENDING_DEVELOPER_RELEASE";
  static final String READY_FOR_DISTRIBUTION = "READY_FOR_DISTRIBUTION";
  static final String REPLACED_WITH_NEW_VERSION = "REPLACED_WITH_NEW_VERSION";
  static final String REJECTED = "REJECTED";
  static final String DEVELOPER_REJECTED = "DEVELOPER_REJECTED";

  /** Obs (api-facts.md §6.2): the states in which a version and its media may be edited. */
  static final Set<String> EDITABLE = Set.of(PREPARE_FOR_SUBMISSION, READY_FOR_REVIEW, DEVELOPER_REJECTED, REJECTED,
      "METADATA_REJECTED", "INVALID_BINARY");

  /**
   * The states that leave room for a new version on the platform: the version is out (live or
   * replaced). Every other state — editable, in review, pending release — blocks one (Obs §6.2).
   */
  static final Set<String> SHIPPED = Set.of(READY_FOR_DISTRIBUTION, REPLACED_WITH_NEW_VERSION);

  /** The deprecated spelling where it differs (Inf §6.2); every other state reads the same. */
  private static final Map<String, String> LEGACY = Map.of(
      READY_FOR_DISTRIBUTION, "READY_FOR_SALE",
      "PROCESSING_FOR_DISTRIBUTION", "PROCESSING_FOR_APP_STORE");

  private VersionStates() {}

  static String appStoreState(String appVersionState) {
    return LEGACY.getOrDefault(appVersionState, appVersionState);
  }

  static boolean editable(Optional<String> state) {
    return state.map(EDITABLE::contains).orElse(true);
  }

  static boolean shipped(Object state) {
    return SHIPPED.contains(state);
  }
}
