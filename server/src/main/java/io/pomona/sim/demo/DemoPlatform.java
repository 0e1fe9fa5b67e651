package io.pomona.sim.demo;

/**
 * The platforms the demo's apps ship on, with the values Apple uses for each in the places that
 * name a platform differently: versions ({@code Platform}), bundle ids and profiles
 * ({@code BundleIdPlatform}: tvOS apps use iOS bundle ids) and profile types.
 */
enum DemoPlatform {
  IOS("IOS", "IOS", "IOS_APP_DEVELOPMENT", "IOS_APP_STORE", "IOS_APP_ADHOC"),
  MAC_OS("MAC_OS", "MAC_OS", "MAC_APP_DEVELOPMENT", "MAC_APP_STORE", "MAC_APP_DIRECT"),
  TV_OS("TV_OS", "IOS", "TVOS_APP_DEVELOPMENT", "TVOS_APP_STORE", "TVOS_APP_ADHOC");

  private final String platform;
  private final String bundleIdPlatform;
  private final String developmentProfile;
  private final String storeProfile;
  private final String outsideStoreProfile;

  DemoPlatform(String platform, String bundleIdPlatform, String developmentProfile, String storeProfile,
      String outsideStoreProfile) {
    this.platform = platform;
    this.bundleIdPlatform = bundleIdPlatform;
    this.developmentProfile = developmentProfile;
    this.storeProfile = storeProfile;
    this.outsideStoreProfile = outsideStoreProfile;
  }

  /** The {@code Platform} value of versions, pre-release versions and declarations. */
  String platform() {
    return platform;
  }

  /** The {@code BundleIdPlatform} value of bundle ids and profiles. */
  String bundleIdPlatform() {
    return bundleIdPlatform;
  }

  String developmentProfile() {
    return developmentProfile;
  }

  String storeProfile() {
    return storeProfile;
  }

  /** Ad hoc on iOS and tvOS, Developer ID ("direct") on macOS. */
  String outsideStoreProfile() {
    return outsideStoreProfile;
  }

  boolean isMac() {
    return this == MAC_OS;
  }
}
