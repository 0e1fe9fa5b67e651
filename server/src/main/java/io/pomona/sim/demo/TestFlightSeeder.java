package io.pomona.sim.demo;

import io.pomona.behaviour.AssetStates;
import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.AppText;
import io.pomona.sim.demo.Story.BetaGroup;
import io.pomona.sim.demo.Story.Build;
import io.pomona.sim.demo.Story.Contact;
import io.pomona.sim.demo.Story.Identity;
import io.pomona.sim.demo.Story.Tester;
import io.pomona.sim.demo.Story.Text;
import io.pomona.sim.demo.Story.Upload;
import io.pomona.sim.demo.Story.UploadStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TestFlight: export compliance declarations, pre-release versions, builds with their beta
 * details, beta review submissions and "What to Test" notes, beta app localizations and review
 * details, beta groups, and the testers in them (one tester per person across the team's apps).
 */
final class TestFlightSeeder {
  /** Builds expire this long after upload (api-facts.md §6.1). */
  private static final int BUILD_LIFETIME_DAYS = 90;

  private final DemoContext context;
  private final Map<String, Membership> testers = new LinkedHashMap<>();
  private final List<Tested> tested = new ArrayList<>();
  /** The builds in beta testing, by {@code <app key>/<build number>}. */
  private final Set<String> inTesting = new LinkedHashSet<>();

  /** A build in testing in a group, and the group's testers: who may have sent feedback on it. */
  private record Tested(String appId, String buildId, List<Tester> testers) {}

  TestFlightSeeder(DemoContext context) {
    this.context = context;
  }

  /** Returns the build ids by {@code <app key>/<build number>}. */
  SeededIds seed(List<App> apps, SeededIds appIds) {
    SeededIds builds = new SeededIds("build");
    for (App app : apps) {
      String appId = appIds.id(app.identity().key());
      Optional<Declarations> declarations = declarations(app.identity(), appId);
      Map<String, String> preReleaseVersions = preReleaseVersions(app, appId);
      for (Build build : app.testFlight().builds()) {
        builds.put(app.identity().key() + "/" + build.number(),
            build(app.identity(), appId, build, preReleaseVersions.get(build.version()), declarations));
        if (build.stage().internalState().equals("IN_BETA_TESTING") && !build.stage().expired()) {
          inTesting.add(app.identity().key() + "/" + build.number());
        }
      }
      for (Upload upload : app.testFlight().uploads()) {
        buildlessUpload(app.identity(), appId, upload);
      }
      betaAppLocalizations(app, appId);
      betaAppReviewDetail(appId, app.testFlight().reviewContact());
      // Groups predate the oldest build they could hold: internal ones by weeks, external ones by days.
      long oldestBuildDays = app.testFlight().builds().stream().mapToLong(b -> b.age().toDays()).max().orElse(0);
      for (BetaGroup group : app.testFlight().groups()) {
        Instant created = context.time().daysAgo((int) oldestBuildDays + (group.internal() ? 21 : 3));
        betaGroup(app.identity().key(), appId, group, created, builds);
      }
    }
    Map<String, String> testerIds = betaTesters();
    feedback(testerIds);
    return builds;
  }

  /** An app's export compliance declarations: the approved one, and one for its next major version. */
  private record Declarations(String approved, String inReview) {}

  /**
   * An approved declaration that the app's builds use and, for its next major version, one still
   * in review. Only apps with non-exempt encryption need them; the others answer
   * {@code usesNonExemptEncryption: false} on each build.
   */
  private Optional<Declarations> declarations(Identity app, String appId) {
    if (!app.nonExemptEncryption()) {
      return Optional.empty();
    }
    Instant approvedCreated = context.time().daysAgo(160);
    String approved = declaration(app, appId, approvedCreated, "APPROVED", false,
        "Encrypts the local books database and syncs it over HTTPS.");
    String inReview = declaration(app, appId, context.time().daysAgo(3), "IN_REVIEW", true,
        "Adds end-to-end encrypted bank sync with our own key exchange.");
    return Optional.of(new Declarations(approved, inReview));
  }

  private String declaration(Identity app, String appId, Instant created, String state, boolean proprietary,
      String description) {
    return context.out().resource("appEncryptionDeclarations", context.random().uuid())
        .attr("appDescription", description)
        .date("createdDate", created)
        .attr("usesEncryption", true)
        .attr("exempt", false)
        .attr("containsProprietaryCryptography", proprietary)
        .attr("containsThirdPartyCryptography", true)
        .attr("availableOnFrenchStore", true)
        .attr("platform", app.platform().platform())
        .date("uploadedDate", context.time().after(created, 1, 30))
        .attr("appEncryptionDeclarationState", state)
        .link("app", appId)
        .save();
  }

  private Map<String, String> preReleaseVersions(App app, String appId) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (Build build : app.testFlight().builds()) {
      ids.computeIfAbsent(build.version(), version -> context.out()
          .resource("preReleaseVersions", context.random().uuid())
          .attr("version", version)
          .attr("platform", app.identity().platform().platform())
          .link("app", appId)
          .save());
    }
    return ids;
  }

  private String build(Identity app, String appId, Build build, String preReleaseVersion,
      Optional<Declarations> declarations) {
    Instant uploaded = ago(build.age());
    BuildStage stage = build.stage();
    boolean answered = stage.exportComplianceAnswered();
    Optional<String> declaration = declarations.map(d -> stage == BuildStage.IN_EXPORT_COMPLIANCE_REVIEW
        ? d.inReview() : d.approved());
    String id = context.out().resource("builds", context.random().uuid())
        .attr("version", build.number())
        .date("uploadedDate", uploaded)
        .date("expirationDate", DemoTime.plusDays(uploaded, BUILD_LIFETIME_DAYS))
        .attr("expired", stage.expired())
        .attr("minOsVersion", app.minOsVersion())
        .attr("lsMinimumSystemVersion", app.platform().isMac() ? Optional.of(app.minOsVersion()) : Optional.empty())
        .attr("processingState", stage.processingState())
        .attr("buildAudienceType", build.internalOnly() ? "INTERNAL_ONLY" : "APP_STORE_ELIGIBLE")
        .attr("usesNonExemptEncryption", answered ? Optional.of(app.nonExemptEncryption()) : Optional.empty())
        .link("app", appId)
        .link("preReleaseVersion", preReleaseVersion)
        .link("appEncryptionDeclaration", answered ? declaration : Optional.empty())
        .save();
    // Apple gives a build's beta detail and beta review submission the build's own id.
    context.out().resource("buildBetaDetails", id)
        .attr("autoNotifyEnabled", !build.internalOnly())
        .attr("internalBuildState", stage.internalState())
        .attr("externalBuildState", stage.externalState(build.internalOnly()))
        .link("build", id)
        .save();
    if (stage.betaReviewState().isPresent()) {
      context.out().resource("betaAppReviewSubmissions", id)
          .attr("betaReviewState", stage.betaReviewState().get())
          .date("submittedDate", context.time().after(uploaded, 30, 240))
          .link("build", id)
          .save();
    }
    buildUpload(app, appId, build, id, uploaded);
    for (Text whatsNew : build.whatsNew()) {
      context.out().resource("betaBuildLocalizations", context.random().uuid())
          .attr("whatsNew", whatsNew.value())
          .attr("locale", whatsNew.locale())
          .link("build", id)
          .save();
    }
    return id;
  }

  /**
   * The upload each build came from (API 4.1+): complete for a processed build, failed with the
   * reason for a failed or invalid one, still processing for a build in processing; its binary
   * delivered.
   */
  private void buildUpload(Identity app, String appId, Build build, String buildId, Instant uploaded) {
    String processing = build.stage().processingState();
    String state = switch (processing) {
      case "VALID" -> "COMPLETE";
      case "PROCESSING" -> "PROCESSING";
      default -> "FAILED";
    };
    List<Map<String, Object>> errors = state.equals("FAILED")
        ? List.of(AssetStates.error("STATE_ERROR.VALIDATION_ERROR", processing.equals("INVALID")
            ? "Invalid bundle: the app icon is missing from the asset catalog."
            : "The binary could not be processed; upload a new build."))
        : List.of();
    String fileId = binary(app, build.number())
        .attr("uploadOperations", List.of())
        .attr("assetDeliveryState",
            AssetStates.delivery(state.equals("COMPLETE") ? "COMPLETE" : "UPLOAD_COMPLETE", List.of()))
        .save();
    context.out().resource("buildUploads", context.random().uuid())
        .attr("cfBundleShortVersionString", build.version())
        .attr("cfBundleVersion", build.number())
        .attr("platform", app.platform().platform())
        .date("createdDate", uploaded.minus(Duration.ofMinutes(4)))
        .date("uploadedDate", uploaded)
        .attr("state", AssetStates.upload(state, errors))
        .link("app", appId)
        .link("build", buildId)
        .link("buildUploadFiles", List.of(fileId))
        .link("assetFile", fileId)
        .save();
  }

  /**
   * An upload that has no build (yet): one awaiting its binary is written as the client's requests
   * (the upload, then the file's reservation), so the server reserves the file for real and its
   * upload operations take parts; one whose file failed its checksum is written as it stands.
   */
  private void buildlessUpload(Identity app, String appId, Upload upload) {
    Instant created = ago(upload.age());
    boolean awaiting = upload.stage() == UploadStage.AWAITING_FILE;
    // The code Pomona's upload flow gives a checksum that does not match (Apple's is undocumented).
    List<Map<String, Object>> errors = awaiting ? List.of() : List.of(AssetStates.error("CHECKSUM_MISMATCH",
        "The MD5 checksum sent does not match the bytes received; upload the build again."));
    DemoWriter.NewResource resource = context.out().resource("buildUploads", context.random().uuid())
        .attr("cfBundleShortVersionString", upload.version())
        .attr("cfBundleVersion", upload.number())
        .attr("platform", app.platform().platform())
        .date("createdDate", created)
        .link("app", appId);
    String uploadId = awaiting ? resource.asClient().save() : resource
        .attr("state", AssetStates.upload("FAILED", errors))
        .save();
    DemoWriter.NewResource file = binary(app, upload.number()).link("buildUpload", uploadId);
    if (awaiting) {
      file.asClient().save();
    } else {
      // Its reservation ended with the failed commit: no token, no operations.
      file.attr("uploadOperations", List.of())
          .attr("assetDeliveryState", AssetStates.delivery("FAILED", errors))
          .save();
    }
  }

  /** The build's binary as its upload names it. */
  private DemoWriter.NewResource binary(Identity app, String number) {
    return context.out().resource("buildUploadFiles", context.random().uuid())
        .attr("fileName", app.name().replaceAll("[^A-Za-z0-9]", "") + ".ipa")
        .attr("fileSize", 48_000_000L + Long.parseLong(number.replaceAll("\\D", "0")) * 1_024L)
        .attr("uti", app.platform().isMac() ? "com.apple.pkg" : "com.apple.ipa")
        .attr("assetType", "ASSET");
  }

  private Instant ago(Duration age) {
    return age.toDays() > 0 ? context.time().daysAgo((int) age.toDays()) : context.time().minutesAgo((int) age.toMinutes());
  }

  private void betaAppLocalizations(App app, String appId) {
    Identity identity = app.identity();
    for (AppText text : app.listing().texts()) {
      if (text.locale().equals("ja")) {
        continue; // TestFlight texts exist in the languages the testers read: English and German
      }
      String thanks = text.locale().equals("de-DE")
          ? "Danke, dass Sie " + text.name() + " testen! " + text.subtitle() + "."
          : "Thanks for testing " + text.name() + "! " + text.subtitle() + ".";
      context.out().resource("betaAppLocalizations", context.random().uuid())
          .attr("feedbackEmail", app.testFlight().feedbackEmail())
          .attr("marketingUrl", Web.home(identity))
          .attr("privacyPolicyUrl", Web.page(identity, text.locale(), "privacy"))
          .attr("tvOsPrivacyPolicy", identity.platform() == DemoPlatform.TV_OS
              ? Optional.of("TestFlight builds collect no personal data beyond Apple's crash reports.")
              : Optional.empty())
          .attr("description", thanks)
          .attr("locale", text.locale())
          .link("app", appId)
          .save();
    }
  }

  /** Apple gives an app's beta review detail the app's own id. */
  private void betaAppReviewDetail(String appId, Contact contact) {
    context.out().resource("betaAppReviewDetails", appId)
        .attr("contactFirstName", contact.firstName())
        .attr("contactLastName", contact.lastName())
        .attr("contactPhone", contact.phone())
        .attr("contactEmail", contact.email())
        .attr("demoAccountName", contact.demoAccountName())
        .attr("demoAccountPassword", contact.demoAccountPassword())
        .attr("demoAccountRequired", contact.demoAccountName().isPresent())
        .attr("notes", contact.notes())
        .link("app", appId)
        .saveOver();
  }

  private void betaGroup(String appKey, String appId, BetaGroup group, Instant created, SeededIds builds) {
    DemoWriter.NewResource resource = context.out().resource("betaGroups", context.random().uuid())
        .attr("name", group.name())
        .date("createdDate", created)
        .attr("isInternalGroup", group.internal())
        .attr("hasAccessToAllBuilds", group.allBuilds())
        .attr("publicLinkEnabled", group.publicLink())
        .attr("feedbackEnabled", true);
    if (group.publicLink()) {
      String linkId = context.random().publicLinkId();
      resource.attr("publicLinkId", linkId)
          .attr("publicLink", "https://testflight.apple.com/join/" + linkId)
          .attr("publicLinkLimitEnabled", true)
          .attr("publicLinkLimit", 500);
    }
    String id = resource
        .link("app", appId)
        .link("builds", group.buildNumbers().stream().map(number -> builds.id(appKey + "/" + number)).toList())
        .save();
    for (Tester tester : group.testers()) {
      testers.computeIfAbsent(tester.email(), email -> new Membership(tester)).add(appId, id);
    }
    for (String number : group.buildNumbers()) {
      if (inTesting.contains(appKey + "/" + number)) {
        tested.add(new Tested(appId, builds.id(appKey + "/" + number), group.testers()));
      }
    }
  }

  /**
   * The feedback testers sent on builds in testing, which the usage metrics count: a screenshot
   * from each of the first two testers who installed the build, and a crash with its log from the
   * first. Each build's feedback is sent once, by whichever group lists it first.
   */
  private void feedback(Map<String, String> testerIds) {
    Set<String> done = new LinkedHashSet<>();
    List<String> screenshots = new ArrayList<>();
    List<String> crashes = new ArrayList<>();
    Map<String, List<String>> screenshotsByApp = new LinkedHashMap<>();
    Map<String, List<String>> crashesByApp = new LinkedHashMap<>();
    for (Tested build : tested) {
      if (!done.add(build.buildId())) {
        continue;
      }
      List<Tester> installed = build.testers().stream().filter(t -> t.state().equals("INSTALLED")).limit(2).toList();
      for (int i = 0; i < installed.size(); i++) {
        Tester tester = installed.get(i);
        Instant sent = context.time().after(context.time().daysAgo(i + 1), 30, 600);
        String screenshot = submission("betaFeedbackScreenshotSubmissions", tester, sent, build.buildId(),
            testerIds.get(tester.email()))
            .attr("comment", i == 0 ? "The onboarding skips the last page when I swipe fast."
                : "Love the new layout; the settings icon is hard to find.")
            .attr("screenshots", List.of())
            .save();
        screenshotsByApp.computeIfAbsent(build.appId(), a -> new ArrayList<>()).add(screenshot);
        if (i == 0) {
          String log = context.out().resource("betaCrashLogs", context.random().uuid())
              .attr("logText", "Exception Type:  EXC_CRASH (SIGABRT)\nTriggered by Thread:  0\n\n"
                  + "Thread 0 Crashed:\n0   libsystem_kernel.dylib  __pthread_kill + 8\n")
              .save();
          String crash = submission("betaFeedbackCrashSubmissions", tester, sent.plus(Duration.ofMinutes(5)),
              build.buildId(), testerIds.get(tester.email()))
              .attr("comment", "It closed when I rotated the phone.")
              .link("crashLog", log)
              .save();
          crashesByApp.computeIfAbsent(build.appId(), a -> new ArrayList<>()).add(crash);
        }
      }
    }
    screenshotsByApp.forEach((app, ids) -> context.out().link("apps", app, "betaFeedbackScreenshotSubmissions", ids));
    crashesByApp.forEach((app, ids) -> context.out().link("apps", app, "betaFeedbackCrashSubmissions", ids));
  }

  private DemoWriter.NewResource submission(String type, Tester tester, Instant sent, String buildId, String testerId) {
    return context.out().resource(type, context.random().uuid())
        .date("createdDate", sent)
        .attr("email", tester.email())
        .attr("deviceModel", tester.device().map(Story.TesterDevice::model).orElse("iPhone15,2"))
        .attr("osVersion", tester.device().map(Story.TesterDevice::osVersion).orElse("18.1"))
        .attr("locale", "en-US")
        .attr("timeZone", "America/Los_Angeles")
        .attr("connectionType", "WIFI")
        .link("build", buildId)
        .link("tester", testerId);
  }

  /** Returns the tester ids by email. */
  private Map<String, String> betaTesters() {
    Map<String, String> ids = new LinkedHashMap<>();
    for (Membership membership : testers.values()) {
      Tester tester = membership.tester();
      String id = context.out().resource("betaTesters", context.random().uuid())
          .attr("firstName", tester.firstName())
          .attr("lastName", tester.lastName())
          .attr("email", tester.email())
          .attr("inviteType", tester.inviteType())
          .attr("state", tester.state())
          .attr("appDevices", tester.device().map(device -> List.of(appDevice(device))))
          .link("apps", List.copyOf(membership.apps()))
          .link("betaGroups", List.copyOf(membership.groups()))
          .save();
      ids.put(tester.email(), id);
    }
    return ids;
  }

  private static Map<String, Object> appDevice(Story.TesterDevice device) {
    Map<String, Object> appDevice = new LinkedHashMap<>();
    appDevice.put("model", device.model());
    appDevice.put("platform", device.platform());
    appDevice.put("osVersion", device.osVersion());
    appDevice.put("appBuildVersion", device.buildNumber());
    return appDevice;
  }

  /** The apps and groups one person tests in; the first group's story supplies their details. */
  private static final class Membership {
    private final Tester tester;
    private final Set<String> apps = new LinkedHashSet<>();
    private final List<String> groups = new ArrayList<>();

    Membership(Tester tester) {
      this.tester = tester;
    }

    Tester tester() {
      return tester;
    }

    Set<String> apps() {
      return apps;
    }

    List<String> groups() {
      return groups;
    }

    void add(String appId, String groupId) {
      apps.add(appId);
      groups.add(groupId);
    }
  }
}
