package io.pomona.operator;

import io.pomona.account.Team;

/**
 * The operator's shortcut to a build without bytes (tests, demos): as if its binary had just been
 * committed, the build is created in {@code PROCESSING} and the Apple side processes it. The
 * TestFlight behaviours implement it; the wiring hands it to the admin API.
 */
@FunctionalInterface
public interface BuildUploader {

  /**
   * Uploads build {@code number} of version {@code version} of an app on {@code platform}; returns
   * the build's id. 404 for an unknown app, 409 for a build number already used.
   */
  String upload(Team team, String appId, String version, String number, String platform);
}
