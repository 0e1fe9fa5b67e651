package io.pomona.sim.demo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The demo's content as values: what each app is, which builds it has in which state, what its
 * testers, versions, products and reviewers say. The {@code *Seeder} classes turn these into
 * resources; ids and exact dates are chosen there, from the seed.
 */
final class Story {
  private Story() {}

  /** One app and everything that hangs off it. */
  record App(
      Identity identity,
      Listing listing,
      TestFlight testFlight,
      List<Version> versions,
      Commerce commerce,
      List<Review> reviews) {}

  /**
   * @param key a short name other stories use to refer to the app
   * @param domain the app's web site (under {@code example.com}), for support and privacy URLs
   * @param capabilities Apple's {@code CapabilityType} values enabled on its bundle id
   * @param nonExemptEncryption whether its builds use encryption that needs an export compliance
   *     declaration
   */
  record Identity(
      String key, String name, String bundleId, String sku, DemoPlatform platform, String minOsVersion,
      String domain, List<String> capabilities, boolean nonExemptEncryption) {}

  /** App Store metadata: categories (appCategories ids), age rating and texts per locale. */
  record Listing(
      String primaryCategory, List<String> primarySubcategories, String secondaryCategory, String ageRating,
      List<AppText> texts) {}

  record AppText(
      String locale, String name, String subtitle, String description, String keywords, String promotionalText) {}

  /** A text in one locale. */
  record Text(String locale, String value) {}

  /** A name and description in one locale (in-app purchases, subscriptions). */
  record Localized(String locale, String name, String description) {}

  /**
   * @param uploads build uploads that never became a build: still awaiting their file, or whose
   *     file failed its checksum
   */
  record TestFlight(
      List<Build> builds, List<Upload> uploads, List<BetaGroup> groups, Contact reviewContact, String feedbackEmail) {}

  /**
   * @param version the marketing version (the pre-release version's {@code version})
   * @param number the build number ({@code builds.version})
   * @param age how long ago it was uploaded
   */
  record Build(
      String version, String number, BuildStage stage, Duration age, boolean internalOnly, List<Text> whatsNew) {}

  /**
   * A build upload without a build (api-facts.md §5): the binary is only processed into a build
   * once its file is committed intact.
   *
   * @param age how long ago the upload was created
   */
  record Upload(String version, String number, UploadStage stage, Duration age) {}

  /** Where an upload without a build stands. */
  enum UploadStage {
    /** Created and its binary's file reserved (a live reservation), no part sent yet. */
    AWAITING_FILE,
    /** The file was committed with a checksum its bytes did not match: file and upload FAILED. */
    CHECKSUM_MISMATCH
  }

  record BetaGroup(
      String name, boolean internal, boolean publicLink, boolean allBuilds, List<String> buildNumbers,
      List<Tester> testers) {}

  /** A TestFlight tester; internal ones are team members and use their account's email. */
  record Tester(
      String firstName, String lastName, String email, String inviteType, String state, Optional<TesterDevice> device) {}

  record TesterDevice(String model, String platform, String osVersion, String buildNumber) {}

  /** Whom Apple's beta reviewers contact. */
  record Contact(
      String firstName, String lastName, String phone, String email, Optional<String> demoAccountName,
      Optional<String> demoAccountPassword, String notes) {}

  /**
   * @param buildNumber the attached build, if any
   * @param releaseType {@code MANUAL}, {@code AFTER_APPROVAL} or {@code SCHEDULED}
   */
  record Version(
      String versionString, VersionState state, Optional<String> buildNumber, String releaseType, Duration age,
      List<Text> whatsNew) {}

  record Commerce(List<Purchase> purchases, List<SubscriptionGroup> subscriptionGroups) {}

  /** An in-app purchase (v2). */
  record Purchase(
      String name, String productSuffix, String type, String state, boolean familySharable, String reviewNote,
      List<Localized> localizations) {}

  /** A subscription group with its display name per locale. */
  record SubscriptionGroup(String referenceName, List<Text> names, List<Subscription> subscriptions) {}

  record Subscription(
      String name, String productSuffix, String period, int groupLevel, String state, boolean familySharable,
      String reviewNote, List<Localized> localizations) {}

  /** A customer review; {@code territory} is an alpha-3 code, the texts are in its language. */
  record Review(
      int rating, String territory, String nickname, String title, String body, int daysAgo,
      Optional<Response> response) {}

  /** The developer's answer; unpublished ones are still {@code PENDING_PUBLISH}. */
  record Response(String body, boolean published) {}

  /** A member of the team (a user), or someone invited to become one. */
  record Person(
      String firstName, String lastName, String email, List<String> roles, boolean allAppsVisible,
      boolean provisioningAllowed, List<String> visibleAppKeys) {}

  /**
   * A registered device.
   *
   * @param chipId for {@link UdidFormat#CHIP}, the 8 hex digits that start the UDID
   */
  record Device(
      String name, String platform, String deviceClass, String model, UdidFormat udidFormat, String chipId,
      String status, int daysAgo) {}

  /** The three UDID shapes Apple registers (api-facts.md §8). */
  enum UdidFormat {
    /** iOS devices before 2018: 40 hex digits. */
    LEGACY,
    /** Devices since 2018: 8 hex digits of chip id, a hyphen, 16 hex digits. */
    CHIP,
    /** Macs: a 36-character UUID. */
    MAC
  }

  /**
   * A signing certificate, requested by a member of the team from a CSR of their own; Pomona's CA
   * issues it (subject, serial number, validity are the issuer's).
   */
  record Certificate(String certificateType, Person requestedBy) {}
}
