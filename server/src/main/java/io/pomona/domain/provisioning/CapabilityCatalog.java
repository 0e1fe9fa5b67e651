package io.pomona.domain.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every {@code CapabilityType} of API 4.4.1 in one table: the settings it takes (api-facts.md §8:
 * {@code ICLOUD_VERSION}, {@code DATA_PROTECTION_PERMISSION_LEVEL}, {@code
 * APPLE_ID_AUTH_APP_CONSENT}) with their options, the first being the default; whether a wildcard
 * bundle ID may carry it; and the entitlements it puts into a profile.
 *
 * <p>Wildcards: api-facts.md §8 names push, in-app purchase, iCloud and Game Center as app-specific;
 * the other capabilities here that need a service bound to one app (Wallet, Apple Pay, App Groups,
 * Associated Domains, HealthKit, HomeKit, SiriKit, Sign in with Apple) are refused on wildcards
 * too, as the developer portal does (Inf). Entitlement keys and values are the ones Xcode writes
 * into entitlements files for these capabilities.
 */
final class CapabilityCatalog {

  /** What a profile's entitlements are derived from. */
  record EntitlementInput(String applicationIdentifier, String teamId, boolean development,
      Map<String, String> chosenOptions) {}

  /**
   * One capability.
   *
   * @param settings setting key → its options, the first being the default
   */
  record Capability(String type, boolean wildcardAllowed, Map<String, List<String>> settings,
      Function<EntitlementInput, Map<String, Object>> entitlements) {}

  private static final Map<String, String> DATA_PROTECTION_CLASSES = Map.of(
      "COMPLETE_PROTECTION", "NSFileProtectionComplete",
      "PROTECTED_UNLESS_OPEN", "NSFileProtectionCompleteUnlessOpen",
      "PROTECTED_UNTIL_FIRST_USER_AUTH", "NSFileProtectionCompleteUntilFirstUserAuthentication");

  private static final Map<String, Capability> CAPABILITIES = Stream.of(
      appSpecific("ICLOUD", Map.of("ICLOUD_VERSION", List.of("XCODE_6", "XCODE_5")), in -> Map.of(
          "com.apple.developer.icloud-container-identifiers", List.of(),
          "com.apple.developer.icloud-services", "*",
          "com.apple.developer.ubiquity-kvstore-identifier", in.applicationIdentifier())),
      appSpecific("IN_APP_PURCHASE", Map.of(), in -> Map.of()),
      appSpecific("GAME_CENTER", Map.of(), in -> Map.of("com.apple.developer.game-center", true)),
      appSpecific("PUSH_NOTIFICATIONS", Map.of(), in -> Map.of(
          "aps-environment", in.development() ? "development" : "production")),
      appSpecific("WALLET", Map.of(), in -> Map.of(
          "com.apple.developer.pass-type-identifiers", List.of(in.teamId() + ".*"))),
      anyBundle("INTER_APP_AUDIO", Map.of(), in -> Map.of("inter-app-audio", true)),
      anyBundle("MAPS", Map.of(), in -> Map.of()),
      appSpecific("ASSOCIATED_DOMAINS", Map.of(), in -> Map.of("com.apple.developer.associated-domains", "*")),
      anyBundle("PERSONAL_VPN", Map.of(), in -> Map.of(
          "com.apple.developer.networking.vpn.api", List.of("allow-vpn"))),
      appSpecific("APP_GROUPS", Map.of(), in -> Map.of("com.apple.security.application-groups", List.of())),
      appSpecific("HEALTHKIT", Map.of(), in -> Map.of(
          "com.apple.developer.healthkit", true, "com.apple.developer.healthkit.access", List.of())),
      appSpecific("HOMEKIT", Map.of(), in -> Map.of("com.apple.developer.homekit", true)),
      anyBundle("WIRELESS_ACCESSORY_CONFIGURATION", Map.of(), in -> Map.of(
          "com.apple.external-accessory.wireless-configuration", true)),
      appSpecific("APPLE_PAY", Map.of(), in -> Map.of("com.apple.developer.in-app-payments", List.of())),
      anyBundle("DATA_PROTECTION", Map.of("DATA_PROTECTION_PERMISSION_LEVEL",
          List.of("COMPLETE_PROTECTION", "PROTECTED_UNLESS_OPEN", "PROTECTED_UNTIL_FIRST_USER_AUTH")),
          in -> Map.of("com.apple.developer.default-data-protection",
              DATA_PROTECTION_CLASSES.get(in.chosenOptions().get("DATA_PROTECTION_PERMISSION_LEVEL")))),
      appSpecific("SIRIKIT", Map.of(), in -> Map.of("com.apple.developer.siri", true)),
      anyBundle("NETWORK_EXTENSIONS", Map.of(), in -> Map.of(
          "com.apple.developer.networking.networkextension",
          List.of("app-proxy-provider", "content-filter-provider", "packet-tunnel-provider", "dns-proxy"))),
      anyBundle("MULTIPATH", Map.of(), in -> Map.of("com.apple.developer.networking.multipath", true)),
      anyBundle("HOT_SPOT", Map.of(), in -> Map.of("com.apple.developer.networking.HotspotConfiguration", true)),
      anyBundle("NFC_TAG_READING", Map.of(), in -> Map.of(
          "com.apple.developer.nfc.readersession.formats", List.of("NDEF", "TAG"))),
      anyBundle("CLASSKIT", Map.of(), in -> Map.of(
          "com.apple.developer.ClassKit-environment", in.development() ? "development" : "production")),
      anyBundle("AUTOFILL_CREDENTIAL_PROVIDER", Map.of(), in -> Map.of(
          "com.apple.developer.authentication-services.autofill-credential-provider", true)),
      anyBundle("ACCESS_WIFI_INFORMATION", Map.of(), in -> Map.of("com.apple.developer.networking.wifi-info", true)),
      anyBundle("NETWORK_CUSTOM_PROTOCOL", Map.of(), in -> Map.of(
          "com.apple.developer.networking.custom-protocol", true)),
      anyBundle("COREMEDIA_HLS_LOW_LATENCY", Map.of(), in -> Map.of(
          "com.apple.developer.coremedia.hls.low-latency", true)),
      anyBundle("SYSTEM_EXTENSION_INSTALL", Map.of(), in -> Map.of(
          "com.apple.developer.system-extension.install", true)),
      anyBundle("USER_MANAGEMENT", Map.of(), in -> Map.of(
          "com.apple.developer.user-management", List.of("runs-as-current-user"))),
      appSpecific("APPLE_ID_AUTH", Map.of("APPLE_ID_AUTH_APP_CONSENT", List.of("PRIMARY_APP_CONSENT")),
          in -> Map.of("com.apple.developer.applesignin", List.of("Default"))))
      .collect(Collectors.toUnmodifiableMap(Capability::type, Function.identity()));

  private CapabilityCatalog() {}

  static Optional<Capability> of(String capabilityType) {
    return Optional.ofNullable(CAPABILITIES.get(capabilityType));
  }

  static java.util.Set<String> types() {
    return CAPABILITIES.keySet();
  }

  private static Capability appSpecific(String type, Map<String, List<String>> settings,
      Function<EntitlementInput, Map<String, Object>> entitlements) {
    return new Capability(type, false, Map.copyOf(settings), entitlements);
  }

  private static Capability anyBundle(String type, Map<String, List<String>> settings,
      Function<EntitlementInput, Map<String, Object>> entitlements) {
    return new Capability(type, true, Map.copyOf(settings), entitlements);
  }
}
