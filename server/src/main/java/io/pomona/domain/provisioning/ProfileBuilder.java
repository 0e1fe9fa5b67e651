package io.pomona.domain.provisioning;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import io.pomona.domain.provisioning.CapabilityCatalog.EntitlementInput;
import io.pomona.domain.provisioning.ProfileKinds.Distribution;
import io.pomona.domain.provisioning.ProfileKinds.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The XML property list inside a {@code .mobileprovision} / {@code .provisionprofile}, with the keys
 * Xcode and codesign read: AppIDName, ApplicationIdentifierPrefix, CreationDate, Platform,
 * IsXcodeManaged, DeveloperCertificates (the DER of each certificate), Entitlements,
 * ExpirationDate, Name, ProvisionedDevices (development and ad hoc) or ProvisionsAllDevices
 * (in-house and Developer ID), TeamIdentifier, TeamName, TimeToLive (days), UUID and Version.
 *
 * <p>Entitlements: the application identifier ({@code <prefix>.<bundle id>}; {@code
 * com.apple.application-identifier} on Mac), the team identifier, keychain access groups (iOS),
 * {@code get-task-allow} true only for development, {@code beta-reports-active} for App Store
 * profiles (TestFlight), plus each enabled capability's entitlements from the {@link
 * CapabilityCatalog}.
 */
final class ProfileBuilder {

  /** Everything a profile is built from. */
  record Inputs(Kind kind, String name, String uuid, String teamId, String teamName, String appIdName,
      String seedId, String bundleIdentifier, List<Map<String, String>> capabilities,
      List<String> capabilityTypes, List<byte[]> certificates, List<String> deviceUdids, Instant created,
      Instant expires) {}

  private ProfileBuilder() {}

  static byte[] plist(Inputs in) {
    NSDictionary root = new NSDictionary();
    root.put("AppIDName", in.appIdName());
    root.put("ApplicationIdentifierPrefix", new NSArray(NSObject.fromJavaObject(in.seedId())));
    root.put("CreationDate", new NSDate(Date.from(in.created())));
    root.put("Platform", new NSArray(NSObject.fromJavaObject(in.kind().plistPlatform())));
    root.put("IsXcodeManaged", false);
    root.put("DeveloperCertificates",
        new NSArray(in.certificates().stream().map(NSData::new).toArray(NSObject[]::new)));
    root.put("Entitlements", NSObject.fromJavaObject(entitlements(in)));
    root.put("ExpirationDate", new NSDate(Date.from(in.expires())));
    root.put("Name", in.name());
    if (in.kind().distribution().listsDevices()) {
      root.put("ProvisionedDevices", NSObject.fromJavaObject(in.deviceUdids()));
    } else if (in.kind().distribution() == Distribution.IN_HOUSE || in.kind().distribution() == Distribution.DIRECT) {
      root.put("ProvisionsAllDevices", true);
    }
    root.put("TeamIdentifier", new NSArray(NSObject.fromJavaObject(in.teamId())));
    root.put("TeamName", in.teamName());
    root.put("TimeToLive", Duration.between(in.created(), in.expires()).toDays());
    root.put("UUID", in.uuid());
    root.put("Version", 1);
    return root.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, Object> entitlements(Inputs in) {
    Map<String, Object> entitlements = new TreeMap<>();
    String applicationIdentifier = in.seedId() + "." + in.bundleIdentifier();
    boolean development = in.kind().distribution() == Distribution.DEVELOPMENT;
    for (int i = 0; i < in.capabilityTypes().size(); i++) {
      Map<String, String> chosen = in.capabilities().get(i);
      CapabilityCatalog.of(in.capabilityTypes().get(i)).ifPresent(capability -> entitlements.putAll(
          capability.entitlements().apply(new EntitlementInput(applicationIdentifier, in.teamId(), development,
              chosen))));
    }
    if (in.kind().mac()) {
      entitlements.put("com.apple.application-identifier", applicationIdentifier);
      entitlements.put("com.apple.security.get-task-allow", development);
    } else {
      entitlements.put("application-identifier", applicationIdentifier);
      entitlements.put("get-task-allow", development);
      entitlements.put("keychain-access-groups", List.of(in.seedId() + ".*", "com.apple.token"));
    }
    entitlements.put("com.apple.developer.team-identifier", in.teamId());
    if (in.kind().distribution() == Distribution.APP_STORE) {
      entitlements.put("beta-reports-active", true);
    }
    return new LinkedHashMap<>(entitlements);
  }
}
