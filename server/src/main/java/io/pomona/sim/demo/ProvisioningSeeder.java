package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.Certificate;
import io.pomona.sim.demo.Story.Device;
import io.pomona.sim.demo.Story.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates, Identifiers and Profiles: a bundle id per app with its capabilities (plus a
 * wildcard and an extension id), registered devices in all three UDID formats, signing
 * certificates and profiles. Only attributes: {@code certificateContent} and
 * {@code profileContent} stay absent until Pomona issues real X.509 certificates and signed
 * profiles, since fake bytes would break any client that parses them.
 */
final class ProvisioningSeeder {
  private final DemoContext context;

  ProvisioningSeeder(DemoContext context) {
    this.context = context;
  }

  /** Returns the bundle id ids by app key. */
  SeededIds seed(List<App> apps, SeededIds appIds) {
    String seedId = context.random().provisioningId(); // the team's App ID prefix
    SeededIds bundleIds = new SeededIds("bundle id");
    for (App app : apps) {
      Identity identity = app.identity();
      bundleIds.put(identity.key(), bundleId(identity.name(), identity.bundleId(), identity.platform().bundleIdPlatform(),
          seedId, identity.capabilities(), List.of(appIds.id(identity.key()))));
    }
    bundleId("Pomona Demo Wildcard", "com.pomona.demo.*", "IOS", seedId, List.of(), List.of());
    bundleId("Sprout Journal Widget", "com.pomona.demo.sprout.widget", "IOS", seedId, List.of("APP_GROUPS"), List.of());
    List<SeededDevice> devices = devices();
    List<SeededCertificate> certificates = certificates();
    for (App app : apps) {
      profiles(app.identity(), bundleIds.id(app.identity().key()), devices, certificates);
    }
    return bundleIds;
  }

  private String bundleId(String name, String identifier, String platform, String seedId, List<String> capabilities,
      List<String> appIds) {
    String id = context.random().provisioningId();
    List<String> capabilityIds = new ArrayList<>();
    for (String capability : capabilities) {
      // Apple names a bundle id's capability after the two: <bundle id id>_<capability type>.
      capabilityIds.add(context.out().resource("bundleIdCapabilities", id + "_" + capability)
          .attr("capabilityType", capability)
          .attr("settings", CapabilitySettings.of(capability))
          .save());
    }
    return context.out().resource("bundleIds", id)
        .attr("name", name)
        .attr("platform", platform)
        .attr("identifier", identifier)
        .attr("seedId", seedId)
        .link("bundleIdCapabilities", capabilityIds)
        .link("app", appIds)
        .save();
  }

  private List<SeededDevice> devices() {
    List<SeededDevice> seeded = new ArrayList<>();
    for (Device device : TeamStory.devices()) {
      String id = context.out().resource("devices", context.random().provisioningId())
          .attr("name", device.name())
          .attr("platform", device.platform())
          .attr("udid", udid(device))
          .attr("deviceClass", device.deviceClass())
          .attr("status", device.status())
          .attr("model", device.model())
          .date("addedDate", context.time().daysAgo(device.daysAgo()))
          .save();
      seeded.add(new SeededDevice(id, device));
    }
    return seeded;
  }

  private String udid(Device device) {
    DemoRandom random = context.random();
    return switch (device.udidFormat()) {
      case LEGACY -> random.hex(40, false);
      case CHIP -> device.chipId() + "-" + random.hex(16, true);
      case MAC -> random.hex(8, true) + "-" + random.hex(4, true) + "-" + random.hex(4, true) + "-"
          + random.hex(4, true) + "-" + random.hex(12, true);
    };
  }

  private List<SeededCertificate> certificates() {
    List<SeededCertificate> seeded = new ArrayList<>();
    for (Certificate certificate : TeamStory.certificates()) {
      Instant created = context.time().daysAgo(certificate.daysAgo());
      Instant expires = DemoTime.plusDays(created, certificate.validDays());
      String id = context.out().resource("certificates", context.random().provisioningId())
          .attr("name", certificate.name())
          .attr("certificateType", certificate.certificateType())
          .attr("displayName", certificate.displayName())
          .attr("serialNumber", context.random().hex(16, true))
          .attr("platform", certificate.platform())
          .date("expirationDate", expires)
          .attr("activated", true)
          .save();
      seeded.add(new SeededCertificate(id, certificate.certificateType(), created, expires));
    }
    return seeded;
  }

  /**
   * A development and a store profile for every app, ad hoc for the iOS game and Developer ID for
   * the Mac app. Sprout Journal's development profile still holds an expired certificate, so it is
   * {@code INVALID} (api-facts.md §8).
   */
  private void profiles(Identity app, String bundleId, List<SeededDevice> devices,
      List<SeededCertificate> certificates) {
    DemoPlatform platform = app.platform();
    List<SeededDevice> testDevices = devices.stream().filter(d -> d.fits(platform)).toList();
    List<SeededCertificate> development = new ArrayList<>(certificates.stream()
        .filter(c -> c.type().equals("DEVELOPMENT")).toList());
    boolean stale = app.key().equals("sprout");
    if (stale) {
      development.addAll(certificates.stream().filter(c -> c.type().equals("IOS_DEVELOPMENT")).toList());
    }
    List<SeededCertificate> distribution = certificates.stream().filter(c -> c.type().equals("DISTRIBUTION")).toList();
    profile(app.name() + " Development", platform.developmentProfile(), platform, bundleId, development, testDevices,
        120, stale);
    profile(app.name() + (platform.isMac() ? " Mac App Store" : " App Store"), platform.storeProfile(), platform,
        bundleId, distribution, List.of(), 200, false);
    if (app.key().equals("pebble")) {
      profile(app.name() + " Ad Hoc", platform.outsideStoreProfile(), platform, bundleId, distribution, testDevices, 60,
          false);
    }
    if (platform.isMac()) {
      profile(app.name() + " Developer ID", platform.outsideStoreProfile(), platform, bundleId,
          certificates.stream().filter(c -> c.type().equals("DEVELOPER_ID_APPLICATION_G2")).toList(), List.of(), 150,
          false);
    }
  }

  private void profile(String name, String profileType, DemoPlatform platform, String bundleId,
      List<SeededCertificate> certificates, List<SeededDevice> devices, int daysAgo, boolean invalid) {
    Instant created = context.time().daysAgo(daysAgo);
    // A profile never outlives its certificates; Apple cuts it at the first one to expire.
    Instant expires = certificates.stream().map(SeededCertificate::expires)
        .filter(e -> e.isAfter(created)).min(Instant::compareTo)
        .filter(e -> e.isBefore(DemoTime.plusDays(created, 365)))
        .orElse(DemoTime.plusDays(created, 365));
    context.out().resource("profiles", context.random().provisioningId())
        .attr("name", name)
        .attr("platform", platform.bundleIdPlatform())
        .attr("profileType", profileType)
        .attr("profileState", invalid ? "INVALID" : "ACTIVE")
        .attr("uuid", context.random().uuid())
        .date("createdDate", created)
        .date("expirationDate", expires)
        .link("bundleId", bundleId)
        .link("certificates", certificates.stream().map(SeededCertificate::id).toList())
        .link("devices", devices.stream().map(SeededDevice::id).toList())
        .save();
  }

  private record SeededDevice(String id, Device device) {
    /** Whether a profile for apps of {@code platform} can install on this device. */
    boolean fits(DemoPlatform platform) {
      if (!device.status().equals("ENABLED")) {
        return false;
      }
      return switch (platform) {
        case MAC_OS -> device.deviceClass().equals("MAC");
        case TV_OS -> device.deviceClass().equals("APPLE_TV");
        case IOS -> device.deviceClass().equals("IPHONE") || device.deviceClass().equals("IPAD");
      };
    }
  }

  private record SeededCertificate(String id, String type, Instant created, Instant expires) {}
}
