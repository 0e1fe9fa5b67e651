package io.pomona.sim.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.account.Team;
import io.pomona.app.Accounts;
import io.pomona.catalog.Catalog;
import io.pomona.error.ApiException;
import io.pomona.store.ResourceQuery;
import io.pomona.store.Store;
import io.pomona.store.StoredResource;
import io.pomona.testing.ResponseSchemas;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo team through the real API: every area lists non-empty data that validates against the
 * official response schemas, related endpoints and includes answer with data, the states tell a
 * consistent story, and seeding is deterministic.
 */
class DemoTest {
  /**
   * "Now": the simulated clock, frozen when the class starts, as {@code serve --demo} passes its
   * simulated clock's now. Frozen, so that every seeding here writes the same dates; and the
   * clock's, since certificates and profiles are dated by the transaction, which reads that clock.
   * Not a fixed date: Pomona's CA is made at start-up (real time) and does not issue before that.
   */
  private static Instant NOW;
  private static final Pattern APPLE_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  @TempDir static Path directory;
  static TestPomona pomona;
  static DemoSummary summary;
  static Optional<ResponseSchemas> schemas;

  @BeforeAll
  static void seed() {
    pomona = TestPomona.start(directory);
    NOW = pomona.pomona().simulation().freeze().frozenAt().orElseThrow();
    summary = demo().seed(pomona.team().id(), NOW);
    schemas = ResponseSchemas.find();
  }

  @AfterAll
  static void stop() throws Exception {
    pomona.close();
  }

  @Test
  void everyAreaTheIssueNamesListsSchemaValidData() {
    assumeSpec();
    List<String> problems = new ArrayList<>();
    check("/v1/apps", "", problems);
    check("/v1/builds", "", problems);
    check("/v1/betaGroups", "", problems);
    check("/v1/ciProducts", "", problems);
    check("/v1/users", "", problems);
    check("/v1/certificates", "", problems);
    for (String app : summary.appIds()) {
      check("/v1/apps/{id}/appStoreVersions", "", problems, app);
      if (summary.appIds().indexOf(app) < 3) { // the new apps have no reviews yet
        check("/v1/apps/{id}/customerReviews", "", problems, app);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void relatedEndpointsAndIncludesAnswerWithSchemaValidData() {
    assumeSpec();
    List<String> problems = new ArrayList<>();
    String pebble = summary.appIds().get(0);
    String ledgerly = summary.appIds().get(1);
    String sprout = summary.appIds().get(3);
    check("/v1/apps/{id}", "include=appInfos,builds,betaGroups,preReleaseVersions,appStoreVersions,ciProduct", problems,
        pebble);
    String appInfo = firstId(check("/v1/apps/{id}/appInfos", "include=primaryCategory,appInfoLocalizations", problems,
        pebble));
    check("/v1/appInfos/{id}/appInfoLocalizations", "", problems, appInfo);
    check("/v1/appInfos/{id}/primaryCategory", "", problems, appInfo);

    check("/v1/bundleIds", "include=bundleIdCapabilities", problems);
    check("/v1/devices", "limit=200", problems);
    check("/v1/profiles", "include=bundleId,certificates,devices", problems);

    // Only to-one relationships every build has: an empty one renders "data": null, which the
    // document's schemas do not allow (an engine question, not the demo's).
    String build = firstId(check("/v1/builds", "include=app,preReleaseVersion,buildBetaDetail,betaBuildLocalizations",
        problems));
    check("/v1/builds/{id}/app", "", problems, build);
    check("/v1/builds/{id}/preReleaseVersion", "", problems, build);
    check("/v1/preReleaseVersions", "include=builds,app", problems);
    check("/v1/buildBetaDetails", "", problems);
    check("/v1/betaBuildLocalizations", "", problems);
    check("/v1/betaAppReviewSubmissions", "filter%5Bbuild%5D=" + build, problems);
    check("/v1/appEncryptionDeclarations", "include=app", problems);
    String declaration = firstId(check("/v1/apps/{id}/appEncryptionDeclarations", "", problems, ledgerly));
    check("/v1/appEncryptionDeclarations/{id}/app", "", problems, declaration);
    String ledgerlyBuild = firstId(check("/v1/apps/{id}/builds", "", problems, ledgerly));
    check("/v1/builds/{id}/appEncryptionDeclaration", "", problems, ledgerlyBuild);
    String group = firstId(check("/v1/betaGroups", "include=app,builds,betaTesters", problems));
    check("/v1/betaGroups/{id}/betaTesters", "", problems, group);
    check("/v1/betaTesters", "include=apps,betaGroups", problems);
    check("/v1/betaAppLocalizations", "", problems);
    check("/v1/betaAppReviewDetails", "filter%5Bapp%5D=" + pebble, problems);

    String version = firstId(check("/v1/apps/{id}/appStoreVersions", "include=appStoreVersionLocalizations,build,app",
        problems, pebble));
    check("/v1/appStoreVersions/{id}/appStoreVersionLocalizations", "", problems, version);
    check("/v1/appStoreVersions/{id}/build", "", problems, version);

    String purchase = firstId(check("/v1/apps/{id}/inAppPurchasesV2", "", problems, pebble));
    check("/v2/inAppPurchases/{id}/inAppPurchaseLocalizations", "", problems, purchase);
    check("/v1/apps/{id}/inAppPurchasesV2", "", problems, sprout);
    String subscriptionGroup = firstId(check("/v1/apps/{id}/subscriptionGroups", "include=subscriptions", problems,
        ledgerly));
    check("/v1/subscriptionGroups/{id}/subscriptionGroupLocalizations", "", problems, subscriptionGroup);
    String subscription = firstId(check("/v1/subscriptionGroups/{id}/subscriptions", "", problems, subscriptionGroup));
    check("/v1/subscriptions/{id}/subscriptionLocalizations", "", problems, subscription);

    String review = reviewWithResponse(pebble);
    check("/v1/customerReviews/{id}", "include=response", problems, review);
    check("/v1/customerReviews/{id}/response", "", problems, review);
    String liveVersion = versionIdIn(pebble, "READY_FOR_DISTRIBUTION");
    check("/v1/appStoreVersions/{id}/customerReviews", "", problems, liveVersion);

    String product = firstId(check("/v1/ciProducts", "include=app,bundleId,primaryRepositories", problems));
    String workflow = firstId(check("/v1/ciProducts/{id}/workflows", "", problems, product));
    check("/v1/ciWorkflows/{id}", "include=product,repository,xcodeVersion,macOsVersion", problems, workflow);
    check("/v1/ciWorkflows/{id}/buildRuns", "", problems, workflow);
    String run = firstId(check("/v1/ciProducts/{id}/buildRuns", "include=builds,workflow,sourceBranchOrTag", problems,
        product));
    check("/v1/ciBuildRuns/{id}/actions", "", problems, run);
    check("/v1/scmProviders", "", problems);
    String repository = firstId(check("/v1/scmRepositories", "include=defaultBranch,scmProvider", problems));
    check("/v1/scmRepositories/{id}/gitReferences", "", problems, repository);
    check("/v1/scmRepositories/{id}/pullRequests", "", problems, repository);

    check("/v1/users", "include=visibleApps", problems);
    check("/v1/userInvitations", "include=visibleApps", problems);
    assertThat(problems).isEmpty();
  }

  /** Builds in testing have feedback, so the usage metrics of the demo's apps show real numbers. */
  @Test
  void usageMetricsOfAppsWithBuildsInTestingAreNotZero() {
    assumeSpec();
    List<String> problems = new ArrayList<>();
    long feedback = 0;
    long buildFeedback = 0;
    for (String app : summary.appIds().subList(0, 4)) { // the review desk's new apps have no testers
      JsonNode usages = check("/v1/apps/{id}/metrics/betaTesterUsages", "groupBy=betaTesters", problems, app);
      for (JsonNode series : usages.path("data")) {
        feedback += series.path("dataPoints").path(0).path("values").path("feedbackCount").asLong();
      }
      for (JsonNode build : list("/v1/apps/" + app + "/builds?limit=200")) {
        buildFeedback += check("/v1/builds/{id}/metrics/betaBuildUsages", "", problems, build.path("id").asText())
            .path("data").path(0).path("dataPoints").path(0).path("values").path("feedbackCount").asLong();
      }
    }
    assertThat(problems).isEmpty();
    assertThat(feedback).isPositive().isEqualTo(buildFeedback);
  }

  @Test
  void anAppOnSaleHasAPageAnEventAnExperimentAndALicenseAgreement() {
    assumeSpec();
    List<String> problems = new ArrayList<>();
    String app = summary.appIds().stream()
        .filter(id -> !list("/v1/apps/" + id + "/appCustomProductPages").isEmpty()).findFirst().orElseThrow();
    String page = firstId(check("/v1/apps/{id}/appCustomProductPages", "", problems, app));
    JsonNode pageVersion = check("/v1/appCustomProductPages/{id}/appCustomProductPageVersions", "", problems, page)
        .path("data").path(0);
    assertThat(pageVersion.at("/attributes/state").asText()).isEqualTo("APPROVED");
    check("/v1/appCustomProductPageVersions/{id}/appCustomProductPageLocalizations", "", problems,
        pageVersion.path("id").asText());
    JsonNode event = check("/v1/apps/{id}/appEvents", "", problems, app).path("data").path(0);
    assertThat(event.at("/attributes/eventState").asText()).isEqualTo("PUBLISHED");
    check("/v1/appEvents/{id}/localizations", "", problems, event.path("id").asText());
    JsonNode experiment = check("/v1/apps/{id}/appStoreVersionExperimentsV2", "", problems, app).path("data").path(0);
    assertThat(experiment.at("/attributes/state").asText()).isEqualTo("APPROVED");
    assertThat(experiment.at("/attributes/startDate").asText()).matches(APPLE_DATE);
    check("/v2/appStoreVersionExperiments/{id}/appStoreVersionExperimentTreatments", "", problems,
        experiment.path("id").asText());
    check("/v1/apps/{id}/endUserLicenseAgreement", "", problems, app);
    assertThat(problems).isEmpty();
  }

  @Test
  void appStoreVersionsCoverTheStatesWithBothStateAttributesInStep() {
    Set<String> states = new TreeSet<>();
    for (String app : summary.appIds()) {
      for (JsonNode version : list("/v1/apps/" + app + "/appStoreVersions")) {
        String current = version.at("/attributes/appVersionState").asText();
        String deprecated = version.at("/attributes/appStoreState").asText();
        assertThat(deprecated).isEqualTo(current.equals("READY_FOR_DISTRIBUTION") ? "READY_FOR_SALE" : current);
        states.add(current);
        assertThat(list("/v1/appStoreVersions/" + version.path("id").asText() + "/appStoreVersionLocalizations"))
            .extracting(l -> l.at("/attributes/locale").asText()).containsExactly("en-US", "de-DE", "ja");
      }
    }
    assertThat(states).contains("READY_FOR_DISTRIBUTION", "REPLACED_WITH_NEW_VERSION", "PREPARE_FOR_SUBMISSION",
        "READY_FOR_REVIEW", "WAITING_FOR_REVIEW", "IN_REVIEW", "PENDING_DEVELOPER_RELEASE", "REJECTED",
        "DEVELOPER_REJECTED");
  }

  /** Each app's editable app info reads its version's state; the live one reads live. */
  @Test
  void appInfosFollowTheirVersionsStates() {
    Set<String> states = new TreeSet<>();
    for (String app : summary.appIds()) {
      List<JsonNode> versions = list("/v1/apps/" + app + "/appStoreVersions");
      List<JsonNode> infos = list("/v1/apps/" + app + "/appInfos");
      boolean live = versions.stream().anyMatch(v -> v.at("/attributes/appVersionState").asText()
          .equals("READY_FOR_DISTRIBUTION"));
      boolean inTheWorks = versions.stream().map(v -> v.at("/attributes/appVersionState").asText())
          .anyMatch(state -> !state.equals("READY_FOR_DISTRIBUTION") && !state.equals("REPLACED_WITH_NEW_VERSION"));
      assertThat(infos).hasSize((live ? 1 : 0) + (inTheWorks ? 1 : 0));
      infos.forEach(info -> states.add(info.at("/attributes/state").asText()));
    }
    assertThat(states).containsExactlyInAnyOrder("READY_FOR_DISTRIBUTION", "PREPARE_FOR_SUBMISSION", "READY_FOR_REVIEW",
        "WAITING_FOR_REVIEW", "IN_REVIEW", "PENDING_RELEASE", "REJECTED", "DEVELOPER_REJECTED");
  }

  @Test
  void everyVersionLocalizationHasAProcessedScreenshotWhoseTemplateUrlIsServed() throws Exception {
    int checked = 0;
    for (String app : summary.appIds()) {
      for (JsonNode version : list("/v1/apps/" + app + "/appStoreVersions")) {
        for (JsonNode localization : list("/v1/appStoreVersions/" + version.path("id").asText()
            + "/appStoreVersionLocalizations")) {
          List<JsonNode> sets = list("/v1/appStoreVersionLocalizations/" + localization.path("id").asText()
              + "/appScreenshotSets");
          assertThat(sets).hasSize(1);
          List<JsonNode> screenshots = list("/v1/appScreenshotSets/" + sets.get(0).path("id").asText()
              + "/appScreenshots");
          assertThat(screenshots).hasSize(1);
          JsonNode attributes = screenshots.get(0).path("attributes");
          assertThat(attributes.at("/assetDeliveryState/state").asText()).isEqualTo("COMPLETE");
          assertThat(attributes.at("/imageAsset/width").asInt()).isPositive();
          if (checked++ == 0) {
            String url = attributes.at("/imageAsset/templateUrl").asText().replace("{w}", "100")
                .replace("{h}", "100").replace("{f}", "png");
            java.net.http.HttpResponse<byte[]> image = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.body()))).isNotNull();
          }
        }
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void versionsInReviewOrAfterHaveTheSubmissionTheirStateImpliesAndAppsHavePriceAndAvailability() {
    // A version just withdrawn by its developer: its submission is being canceled.
    Map<String, String> submissionStateOfVersionState = Map.of("READY_FOR_REVIEW", "READY_FOR_REVIEW",
        "WAITING_FOR_REVIEW", "WAITING_FOR_REVIEW", "IN_REVIEW", "IN_REVIEW", "REJECTED", "UNRESOLVED_ISSUES",
        "DEVELOPER_REJECTED", "CANCELING", "PENDING_DEVELOPER_RELEASE", "COMPLETE");
    Set<String> seen = new TreeSet<>();
    for (String app : summary.appIds()) {
      String schedule = pomona.get("/v1/apps/" + app + "/appPriceSchedule").json().at("/data/id").asText();
      assertThat(list("/v1/appPriceSchedules/" + schedule + "/manualPrices")).hasSize(1);
      String availability = pomona.get("/v1/apps/" + app + "/appAvailabilityV2").json().at("/data/id").asText();
      assertThat(list("/v2/appAvailabilities/" + availability + "/territoryAvailabilities?limit=200"))
          .hasSize(175).anyMatch(territory -> territory.at("/attributes/available").asBoolean());
      for (JsonNode submission : list("/v1/apps/" + app + "/reviewSubmissions?include=appStoreVersionForReview")) {
        JsonNode version = pomona.get("/v1/reviewSubmissions/" + submission.path("id").asText()
            + "/items?include=appStoreVersion").json().path("included").path(0);
        String versionState = version.at("/attributes/appVersionState").asText();
        assertThat(submission.at("/attributes/state").asText()).isEqualTo(submissionStateOfVersionState.get(versionState));
        seen.add(versionState);
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(submissionStateOfVersionState.keySet());
  }

  @Test
  void buildsCoverEveryProcessingAndTestFlightState() {
    assertThat(new TreeSet<>(values(list("/v1/builds?limit=200"), "processingState")))
        .containsExactlyInAnyOrderElementsOf(catalog().schemas().get("Build").attributes().get("processingState")
            .enumValues());
    List<JsonNode> details = list("/v1/buildBetaDetails?limit=200");
    assertThat(new TreeSet<>(values(details, "internalBuildState")))
        .containsExactlyInAnyOrderElementsOf(catalogEnum("InternalBetaState"));
    // READY_FOR_BETA_TESTING is in Apple's list of external states, but no documented transition
    // leads there: an approved build is BETA_APPROVED until an external group has it, then
    // IN_BETA_TESTING (BetaStates). Pomona never shows it externally, so neither does the demo.
    Set<String> external = new TreeSet<>(catalogEnum("ExternalBetaState"));
    external.remove("READY_FOR_BETA_TESTING");
    assertThat(new TreeSet<>(values(details, "externalBuildState"))).containsExactlyInAnyOrderElementsOf(external);
    JsonNode processing = list("/v1/builds?filter[processingState]=PROCESSING").get(0);
    Response detail = pomona.get("/v1/builds/" + processing.path("id").asText() + "/buildBetaDetail");
    assertThat(detail.json().at("/data/attributes/internalBuildState").asText()).isEqualTo("PROCESSING");
  }

  @Test
  void betaReviewSubmissionsCoverEveryReviewState() {
    String builds = String.join(",", list("/v1/builds?limit=200&fields[builds]=version").stream()
        .map(build -> build.path("id").asText()).toList());
    List<JsonNode> submissions = list("/v1/betaAppReviewSubmissions?limit=200&filter%5Bbuild%5D=" + builds);
    assertThat(new TreeSet<>(values(submissions, "betaReviewState")))
        .containsExactlyInAnyOrderElementsOf(catalogEnum("BetaReviewState"));
  }

  @Test
  void betaTestersCoverEveryStateAndInviteType() {
    List<JsonNode> testers = list("/v1/betaTesters?limit=200");
    assertThat(new TreeSet<>(values(testers, "state"))).containsExactlyInAnyOrderElementsOf(catalogEnum("BetaTesterState"));
    assertThat(new TreeSet<>(values(testers, "inviteType"))).containsExactlyInAnyOrderElementsOf(catalogEnum("BetaInviteType"));
  }

  /**
   * Every upload and file state: uploads that made a build (complete, failed in processing, still
   * processing), one whose file failed its checksum and one still awaiting its binary — which has
   * no build yet and a live reservation: its first part is refused for its length (400), not for an
   * unknown or expired reservation (404, 403).
   */
  @Test
  void buildUploadsAndTheirFilesCoverEveryState() {
    Set<String> uploadStates = new TreeSet<>();
    Set<String> fileStates = new TreeSet<>();
    List<JsonNode> awaiting = new ArrayList<>();
    for (String app : summary.appIds()) {
      for (JsonNode upload : list("/v1/apps/" + app + "/buildUploads?limit=200")) {
        String id = upload.path("id").asText();
        String state = upload.at("/attributes/state/state").asText();
        uploadStates.add(state);
        Response build = pomona.get("/v1/buildUploads/" + id + "?include=build");
        boolean hasBuild = !build.json().at("/data/relationships/build/data/id").asText().isEmpty();
        boolean checksumFailed = upload.at("/attributes/state/errors/0/code").asText().equals("CHECKSUM_MISMATCH");
        // A build exists once the binary was committed intact (BuildUploadFlow).
        assertThat(hasBuild).as(build.toString()).isEqualTo(!state.equals("AWAITING_UPLOAD") && !checksumFailed);
        for (JsonNode file : list("/v1/buildUploads/" + id + "/buildUploadFiles")) {
          fileStates.add(file.at("/attributes/assetDeliveryState/state").asText());
          if (state.equals("AWAITING_UPLOAD")) {
            awaiting.add(file);
          }
        }
      }
    }
    assertThat(uploadStates).containsExactlyInAnyOrderElementsOf(catalogEnum("BuildUploadState"));
    assertThat(fileStates).containsExactlyInAnyOrderElementsOf(
        catalog().shapes().get("AppMediaAssetState").properties().get("state").enumValues());

    assertThat(awaiting).hasSize(1);
    JsonNode file = awaiting.get(0);
    assertThat(file.at("/attributes/assetDeliveryState/state").asText()).isEqualTo("AWAITING_UPLOAD");
    JsonNode operations = file.at("/attributes/uploadOperations");
    assertThat(operations.size()).isGreaterThan(1);
    long total = 0;
    for (JsonNode operation : operations) {
      assertThat(operation.path("offset").asLong()).isEqualTo(total);
      total += operation.path("length").asLong();
    }
    assertThat(total).isEqualTo(file.at("/attributes/fileSize").asLong());
    Response probe = pomona.send(HttpRequest.newBuilder(URI.create(operations.get(0).path("url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build());
    assertThat(probe.status()).as(probe.toString()).isEqualTo(400);
  }

  @Test
  void betaGroupsAreInternalAndExternalWithOnePublicLink() {
    List<JsonNode> groups = list("/v1/betaGroups");
    assertThat(values(groups, "isInternalGroup")).contains("true", "false");
    List<JsonNode> publicLinks = groups.stream().filter(g -> g.at("/attributes/publicLinkEnabled").asBoolean()).toList();
    assertThat(publicLinks).hasSize(1);
    assertThat(publicLinks.get(0).at("/attributes/publicLink").asText())
        .isEqualTo("https://testflight.apple.com/join/" + publicLinks.get(0).at("/attributes/publicLinkId").asText());
    String id = publicLinks.get(0).path("id").asText();
    assertThat(list("/v1/betaGroups/" + id + "/betaTesters")).isNotEmpty();
    assertThat(list("/v1/betaGroups/" + id + "/builds")).isNotEmpty();
  }

  @Test
  void reviewsSpanAllRatingsAndSomeHavePublishedOrPendingResponses() {
    Set<String> ratings = new TreeSet<>();
    Set<String> responseStates = new TreeSet<>();
    for (String app : summary.appIds().subList(0, 3)) {
      List<JsonNode> reviews = list("/v1/apps/" + app + "/customerReviews?include=response&limit=200");
      ratings.addAll(values(reviews, "rating"));
      for (JsonNode review : reviews) {
        Response response = pomona.get("/v1/customerReviews/" + review.path("id").asText() + "/response");
        if (response.status() == 200 && !response.json().path("data").isNull()) {
          responseStates.add(response.json().at("/data/attributes/state").asText());
        }
      }
    }
    assertThat(ratings).containsExactly("1", "2", "3", "4", "5");
    assertThat(responseStates).containsExactly("PENDING_PUBLISH", "PUBLISHED");
  }

  @Test
  void xcodeCloudRunsMixProgressAndOutcomes() {
    String product = list("/v1/ciProducts").get(0).path("id").asText();
    List<JsonNode> runs = list("/v1/ciProducts/" + product + "/buildRuns?limit=200");
    assertThat(new TreeSet<>(values(runs, "executionProgress"))).containsExactly("COMPLETE", "PENDING", "RUNNING");
    assertThat(values(runs, "completionStatus")).contains("SUCCEEDED", "FAILED", "ERRORED", "CANCELED");
    for (JsonNode run : runs) {
      boolean complete = run.at("/attributes/executionProgress").asText().equals("COMPLETE");
      assertThat(run.at("/attributes/completionStatus").isMissingNode()).isEqualTo(!complete);
      assertThat(list("/v1/ciBuildRuns/" + run.path("id").asText() + "/actions")).isNotEmpty();
    }
    assertThat(list("/v1/ciProducts/" + product + "/workflows")).hasSize(4);
  }

  @Test
  void usersHoldDifferentRolesAndAnInvitationIsPending() {
    Set<String> roles = new HashSet<>();
    for (JsonNode user : list("/v1/users")) {
      user.at("/attributes/roles").forEach(role -> roles.add(role.asText()));
    }
    assertThat(roles).contains("ADMIN", "APP_MANAGER", "DEVELOPER", "MARKETING", "FINANCE", "SALES", "CUSTOMER_SUPPORT");
    JsonNode invitation = list("/v1/userInvitations").get(0);
    assertThat(Instant.parse(invitation.at("/attributes/expirationDate").asText())).isAfter(NOW);
  }

  @Test
  void devicesUseAllThreeUdidFormats() {
    List<String> udids = values(list("/v1/devices?limit=200"), "udid");
    assertThat(udids).anyMatch(u -> u.matches("[0-9a-f]{40}"))
        .anyMatch(u -> u.matches("[0-9A-F]{8}-[0-9A-F]{16}"))
        .anyMatch(u -> u.matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"));
  }

  @Test
  void everyCertificateIsARealX509IssuedNowByTheCa() throws Exception {
    SignedArtifacts ca = SignedArtifacts.of(pomona);
    List<JsonNode> certificates = list("/v1/certificates?limit=200");
    assertThat(certificates).hasSize(TeamStory.certificates().size());
    for (JsonNode resource : certificates) {
      JsonNode attributes = resource.path("attributes");
      X509Certificate certificate = SignedArtifacts.certificate(attributes.path("certificateContent").asText());
      ca.requireChainsToTheCa(certificate);
      assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
      assertThat(certificate.getSubjectX500Principal().getName()).contains("OU=" + pomona.team().id());
      assertThat(certificate.getSerialNumber().toString(16)).isEqualToIgnoringCase(attributes.path("serialNumber").asText());
      assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW.truncatedTo(ChronoUnit.SECONDS));
      assertThat(Instant.parse(attributes.path("expirationDate").asText()))
          .isEqualTo(certificate.getNotAfter().toInstant());
      assertThat(attributes.path("name").asText()).endsWith(": " + pomona.team().name());
    }
  }

  @Test
  void everyActiveProfileIsSignedByTheCaAndListsItsCertificatesDevicesAndEntitlements() throws Exception {
    SignedArtifacts ca = SignedArtifacts.of(pomona);
    List<JsonNode> profiles = list("/v1/profiles?limit=200");
    assertThat(values(profiles, "profileType")).contains("IOS_APP_DEVELOPMENT", "IOS_APP_ADHOC", "IOS_APP_STORE",
        "MAC_APP_DEVELOPMENT", "MAC_APP_STORE", "MAC_APP_DIRECT", "TVOS_APP_DEVELOPMENT", "TVOS_APP_STORE");
    List<JsonNode> active = profiles.stream()
        .filter(p -> p.at("/attributes/profileState").asText().equals("ACTIVE")).toList();
    assertThat(active).hasSize(profiles.size() - 1);
    for (JsonNode profile : active) {
      String id = profile.path("id").asText();
      JsonNode attributes = profile.path("attributes");
      NSDictionary plist = ca.verifiedPlist(attributes.path("profileContent").asText());
      assertThat(plist.get("Name").toJavaObject()).isEqualTo(attributes.path("name").asText());
      assertThat(plist.get("UUID").toJavaObject()).isEqualTo(attributes.path("uuid").asText());
      assertThat(SignedArtifacts.strings(plist.get("TeamIdentifier"))).containsExactly(pomona.team().id());
      assertThat(((NSDate) plist.get("ExpirationDate")).getDate().toInstant())
          .isEqualTo(Instant.parse(attributes.path("expirationDate").asText()));

      List<String> certificateContents = values(list("/v1/profiles/" + id + "/certificates"), "certificateContent");
      assertThat(certificateContents).as(id).isNotEmpty();
      assertThat(Arrays.stream(((NSArray) plist.get("DeveloperCertificates")).getArray())
          .map(der -> Base64.getEncoder().encodeToString(((NSData) der).bytes())).toList())
          .as(id).containsExactlyInAnyOrderElementsOf(certificateContents);

      List<JsonNode> devices = list("/v1/profiles/" + id + "/devices?limit=200");
      assertThat(values(devices, "status")).as(id).allMatch("ENABLED"::equals);
      boolean listsDevices = attributes.path("profileType").asText().matches(".*_(DEVELOPMENT|ADHOC)");
      if (listsDevices) {
        assertThat(devices).as(id).isNotEmpty();
        assertThat(SignedArtifacts.strings(plist.get("ProvisionedDevices"))).as(id)
            .containsExactlyInAnyOrderElementsOf(values(devices, "udid"));
      } else {
        assertThat(devices).as(id).isEmpty();
        assertThat(plist.containsKey("ProvisionedDevices")).as(id).isFalse();
      }

      JsonNode bundleId = pomona.get("/v1/profiles/" + id + "/bundleId").json().path("data").path("attributes");
      NSDictionary entitlements = (NSDictionary) plist.get("Entitlements");
      NSObject applicationIdentifier = entitlements.containsKey("application-identifier")
          ? entitlements.get("application-identifier") : entitlements.get("com.apple.application-identifier");
      assertThat(applicationIdentifier.toJavaObject()).as(id)
          .isEqualTo(bundleId.path("seedId").asText() + "." + bundleId.path("identifier").asText());
    }
  }

  @Test
  void theProfileThatListsARetiredDeviceIsInvalidAndKeepsItsContent() throws Exception {
    List<JsonNode> invalid = list("/v1/profiles?filter%5BprofileState%5D=INVALID");
    assertThat(invalid).extracting(p -> p.at("/attributes/name").asText()).containsExactly("Sprout Journal Development");
    String id = invalid.get(0).path("id").asText();
    List<JsonNode> devices = list("/v1/profiles/" + id + "/devices?limit=200");
    assertThat(values(devices, "status")).contains("DISABLED", "ENABLED");
    // Apple keeps an invalidated profile's content: it still verifies and names the retired device.
    NSDictionary plist = SignedArtifacts.of(pomona).verifiedPlist(invalid.get(0).at("/attributes/profileContent").asText());
    assertThat(SignedArtifacts.strings(plist.get("ProvisionedDevices")))
        .containsExactlyInAnyOrderElementsOf(values(devices, "udid"));
  }

  @Test
  void idsFollowApplesStyles() {
    assertThat(summary.appIds()).allMatch(id -> id.matches("\\d{10}"));
    assertThat(list("/v1/bundleIds")).allMatch(b -> b.path("id").asText().matches("[A-Z0-9]{10}"));
    assertThat(list("/v1/builds")).allMatch(b -> b.path("id").asText()
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  }

  @Test
  void everyStoredDateIsIsoUtcWithMilliseconds() {
    List<String> bad = new ArrayList<>();
    Store store = pomona.pomona().store();
    for (String type : summary.created().keySet()) {
      for (StoredResource resource : all(store, pomona.team().id(), type)) {
        resource.attributes().forEach((name, value) -> {
          if (name.endsWith("Date") && !APPLE_DATE.matcher(String.valueOf(value)).matches()) {
            bad.add(type + "/" + resource.id() + "." + name + " = " + value);
          }
        });
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void seedingTwoFreshTeamsWritesIdenticalResources() throws Exception {
    Accounts accounts = new Accounts(pomona.pomona().store(), Clock.systemUTC());
    Team first = accounts.createTeam("Determinism A");
    Team second = accounts.createTeam("Determinism B");
    DemoSummary a = demo().seed(first.id(), NOW);
    DemoSummary b = demo().seed(second.id(), NOW);

    assertThat(b.created()).isEqualTo(a.created()).isEqualTo(summary.created());
    Store store = pomona.pomona().store();
    for (String type : a.created().keySet()) {
      assertThat(snapshot(store, second, type)).as(type).isEqualTo(snapshot(store, first, type));
    }
    // The CSRs are deterministic: the same seed gives every certificate the same key pair.
    for (StoredResource certificate : all(store, first.id(), "certificates")) {
      StoredResource twin = store.read(tx -> tx.get(second.id(), "certificates", certificate.id())).orElseThrow();
      assertThat(publicKey(twin)).isEqualTo(publicKey(certificate));
    }
  }

  @Test
  void anotherSeedGivesOtherIdsButTheSameContent() {
    Team team = new Accounts(pomona.pomona().store(), Clock.systemUTC()).createTeam("Other seed");
    DemoSummary other = demo().seed(team.id(), NOW, 7L);
    assertThat(other.created()).isEqualTo(summary.created());
    assertThat(other.appIds()).doesNotContainAnyElementsOf(summary.appIds());
  }

  @Test
  void seedingATeamThatHasAppsIsRefusedWith409() {
    assertThatThrownBy(() -> demo().seed(pomona.team().id(), NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void seedingAnUnknownTeamIs404() {
    assertThatThrownBy(() -> demo().seed("NOSUCHTEAM", NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void theSchemaCheckCatchesAWrongEnumValue() {
    // Guards the validation itself: if this passed, the tests above would prove nothing.
    assumeSpec();
    String apps = pomona.get("/v1/apps").raw().body();
    String broken = pomona.get("/v1/builds").raw().body().replace("\"VALID\"", "\"SHINY\"");
    assertThat(schemas.get().problems("GET", "/v1/apps", 200, apps)).isEmpty();
    assertThat(schemas.get().problems("GET", "/v1/builds", 200, broken)).isNotEmpty();
  }

  // ---- helpers ----

  private static Catalog catalog() {
    return pomona.pomona().catalog();
  }

  /** The values of one of the catalog's named enums (Apple's list, as OpenAPI 4.4.1 gives it). */
  private static List<String> catalogEnum(String name) {
    return catalog().shapes().get(name).enumValues();
  }

  private static Demo demo() {
    return new Demo(pomona.pomona().engine().resources(), pomona.pomona().store(), Clock.systemUTC());
  }

  private static void assumeSpec() {
    assumeTrue(schemas.isPresent(), "OpenAPI document not found (" + ResponseSchemas.whereLooked()
        + "); demo responses not validated against it");
  }

  /** GETs a path template filled with ids; records a non-200, an empty list or a schema problem. */
  private static JsonNode check(String template, String query, List<String> problems, String... ids) {
    String path = template;
    for (String id : ids) {
      path = path.replaceFirst("\\{id}", id);
    }
    Response response = pomona.get(path + (query.isEmpty() ? "" : "?" + query));
    if (response.status() != 200) {
      problems.add("GET " + path + "?" + query + " answered " + response);
      return response.json();
    }
    JsonNode data = response.json().path("data");
    if (data.isNull() || data.isArray() && data.isEmpty()) {
      problems.add("GET " + path + "?" + query + " has no data");
    }
    problems.addAll(schemas.get().problems("GET", template, 200, response.raw().body()));
    return response.json();
  }

  private static String firstId(JsonNode document) {
    JsonNode data = document.path("data");
    return (data.isArray() ? data.path(0) : data).path("id").asText();
  }

  private static String reviewWithResponse(String appId) {
    return list("/v1/apps/" + appId + "/customerReviews?limit=200").stream()
        .map(r -> r.path("id").asText())
        .filter(id -> !pomona.get("/v1/customerReviews/" + id + "/response").json().path("data").isNull())
        .findFirst().orElseThrow();
  }

  private static String versionIdIn(String appId, String state) {
    return list("/v1/apps/" + appId + "/appStoreVersions").stream()
        .filter(v -> v.at("/attributes/appVersionState").asText().equals(state))
        .findFirst().orElseThrow().path("id").asText();
  }

  private static List<JsonNode> list(String pathAndQuery) {
    Response response = pomona.get(pathAndQuery);
    assertThat(response.status()).as(pathAndQuery + " " + response).isEqualTo(200);
    return StreamSupport.stream(response.json().path("data").spliterator(), false).toList();
  }

  private static List<String> values(List<JsonNode> resources, String attribute) {
    return resources.stream().map(r -> r.path("attributes").path(attribute))
        .filter(v -> !v.isMissingNode()).map(JsonNode::asText).toList();
  }

  private static List<StoredResource> all(Store store, String teamId, String type) {
    return store.read(tx -> tx.query(new ResourceQuery(teamId, type, false, Optional.empty(), List.of(), List.of(),
        Optional.empty(), 10_000)).items());
  }

  /**
   * A team's resources of a type, comparable with another team's seeded alike: everything but
   * what Pomona's CA makes differently on every run or for every team, which is what Apple's
   * would do too —
   * <ul>
   *   <li>{@code certificateContent} and {@code profileContent}: ECDSA signatures take a fresh
   *       random nonce, and every installation (here every test server) has its own CA;
   *   <li>{@code serialNumber}: the CA draws serial numbers at random (RFC 5280 wants them
   *       unpredictable);
   *   <li>a profile's {@code uuid}: derived from the team and the profile id, so unique per team;
   *   <li>a reserved upload file's {@code assetToken}, and its {@code uploadOperations} whose URLs
   *       carry it: the part URLs need no JWT, so the token is drawn at random, unguessable;
   *   <li>the team's name and id inside texts (a certificate's name is "Apple Development: <team
   *       name>"): replaced by placeholders, so the rest of the text is still compared.
   * </ul>
   * The content fields are checked for being real instead, above.
   */
  private static List<Map.Entry<String, Map<String, Object>>> snapshot(Store store, Team team, String type) {
    return all(store, team.id(), type).stream().map(r -> Map.entry(r.id(), comparable(r.attributes(), team))).toList();
  }

  private static final Set<String> ISSUED_PER_RUN = Set.of("certificateContent", "profileContent", "serialNumber", "uuid",
      "assetToken", "uploadOperations");

  private static Map<String, Object> comparable(Map<String, Object> attributes, Team team) {
    Map<String, Object> comparable = new TreeMap<>();
    attributes.forEach((name, value) -> {
      if (!ISSUED_PER_RUN.contains(name)) {
        comparable.put(name, value instanceof String text
            ? text.replace(team.name(), "{team name}").replace(team.id(), "{team id}") : value);
      }
    });
    return comparable;
  }

  private static byte[] publicKey(StoredResource certificate) throws Exception {
    return SignedArtifacts.certificate((String) certificate.attributes().get("certificateContent"))
        .getPublicKey().getEncoded();
  }
}
