package io.pomona.domain.provisioning;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Apple's device registration knows about a device, as data: the UDID shapes each platform
 * takes (api-facts.md §8) with the case Apple shows them in, and the device classes (product
 * families, each with its own yearly limit) with the model name Pomona reports.
 *
 * <p>Inf: Apple learns a device's class and model from the device itself; Pomona has only the
 * registration, so the class comes from the platform and, for IOS, from the device's name (an
 * "iPad …" is an iPad); an operator may set both explicitly.
 */
final class DeviceFormats {
  /** Legacy iOS devices: 40 hex digits, shown in lower case. */
  static final Pattern LEGACY_IOS = Pattern.compile("[0-9a-fA-F]{40}");
  /** iPhone XS and later, Apple silicon Macs, watch, TV, Vision: 8 hex, hyphen, 16 hex, upper case. */
  static final Pattern MODERN = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{16}");
  /** Intel Mac hardware UUID: 8-4-4-4-12, upper case. */
  static final Pattern MAC_UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final Map<String, List<Pattern>> UDIDS_BY_PLATFORM = Map.of(
      "IOS", List.of(LEGACY_IOS, MODERN),
      "MAC_OS", List.of(MAC_UUID, MODERN));

  /** Device classes with the model Pomona reports and the words in a name that pick them (IOS). */
  private record DeviceClass(String deviceClass, String model, List<String> nameWords) {}

  private static final List<DeviceClass> IOS_CLASSES = List.of(
      new DeviceClass("IPAD", "iPad", List.of("ipad")),
      new DeviceClass("IPOD", "iPod touch", List.of("ipod")),
      new DeviceClass("APPLE_WATCH", "Apple Watch", List.of("watch")),
      new DeviceClass("APPLE_TV", "Apple TV", List.of("apple tv", "appletv")),
      new DeviceClass("APPLE_VISION_PRO", "Apple Vision Pro", List.of("vision")));
  private static final DeviceClass IPHONE = new DeviceClass("IPHONE", "iPhone", List.of());
  private static final DeviceClass MAC = new DeviceClass("MAC", "Mac", List.of());

  private DeviceFormats() {}

  /** The platforms devices can be registered for. */
  static boolean registrable(String platform) {
    return UDIDS_BY_PLATFORM.containsKey(platform);
  }

  /** The UDID in Apple's case, if its shape fits the platform. */
  static Optional<String> normalizedUdid(String platform, String udid) {
    String trimmed = udid.strip();
    for (Pattern pattern : UDIDS_BY_PLATFORM.getOrDefault(platform, List.of())) {
      if (pattern.matcher(trimmed).matches()) {
        return Optional.of(pattern == LEGACY_IOS
            ? trimmed.toLowerCase(Locale.ROOT) : trimmed.toUpperCase(Locale.ROOT));
      }
    }
    return Optional.empty();
  }

  static String deviceClass(String platform, String name) {
    if (platform.equals("MAC_OS")) {
      return MAC.deviceClass();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return IOS_CLASSES.stream()
        .filter(candidate -> candidate.nameWords().stream().anyMatch(lower::contains))
        .findFirst().orElse(IPHONE).deviceClass();
  }

  /** The model Pomona reports for a class; an unknown class (set by an operator) names itself. */
  static String model(String deviceClass) {
    return java.util.stream.Stream.concat(IOS_CLASSES.stream(), java.util.stream.Stream.of(IPHONE, MAC))
        .filter(candidate -> candidate.deviceClass().equals(deviceClass))
        .map(DeviceClass::model).findFirst().orElse(deviceClass);
  }

  static String shapesOf(String platform) {
    return platform.equals("MAC_OS")
        ? "a Mac hardware UUID (8-4-4-4-12 hex) or 8 hex, a hyphen and 16 hex"
        : "40 hex digits, or 8 hex, a hyphen and 16 hex";
  }
}
