package io.pomona.domain.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every {@code profileType} in one table (api-facts.md §8 and Apple's developer help): how it
 * distributes, the platform names Xcode reads from the profile ({@code iOS}, {@code OSX}, {@code
 * tvOS}), the platform the API reports, which bundle ID platforms it fits, which certificate types
 * it takes, and the platform of the devices it lists (development and ad hoc only).
 *
 * <p>Mac Catalyst profiles are for an iOS bundle ID running on Mac: Mac certificates and devices.
 * tvOS devices register under platform IOS, as with Apple.
 */
final class ProfileKinds {
  /** How a profile distributes: what decides devices, get-task-allow and certificate kinds. */
  enum Distribution {
    DEVELOPMENT, APP_STORE, AD_HOC, IN_HOUSE, DIRECT;

    boolean listsDevices() {
      return this == DEVELOPMENT || this == AD_HOC;
    }
  }

  record Kind(String profileType, Distribution distribution, String plistPlatform, String apiPlatform,
      Set<String> bundlePlatforms, Set<String> certificateTypes, Optional<String> devicePlatform) {

    boolean mac() {
      return plistPlatform.equals("OSX");
    }
  }

  private static final Set<String> IOS_BUNDLES = Set.of("IOS", "UNIVERSAL");
  private static final Set<String> MAC_BUNDLES = Set.of("MAC_OS", "UNIVERSAL");
  private static final Set<String> DEVELOPMENT_IOS = Set.of("DEVELOPMENT", "IOS_DEVELOPMENT");
  private static final Set<String> DISTRIBUTION_IOS = Set.of("DISTRIBUTION", "IOS_DISTRIBUTION");
  private static final Set<String> DEVELOPMENT_MAC = Set.of("DEVELOPMENT", "MAC_APP_DEVELOPMENT");
  private static final Set<String> DISTRIBUTION_MAC = Set.of("DISTRIBUTION", "MAC_APP_DISTRIBUTION");
  private static final Set<String> DEVELOPER_ID = Set.of("DEVELOPER_ID_APPLICATION", "DEVELOPER_ID_APPLICATION_G2");

  private static final Map<String, Kind> KINDS = Stream.of(
      kind("IOS_APP_DEVELOPMENT", Distribution.DEVELOPMENT, "iOS", "IOS", IOS_BUNDLES, DEVELOPMENT_IOS, "IOS"),
      kind("IOS_APP_STORE", Distribution.APP_STORE, "iOS", "IOS", IOS_BUNDLES, DISTRIBUTION_IOS, null),
      kind("IOS_APP_ADHOC", Distribution.AD_HOC, "iOS", "IOS", IOS_BUNDLES, DISTRIBUTION_IOS, "IOS"),
      kind("IOS_APP_INHOUSE", Distribution.IN_HOUSE, "iOS", "IOS", IOS_BUNDLES, DISTRIBUTION_IOS, null),
      kind("TVOS_APP_DEVELOPMENT", Distribution.DEVELOPMENT, "tvOS", "IOS", IOS_BUNDLES, DEVELOPMENT_IOS, "IOS"),
      kind("TVOS_APP_STORE", Distribution.APP_STORE, "tvOS", "IOS", IOS_BUNDLES, DISTRIBUTION_IOS, null),
      kind("TVOS_APP_ADHOC", Distribution.AD_HOC, "tvOS", "IOS", IOS_BUNDLES, DISTRIBUTION_IOS, "IOS"),
      kind("TVOS_APP_INHOUSE", Distribution.IN_HOUSE, "tvOS", "IOS", IOS_BUNDLES, DISTRIBUTION_IOS, null),
      kind("MAC_APP_DEVELOPMENT", Distribution.DEVELOPMENT, "OSX", "MAC_OS", MAC_BUNDLES, DEVELOPMENT_MAC, "MAC_OS"),
      kind("MAC_APP_STORE", Distribution.APP_STORE, "OSX", "MAC_OS", MAC_BUNDLES, DISTRIBUTION_MAC, null),
      kind("MAC_APP_DIRECT", Distribution.DIRECT, "OSX", "MAC_OS", MAC_BUNDLES, DEVELOPER_ID, null),
      kind("MAC_CATALYST_APP_DEVELOPMENT", Distribution.DEVELOPMENT, "OSX", "MAC_OS", IOS_BUNDLES, DEVELOPMENT_MAC,
          "MAC_OS"),
      kind("MAC_CATALYST_APP_STORE", Distribution.APP_STORE, "OSX", "MAC_OS", IOS_BUNDLES, DISTRIBUTION_MAC, null),
      kind("MAC_CATALYST_APP_DIRECT", Distribution.DIRECT, "OSX", "MAC_OS", IOS_BUNDLES, DEVELOPER_ID, null))
      .collect(Collectors.toUnmodifiableMap(Kind::profileType, Function.identity()));

  private ProfileKinds() {}

  static Kind of(String profileType) {
    Kind kind = KINDS.get(profileType);
    if (kind == null) {
      throw new IllegalArgumentException("no profile kind for " + profileType);
    }
    return kind;
  }

  static Set<String> types() {
    return KINDS.keySet();
  }

  private static Kind kind(String type, Distribution distribution, String plistPlatform, String apiPlatform,
      Set<String> bundlePlatforms, Set<String> certificateTypes, String devicePlatform) {
    return new Kind(type, distribution, plistPlatform, apiPlatform, bundlePlatforms, certificateTypes,
        Optional.ofNullable(devicePlatform));
  }

  static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
