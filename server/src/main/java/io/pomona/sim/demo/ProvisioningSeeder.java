package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.Certificate;
import io.pomona.sim.demo.Story.Device;
import io.pomona.sim.demo.Story.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Certificates, Identifiers and Profiles: a bundle id per app with its capabilities (plus a
 * wildcard and an extension id), registered devices in all three UDID formats, signing
 * certificates and profiles.
 *
 * <p>Certificates and profiles are made the way a client makes them, through the provisioning
 * behaviours ({@link DemoWriter.NewResource#asClient()}): each certificate is issued by Pomona's CA
 * from a CSR of its own ({@link SigningRequests}), and each profile is checked as Apple checks it
 * and built into a CMS-signed plist listing exactly its certificates, devices and the bundle id's
 * entitlements. So they carry real {@code certificateContent} and {@code profileContent}, are dated
 * now (the transaction's time) and expire as issued ones do. Bundle ids, capabilities and devices
 * are recorded with the demo's dates; their behaviours check them as any write.
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
    retire(devices);
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

  /**
   * Every device is registered ENABLED; the story's disabled ones are disabled by {@link #retire}
   * once the profiles that listed them exist.
   */
  private List<SeededDevice> devices() {
    List<SeededDevice> seeded = new ArrayList<>();
    for (Device device : TeamStory.devices()) {
      String id = context.out().resource("devices", context.random().provisioningId())
          .attr("name", device.name())
          .attr("platform", device.platform())
          .attr("udid", udid(device))
          .attr("deviceClass", device.deviceClass())
          .attr("status", "ENABLED")
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
      String id = context.out().resource("certificates", context.random().provisioningId())
          .attr("certificateType", certificate.certificateType())
          .attr("csrContent", SigningRequests.pem(certificate.requestedBy(), context.random().anyLong()))
          .asClient()
          .save();
      seeded.add(new SeededCertificate(id, certificate.certificateType()));
    }
    return seeded;
  }

  /**
   * A development and a store profile for every app, ad hoc for the iOS game and Developer ID for
   * the Mac app. Sprout Journal's development profile also lists the legacy iOS development
   * certificate and the old test iPad, which {@link #retire} then disables: the profile becomes
   * {@code INVALID} as Apple's does (api-facts.md §8), so both states show.
   */
  private void profiles(Identity app, String bundleId, List<SeededDevice> devices,
      List<SeededCertificate> certificates) {
    DemoPlatform platform = app.platform();
    boolean stale = app.key().equals("sprout");
    List<SeededDevice> testDevices = devices.stream().filter(d -> d.fits(platform, stale)).toList();
    List<SeededCertificate> development = certificates.stream()
        .filter(c -> c.type().equals("DEVELOPMENT") || stale && c.type().equals("IOS_DEVELOPMENT")).toList();
    List<SeededCertificate> distribution = certificates.stream().filter(c -> c.type().equals("DISTRIBUTION")).toList();
    profile(app.name() + " Development", platform.developmentProfile(), bundleId, development, testDevices);
    profile(app.name() + (platform.isMac() ? " Mac App Store" : " App Store"), platform.storeProfile(), bundleId,
        distribution, List.of());
    if (app.key().equals("pebble")) {
      profile(app.name() + " Ad Hoc", platform.outsideStoreProfile(), bundleId, distribution, testDevices);
    }
    if (platform.isMac()) {
      profile(app.name() + " Developer ID", platform.outsideStoreProfile(), bundleId,
          certificates.stream().filter(c -> c.type().equals("DEVELOPER_ID_APPLICATION_G2")).toList(), List.of());
    }
  }

  private void profile(String name, String profileType, String bundleId, List<SeededCertificate> certificates,
      List<SeededDevice> devices) {
    context.out().resource("profiles", context.random().provisioningId())
        .attr("name", name)
        .attr("profileType", profileType)
        .link("bundleId", bundleId)
        .link("certificates", certificates.stream().map(SeededCertificate::id).toList())
        .link("devices", devices.stream().map(SeededDevice::id).toList())
        .asClient()
        .save();
  }

  /** Disables the story's retired devices as a client's PATCH would, invalidating their profiles. */
  private void retire(List<SeededDevice> devices) {
    for (SeededDevice device : devices) {
      if (device.device().status().equals("DISABLED")) {
        context.out().updateAsClient("devices", device.id(), Map.of("status", "DISABLED"));
      }
    }
  }

  private record SeededDevice(String id, Device device) {
    /**
     * Whether a profile for apps of {@code platform} lists this device: one of the platform's
     * device classes, and in use — or retired later, for a profile made before that ({@code stale}).
     */
    boolean fits(DemoPlatform platform, boolean stale) {
      if (!device.status().equals("ENABLED") && !stale) {
        return false;
      }
      return switch (platform) {
        case MAC_OS -> device.deviceClass().equals("MAC");
        case TV_OS -> device.deviceClass().equals("APPLE_TV");
        case IOS -> device.deviceClass().equals("IPHONE") || device.deviceClass().equals("IPAD");
      };
    }
  }

  private record SeededCertificate(String id, String type) {}
}
