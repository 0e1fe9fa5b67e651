package io.pomona.sim.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code settings} of the capabilities that have any (api-facts.md §8): iCloud's version,
 * data protection's level and Sign in with Apple's consent, each with the option the demo
 * enables. Other capabilities have no settings.
 */
final class CapabilitySettings {
  private CapabilitySettings() {}

  static List<Map<String, Object>> of(String capabilityType) {
    return switch (capabilityType) {
      case "ICLOUD" -> List.of(setting("ICLOUD_VERSION", "iCloud",
          List.of(option("XCODE_5", "Xcode 5", false), option("XCODE_6", "Xcode 6 and later", true))));
      case "DATA_PROTECTION" -> List.of(setting("DATA_PROTECTION_PERMISSION_LEVEL", "Data Protection",
          List.of(option("COMPLETE_PROTECTION", "Complete protection", true),
              option("PROTECTED_UNLESS_OPEN", "Protected unless open", false),
              option("PROTECTED_UNTIL_FIRST_USER_AUTH", "Protected until first user authentication", false))));
      case "APPLE_ID_AUTH" -> List.of(setting("APPLE_ID_AUTH_APP_CONSENT", "Sign In with Apple",
          List.of(option("PRIMARY_APP_CONSENT", "Enable as a primary App ID", true))));
      default -> List.of();
    };
  }

  private static Map<String, Object> setting(String key, String name, List<Map<String, Object>> options) {
    Map<String, Object> setting = new LinkedHashMap<>();
    setting.put("key", key);
    setting.put("name", name);
    setting.put("enabledByDefault", true);
    setting.put("visible", true);
    setting.put("allowedInstances", "SINGLE");
    setting.put("minInstances", 1);
    setting.put("options", options);
    return setting;
  }

  private static Map<String, Object> option(String key, String name, boolean enabled) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("key", key);
    option.put("name", name);
    option.put("enabledByDefault", enabled);
    option.put("enabled", enabled);
    option.put("supportsWildcard", false);
    return option;
  }
}
