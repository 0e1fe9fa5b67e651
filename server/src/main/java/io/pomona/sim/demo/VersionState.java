package io.pomona.sim.demo;

/**
 * An App Store version's state in its three spellings, kept in step (api-facts.md §6.2): the
 * current {@code appVersionState}, the deprecated {@code appStoreState}, and the {@code state} of
 * the app info that is edited alongside the version.
 */
enum VersionState {
  READY_FOR_DISTRIBUTION("READY_FOR_DISTRIBUTION", "READY_FOR_SALE", "READY_FOR_DISTRIBUTION"),
  REPLACED_WITH_NEW_VERSION("REPLACED_WITH_NEW_VERSION", "REPLACED_WITH_NEW_VERSION", "REPLACED_WITH_NEW_INFO"),
  PREPARE_FOR_SUBMISSION("PREPARE_FOR_SUBMISSION", "PREPARE_FOR_SUBMISSION", "PREPARE_FOR_SUBMISSION"),
  READY_FOR_REVIEW("READY_FOR_REVIEW", "READY_FOR_REVIEW", "READY_FOR_REVIEW"),
  WAITING_FOR_REVIEW("WAITING_FOR_REVIEW", "WAITING_FOR_REVIEW", "WAITING_FOR_REVIEW"),
  IN_REVIEW("IN_REVIEW", "IN_REVIEW", "IN_REVIEW"),
  DEVELOPER_REJECTED("DEVELOPER_REJECTED", "DEVELOPER_REJECTED", "DEVELOPER_REJECTED"),
  PENDING_DEVELOPER_RELEASE("PENDING_DEVELOPER_RELEASE", "PENDING_DEVELOPER_RELEASE", "PENDING_RELEASE"),
  REJECTED("REJECTED", "REJECTED", "REJECTED");

  private final String appVersionState;
  private final String appStoreState;
  private final String appInfoState;

  VersionState(String appVersionState, String appStoreState, String appInfoState) {
    this.appVersionState = appVersionState;
    this.appStoreState = appStoreState;
    this.appInfoState = appInfoState;
  }

  String appVersionState() {
    return appVersionState;
  }

  String appStoreState() {
    return appStoreState;
  }

  String appInfoState() {
    return appInfoState;
  }

  /** Whether customers can download this version now. */
  boolean live() {
    return this == READY_FOR_DISTRIBUTION;
  }

  /** Whether this version was live once (it is, or a newer one replaced it). */
  boolean released() {
    return this == READY_FOR_DISTRIBUTION || this == REPLACED_WITH_NEW_VERSION;
  }
}
