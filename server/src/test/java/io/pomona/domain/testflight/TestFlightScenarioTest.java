package io.pomona.domain.testflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.behaviour.Policy;
import io.pomona.jsonapi.Documents;
import io.pomona.sim.Decision;
import io.pomona.sim.Policies;
import io.pomona.testing.ResponseSchemas;
import io.pomona.testing.TestPomona;
import io.pomona.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release pipeline's TestFlight story over HTTP with a real token and the simulated clock:
 * upload a build with real bytes, processing, export compliance, an external group, beta review
 * decided by the operator, testing; expiry after 90 days; and the ways a client gets it wrong.
 */
class TestFlightScenarioTest {
  private static final byte[] FILE = BuildUploadScenarioTest.bytes(4096);

  @TempDir Path directory;
  TestPomona pomona;
  TestFlightClient client;
  String appId;

  @BeforeEach
  void start() {
    // Apple's decisions wait for the operator; the clock is frozen and only moves when told.
    pomona = TestPomona.start(directory, settings -> settings.withPolicies(Map.of(Policies.EVERY_PROCESS,
        Policy.manual())));
    pomona.pomona().simulation().freeze();
    client = new TestFlightClient(pomona);
    appId = client.newApp("Weather");
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  private String validBuild(String number) {
    String buildId = client.buildOf(client.uploadBuild(appId, "1.0", number, FILE));
    client.decide(BuildProcessing.PROCESS.name(), buildId, Decision.approve());
    return buildId;
  }

  private JsonNode betaDetail(String buildId) {
    TestPomona.Response detail = pomona.get("/v1/builds/" + buildId + "/buildBetaDetail");
    assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
    return detail.json().path("data").path("attributes");
  }

  private TestPomona.Response patchBuild(String buildId, String attribute, Object value) {
    return pomona.send("PATCH", "/v1/builds/" + buildId,
        Documents.resource("builds").id(buildId).attribute(attribute, value).document());
  }

  private String newGroup(String name, boolean internal) {
    TestPomona.Response group = pomona.send("POST", "/v1/betaGroups", Documents.resource("betaGroups")
        .attribute("name", name).attribute("isInternalGroup", internal).toOne("app", "apps", appId).document());
    assertThat(group.status()).as(group.toString()).isEqualTo(201);
    return group.json().path("data").path("id").asText();
  }

  private void fillInReviewInformation() {
    TestPomona.Response detail = pomona.send("PATCH", "/v1/betaAppReviewDetails/" + appId,
        Documents.resource("betaAppReviewDetails").id(appId).attribute("contactFirstName", "Ada")
            .attribute("contactLastName", "Lovelace").attribute("contactPhone", "+1 555 0100")
            .attribute("contactEmail", "ada@example.com").document());
    assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
    TestPomona.Response localization = pomona.send("POST", "/v1/betaAppLocalizations",
        Documents.resource("betaAppLocalizations").attribute("locale", "en-US")
            .attribute("description", "Weather, tested").attribute("feedbackEmail", "beta@example.com")
            .toOne("app", "apps", appId).document());
    assertThat(localization.status()).as(localization.toString()).isEqualTo(201);
  }

  private TestPomona.Response submit(String buildId) {
    return pomona.send("POST", "/v1/betaAppReviewSubmissions", Documents.resource("betaAppReviewSubmissions")
        .toOne("build", "builds", buildId).document());
  }

  @Test
  void uploadedBuildGoesThroughProcessingAndBetaReviewIntoExternalTesting() throws Exception {
    WebhookReceiver receiver = WebhookReceiver.start();
    TestPomona.Response webhook = pomona.send("POST", "/v1/webhooks", Documents.resource("webhooks")
        .attribute("name", "release bot").attribute("url", receiver.url()).attribute("secret", "s3cret")
        .attribute("eventTypes", List.of("BUILD_UPLOAD_STATE_UPDATED", "BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED"))
        .attribute("enabled", true).toOne("app", "apps", appId).document());
    assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
    String uploadId = client.uploadBuild(appId, "1.0", "1", FILE);
    String buildId = client.buildOf(uploadId);
    assertThat(betaDetail(buildId).path("externalBuildState").asText()).isEqualTo("PROCESSING");

    client.decide(BuildProcessing.PROCESS.name(), buildId, Decision.approve());
    assertThat(client.attributes("/v1/builds/" + buildId).path("processingState").asText()).isEqualTo("VALID");
    assertThat(betaDetail(buildId).path("internalBuildState").asText()).isEqualTo("MISSING_EXPORT_COMPLIANCE");

    assertThat(patchBuild(buildId, "usesNonExemptEncryption", false).status()).isEqualTo(200);
    assertThat(betaDetail(buildId).path("internalBuildState").asText()).isEqualTo("READY_FOR_BETA_TESTING");
    assertThat(betaDetail(buildId).path("externalBuildState").asText()).isEqualTo("READY_FOR_BETA_SUBMISSION");

    String group = newGroup("Friends", false);
    assertThat(pomona.send("POST", "/v1/betaGroups/" + group + "/relationships/builds",
        Documents.toManyLinkage(Documents.identifier("builds", buildId))).status()).isEqualTo(204);
    fillInReviewInformation();

    TestPomona.Response submitted = submit(buildId);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String submission = submitted.json().path("data").path("id").asText();
    assertThat(submitted.json().path("data").path("attributes").path("betaReviewState").asText())
        .isEqualTo("WAITING_FOR_REVIEW");
    assertThat(betaDetail(buildId).path("externalBuildState").asText()).isEqualTo("WAITING_FOR_BETA_REVIEW");

    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());
    assertThat(betaDetail(buildId).path("externalBuildState").asText()).isEqualTo("IN_BETA_REVIEW");
    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());

    assertThat(client.attributes("/v1/betaAppReviewSubmissions/" + submission).path("betaReviewState").asText())
        .isEqualTo("APPROVED");
    assertThat(betaDetail(buildId).path("externalBuildState").asText()).isEqualTo("IN_BETA_TESTING");

    // Each step reached the pipeline's webhook, as Apple's would (deliveries run in parallel: any order).
    List<String> upload = new ArrayList<>();
    List<String> external = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      JsonNode data = TestPomona.JSON.readTree(receiver.next(Duration.ofSeconds(30)).body()).path("data");
      JsonNode attributes = data.path("attributes");
      switch (data.path("type").asText()) {
        case "buildUploadStateUpdated" -> upload.add(attributes.path("oldState").asText() + ">"
            + attributes.path("newState").asText());
        case "buildBetaDetailExternalBuildStateUpdated" -> external.add(
            attributes.path("oldExternalBuildState").asText() + ">" + attributes.path("newExternalBuildState").asText());
        default -> throw new AssertionError("unexpected webhook " + data);
      }
    }
    receiver.close();
    assertThat(upload).containsExactlyInAnyOrder("AWAITING_UPLOAD>PROCESSING", "PROCESSING>COMPLETE");
    assertThat(external).containsExactlyInAnyOrder("PROCESSING>MISSING_EXPORT_COMPLIANCE",
        "MISSING_EXPORT_COMPLIANCE>READY_FOR_BETA_SUBMISSION", "READY_FOR_BETA_SUBMISSION>WAITING_FOR_BETA_REVIEW",
        "WAITING_FOR_BETA_REVIEW>IN_BETA_REVIEW", "IN_BETA_REVIEW>IN_BETA_TESTING");
  }

  @Test
  void anApprovedBuildOutsideExternalGroupsIsBetaApprovedAndARejectionCarriesItsState() {
    String approved = validBuild("1");
    patchBuild(approved, "usesNonExemptEncryption", false);
    fillInReviewInformation();
    String submission = submit(approved).json().path("data").path("id").asText();
    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());
    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());
    assertThat(betaDetail(approved).path("externalBuildState").asText()).isEqualTo("BETA_APPROVED");

    String rejected = validBuild("2");
    patchBuild(rejected, "usesNonExemptEncryption", true);
    String second = submit(rejected).json().path("data").path("id").asText();
    client.decide(BetaReviewFlow.PROCESS.name(), second, Decision.reject("Crashes on launch"));
    assertThat(betaDetail(rejected).path("externalBuildState").asText()).isEqualTo("BETA_REJECTED");
  }

  @Test
  void aBuildExpiresNinetyDaysAfterUploadAndLeavesTheUnexpiredList() {
    String old = validBuild("1");
    pomona.pomona().simulation().advance(Duration.ofDays(45));
    String newer = validBuild("2");
    assertThat(pomona.get("/v1/builds?filter[expired]=false&filter[app]=" + appId).json().path("data")).hasSize(2);

    pomona.pomona().simulation().advance(Duration.ofDays(45).plusMinutes(1));

    JsonNode unexpired = pomona.get("/v1/builds?filter[expired]=false&filter[app]=" + appId).json().path("data");
    assertThat(unexpired).hasSize(1);
    assertThat(unexpired.get(0).path("id").asText()).isEqualTo(newer);
    assertThat(client.attributes("/v1/builds/" + old).path("expired").asBoolean()).isTrue();
    assertThat(pomona.get("/v1/builds?filter[expired]=true").json().path("data").get(0).path("id").asText())
        .isEqualTo(old);
    assertThat(betaDetail(old).path("internalBuildState").asText()).isEqualTo("EXPIRED");
    assertThat(betaDetail(old).path("externalBuildState").asText()).isEqualTo("EXPIRED");
  }

  @Test
  void patchingExpiredExpiresABuildOnceAndForAll() {
    String buildId = validBuild("1");

    assertThat(patchBuild(buildId, "expired", true).status()).isEqualTo(200);
    assertThat(pomona.get("/v1/builds?filter[expired]=false").json().path("data")).isEmpty();
    assertThat(betaDetail(buildId).path("externalBuildState").asText()).isEqualTo("EXPIRED");

    TestPomona.Response back = patchBuild(buildId, "expired", false);
    assertThat(back.status()).as(back.toString()).isEqualTo(409);
    assertThat(back.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/expired");
    assertThat(client.attributes("/v1/builds/" + buildId).path("expired").asBoolean()).isTrue();
  }

  @Test
  void aBuildStillProcessingCannotBeSubmitted() {
    String buildId = client.buildOf(client.uploadBuild(appId, "1.0", "1", FILE));
    fillInReviewInformation();

    TestPomona.Response refused = submit(buildId);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("STATE_ERROR.ENTITY_STATE_INVALID");
    assertThat(refused.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/relationships/build");
    assertThat(refused.json().path("errors").path(0).path("detail").asText()).contains("PROCESSING");
    assertThat(pomona.get("/v1/builds/" + buildId + "/relationships/betaAppReviewSubmission").json()
        .path("data").isNull()).isTrue();
  }

  @Test
  void submittingWithoutReviewInformationListsWhatIsMissing() {
    String buildId = validBuild("1");
    patchBuild(buildId, "usesNonExemptEncryption", false);

    TestPomona.Response refused = submit(buildId);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    JsonNode errors = refused.json().path("errors");
    assertThat(errors).hasSize(5);
    assertThat(errors.toString()).contains("contactFirstName", "contactLastName", "contactPhone", "contactEmail",
        "beta app localization");
    assertThat(refused.errorCode()).isEqualTo("STATE_ERROR");
  }

  @Test
  void aBuildMissingExportComplianceCannotBeSubmitted() {
    String buildId = validBuild("1");
    fillInReviewInformation();

    TestPomona.Response refused = submit(buildId);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().path("errors").path(0).path("detail").asText()).contains("export compliance");
  }

  /** Apple's side has the declaration in review (clients cannot set its state): the operator writes it. */
  @Test
  void aBuildWhoseDeclarationIsInReviewWaitsInExportComplianceReviewAndCannotBeSubmitted() {
    String buildId = validBuild("1");
    fillInReviewInformation();
    String declaration = pomona.pomona().engine().resources().create(pomona.team().id(), "appEncryptionDeclarations",
        Optional.empty(), Map.of("appEncryptionDeclarationState", "IN_REVIEW", "usesEncryption", true, "exempt", false),
        Map.of("app", List.of(appId))).id();

    TestPomona.Response linked = pomona.send("PATCH", "/v1/builds/" + buildId + "/relationships/appEncryptionDeclaration",
        Documents.toOneLinkage(Documents.identifier("appEncryptionDeclarations", declaration)));
    assertThat(linked.status()).as(linked.toString()).isEqualTo(204);
    assertThat(patchBuild(buildId, "usesNonExemptEncryption", true).status()).isEqualTo(200);

    assertThat(betaDetail(buildId).path("internalBuildState").asText()).isEqualTo("IN_EXPORT_COMPLIANCE_REVIEW");
    assertThat(betaDetail(buildId).path("externalBuildState").asText()).isEqualTo("IN_EXPORT_COMPLIANCE_REVIEW");
    TestPomona.Response refused = submit(buildId);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().path("errors").path(0).path("detail").asText()).contains("export compliance review");
  }

  @Test
  void anUnknownBuildInARelationshipIsRefusedWithItsPointer() {
    String group = newGroup("Friends", false);

    TestPomona.Response linked = pomona.send("POST", "/v1/betaGroups/" + group + "/relationships/builds",
        Documents.toManyLinkage(Documents.identifier("builds", "no-such-build")));
    TestPomona.Response submitted = submit("no-such-build");

    assertThat(linked.status()).as(linked.toString()).isEqualTo(409);
    assertThat(linked.json().path("errors").path(0).path("source").path("pointer").asText()).isEqualTo("/data/0");
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(409);
    assertThat(submitted.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/relationships/build/data");
    assertThat(pomona.get("/v1/betaGroups/" + group + "/builds").json().path("data")).isEmpty();
  }

  @Test
  void testersAreNotifiedOnlyOfABuildInTestingAndTextsAreOnePerLocale() {
    String buildId = validBuild("1");
    patchBuild(buildId, "usesNonExemptEncryption", false);
    TestPomona.Response early = pomona.send("POST", "/v1/buildBetaNotifications",
        Documents.resource("buildBetaNotifications").toOne("build", "builds", buildId).document());
    assertThat(early.status()).as(early.toString()).isEqualTo(409);
    assertThat(early.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/relationships/build");

    String internal = newGroup("Team", true);
    pomona.send("POST", "/v1/betaGroups/" + internal + "/relationships/builds",
        Documents.toManyLinkage(Documents.identifier("builds", buildId)));
    assertThat(betaDetail(buildId).path("internalBuildState").asText()).isEqualTo("IN_BETA_TESTING");
    TestPomona.Response notified = pomona.send("POST", "/v1/buildBetaNotifications",
        Documents.resource("buildBetaNotifications").toOne("build", "builds", buildId).document());
    assertThat(notified.status()).as(notified.toString()).isEqualTo(201);

    TestPomona.Response whatsNew = pomona.send("POST", "/v1/betaBuildLocalizations",
        Documents.resource("betaBuildLocalizations").attribute("locale", "en-US").attribute("whatsNew", "Radar")
            .toOne("build", "builds", buildId).document());
    TestPomona.Response again = pomona.send("POST", "/v1/betaBuildLocalizations",
        Documents.resource("betaBuildLocalizations").attribute("locale", "en-US").attribute("whatsNew", "Again")
            .toOne("build", "builds", buildId).document());
    assertThat(whatsNew.status()).as(whatsNew.toString()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/locale");
    assertThat(pomona.get("/v1/builds/" + buildId + "/betaBuildLocalizations").json().path("data")).hasSize(1);
  }

  @Test
  void aNewAppHasItsBetaReviewDetailAndLicenseAgreementToPatch() {
    assertThat(pomona.get("/v1/apps/" + appId + "/betaAppReviewDetail").json().path("data").path("id").asText())
        .isEqualTo(appId);
    TestPomona.Response agreement = pomona.send("PATCH", "/v1/betaLicenseAgreements/" + appId,
        Documents.resource("betaLicenseAgreements").id(appId).attribute("agreementText", "Be kind.").document());

    assertThat(agreement.status()).as(agreement.toString()).isEqualTo(200);
    assertThat(pomona.get("/v1/apps/" + appId + "/betaLicenseAgreement").json().path("data").path("attributes")
        .path("agreementText").asText()).isEqualTo("Be kind.");
  }

  @Test
  void groupsThatGainOrLoseABuildMoveItsBetaStates() {
    String buildId = validBuild("1");
    patchBuild(buildId, "usesNonExemptEncryption", false);
    TestPomona.Response allBuilds = pomona.send("POST", "/v1/betaGroups", Documents.resource("betaGroups")
        .attribute("name", "Team").attribute("isInternalGroup", true).attribute("hasAccessToAllBuilds", true)
        .toOne("app", "apps", appId).document());
    assertThat(allBuilds.status()).as(allBuilds.toString()).isEqualTo(201);
    assertThat(betaDetail(buildId).path("internalBuildState").asText()).isEqualTo("IN_BETA_TESTING");

    assertThat(pomona.send("DELETE", "/v1/betaGroups/" + allBuilds.json().path("data").path("id").asText(), null)
        .status()).isEqualTo(204);
    assertThat(betaDetail(buildId).path("internalBuildState").asText()).isEqualTo("READY_FOR_BETA_TESTING");

    String external = newGroup("Friends", false);
    pomona.send("POST", "/v1/builds/" + buildId + "/relationships/betaGroups",
        Documents.toManyLinkage(Documents.identifier("betaGroups", external)));
    fillInReviewInformation();
    String submission = submit(buildId).json().path("data").path("id").asText();
    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());
    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());
    assertThat(betaDetail(buildId).path("externalBuildState").asText()).isEqualTo("IN_BETA_TESTING");

    assertThat(pomona.send("DELETE", "/v1/betaGroups/" + external, null).status()).isEqualTo(204);
    assertThat(betaDetail(buildId).path("externalBuildState").asText()).isEqualTo("BETA_APPROVED");
  }

  @Test
  void testersOfABuildInTestingSendFeedbackThatReachesWebhooks() throws Exception {
    WebhookReceiver receiver = WebhookReceiver.start();
    TestPomona.Response webhook = pomona.send("POST", "/v1/webhooks", Documents.resource("webhooks")
        .attribute("name", "feedback bot").attribute("url", receiver.url()).attribute("secret", "s3cret")
        .attribute("eventTypes", List.of("BETA_FEEDBACK_SCREENSHOT_SUBMISSION_CREATED",
            "BETA_FEEDBACK_CRASH_SUBMISSION_CREATED"))
        .attribute("enabled", true).toOne("app", "apps", appId).document());
    assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
    String buildId = validBuild("1");
    patchBuild(buildId, "usesNonExemptEncryption", false);
    String group = newGroup("Friends", false);
    pomona.send("POST", "/v1/betaTesters", Documents.resource("betaTesters").attribute("email", "sam@example.com")
        .toMany("betaGroups", Documents.identifier("betaGroups", group)).document());
    pomona.send("POST", "/v1/betaGroups/" + group + "/relationships/builds",
        Documents.toManyLinkage(Documents.identifier("builds", buildId)));
    fillInReviewInformation();
    String submission = submit(buildId).json().path("data").path("id").asText();
    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());
    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());
    assertThat(pomona.get("/v1/apps/" + appId + "/betaFeedbackScreenshotSubmissions").json().path("data")).isEmpty();

    client.decide(BetaFeedback.PROCESS.name(), buildId, Decision.approve());

    JsonNode screenshots = pomona.get("/v1/apps/" + appId + "/betaFeedbackScreenshotSubmissions").json().path("data");
    assertThat(screenshots).hasSize(1);
    assertThat(screenshots.get(0).path("attributes").path("email").asText()).isEqualTo("sam@example.com");
    assertThat(screenshots.get(0).path("attributes").path("comment").asText()).isNotBlank();
    JsonNode crashes = pomona.get("/v1/apps/" + appId + "/betaFeedbackCrashSubmissions").json().path("data");
    assertThat(crashes).hasSize(1);
    TestPomona.Response log = pomona.get("/v1/betaFeedbackCrashSubmissions/" + crashes.get(0).path("id").asText()
        + "/crashLog");
    assertThat(log.json().path("data").path("attributes").path("logText").asText()).contains("EXC_CRASH");
    List<String> types = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      types.add(TestPomona.JSON.readTree(receiver.next(Duration.ofSeconds(30)).body()).path("data").path("type")
          .asText());
    }
    receiver.close();
    assertThat(types).containsExactlyInAnyOrder("betaFeedbackScreenshotSubmissionCreated",
        "betaFeedbackCrashSubmissionCreated");
  }

  /**
   * Usage metrics answer from the feedback the Apple side produced: the per-tester numbers add up
   * to the build's and to the app's, the group and tester views agree, and the window follows the
   * simulated clock.
   */
  @Test
  void usageMetricsAgreeAcrossTesterBuildAndAppViews() {
    String buildId = validBuild("1");
    patchBuild(buildId, "usesNonExemptEncryption", false);
    String group = newGroup("Friends", false);
    String sam = newTester("sam@example.com", group);
    String kim = newTester("kim@example.com", group);
    pomona.send("POST", "/v1/betaGroups/" + group + "/relationships/builds",
        Documents.toManyLinkage(Documents.identifier("builds", buildId)));
    fillInReviewInformation();
    String submission = submit(buildId).json().path("data").path("id").asText();
    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());
    client.decide(BetaReviewFlow.PROCESS.name(), submission, Decision.approve());
    assertThat(buildUsage(buildId, "").path("feedbackCount").asLong()).isZero();
    client.decide(BetaFeedback.PROCESS.name(), buildId, Decision.approve());

    JsonNode build = buildUsage(buildId, "");
    assertThat(build.path("feedbackCount").asLong()).isEqualTo(2); // a screenshot and a crash
    assertThat(build.path("crashCount").asLong()).isEqualTo(1);
    assertThat(build.path("sessionCount").asLong()).isBetween(2L, 8L);
    assertThat(build.path("installCount").asLong()).isEqualTo(1);
    assertThat(build.path("inviteCount").asLong()).isEqualTo(2);

    JsonNode byTester = metrics("/v1/apps/" + appId + "/metrics/betaTesterUsages", "groupBy=betaTesters&period=P30D")
        .path("data");
    assertThat(byTester).hasSize(2);
    Map<String, JsonNode> values = new java.util.HashMap<>();
    byTester.forEach(series -> values.put(series.path("dimensions").path("betaTesters").path("data").asText(),
        series.path("dataPoints").get(0).path("values")));
    assertThat(values).containsOnlyKeys(sam, kim);
    for (String value : List.of("sessionCount", "crashCount", "feedbackCount")) {
      assertThat(values.get(sam).path(value).asLong() + values.get(kim).path(value).asLong())
          .as(value).isEqualTo(build.path(value).asLong());
    }
    String sender = values.get(sam).path("feedbackCount").asLong() > 0 ? sam : kim;
    JsonNode groupTotal = metrics("/v1/betaGroups/" + group + "/metrics/betaTesterUsages", "").path("data").get(0)
        .path("dataPoints").get(0).path("values");
    for (String value : List.of("sessionCount", "crashCount", "feedbackCount")) {
      assertThat(groupTotal.path(value).asLong()).as(value).isEqualTo(build.path(value).asLong());
    }
    JsonNode tester = metrics("/v1/betaTesters/" + sender + "/metrics/betaTesterUsages", "filter[apps]=" + appId)
        .path("data").get(0);
    assertThat(tester.path("dataPoints").get(0).path("values")).isEqualTo(values.get(sender));
    assertThat(tester.path("dimensions").path("apps").path("data").asText()).isEqualTo(appId);
    assertThat(tester.path("dimensions").path("apps").path("links").path("related").asText())
        .endsWith("/v1/apps/" + appId);
    JsonNode filtered = metrics("/v1/apps/" + appId + "/metrics/betaTesterUsages", "filter[betaTesters]=" + sender)
        .path("data");
    assertThat(filtered).hasSize(1);
    assertThat(filtered.get(0).path("dataPoints").get(0).path("values")).isEqualTo(values.get(sender));

    JsonNode firstPage = metrics("/v1/apps/" + appId + "/metrics/betaTesterUsages", "groupBy=betaTesters&limit=1");
    assertThat(firstPage.path("data")).hasSize(1);
    assertThat(firstPage.path("meta").path("paging").path("total").asInt()).isEqualTo(2);
    String next = firstPage.path("links").path("next").asText();
    JsonNode secondPage = metrics(next.substring(next.indexOf("/v1/"), next.indexOf('?')),
        next.substring(next.indexOf('?') + 1));
    assertThat(secondPage.path("data")).hasSize(1);
    assertThat(secondPage.path("links").has("next")).isFalse();
    assertThat(secondPage.path("data").get(0).path("dimensions").path("betaTesters").path("data").asText())
        .isNotEqualTo(firstPage.path("data").get(0).path("dimensions").path("betaTesters").path("data").asText());

    pomona.pomona().simulation().advance(Duration.ofDays(8));
    assertThat(metrics("/v1/apps/" + appId + "/metrics/betaTesterUsages",
        "filter[betaTesters]=" + sender + "&period=P7D").path("data").get(0).path("dataPoints").get(0)
        .path("values").path("feedbackCount").asLong()).isZero();
    assertThat(metrics("/v1/apps/" + appId + "/metrics/betaTesterUsages",
        "filter[betaTesters]=" + sender + "&period=P30D").path("data").get(0).path("dataPoints").get(0)
        .path("values")).isEqualTo(values.get(sender));
  }

  @Test
  void publicLinkUsagesCountTestersWhoJoinedThroughTheLink() {
    String group = newGroup("Public", false);
    TestPomona.Response enabled = pomona.send("PATCH", "/v1/betaGroups/" + group, Documents.resource("betaGroups")
        .id(group).attribute("publicLinkEnabled", true).document());
    assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
    for (String email : List.of("a@example.com", "b@example.com", "c@example.com")) {
      String tester = newTester(email, group);
      pomona.pomona().engine().resources().update(pomona.team().id(), "betaTesters", tester,
          Map.of("inviteType", "PUBLIC_LINK"));
    }
    newTester("d@example.com", group);

    JsonNode values = metrics("/v1/betaGroups/" + group + "/metrics/publicLinkUsages", "").path("data").get(0)
        .path("dataPoints").get(0).path("values");
    assertThat(values.path("acceptedCount").asLong()).isEqualTo(3);
    assertThat(values.path("viewCount").asLong())
        .isEqualTo(values.path("acceptedCount").asLong() + values.path("didNotAcceptCount").asLong());
    assertThat(values.path("didNotAcceptCount").asLong()).isPositive();
  }

  @Test
  void badMetricsParametersAre400sNamingTheParameter() {
    String group = newGroup("Friends", false);
    String tester = newTester("sam@example.com", group);
    String apps = "/v1/apps/" + appId + "/metrics/betaTesterUsages";
    assertParameterError(apps + "?groupBy=betaTesters&period=P1D", "PARAMETER_ERROR.INVALID", "period");
    assertParameterError(apps + "?groupBy=builds", "PARAMETER_ERROR.INVALID", "groupBy");
    assertParameterError(apps, "PARAMETER_ERROR.REQUIRED", "groupBy");
    assertParameterError(apps + "?filter[betaTesters]=nobody", "PARAMETER_ERROR.INVALID", "filter[betaTesters]");
    assertParameterError(apps + "?filter[betaTesters]=" + tester + "," + tester, "PARAMETER_ERROR.INVALID",
        "filter[betaTesters]");
    assertParameterError(apps + "?groupBy=betaTesters&limit=201", "PARAMETER_ERROR.INVALID", "limit");
    assertParameterError(apps + "?groupBy=betaTesters&cursor=bm9wZQ", "PARAMETER_ERROR.INVALID", "cursor");
    assertParameterError(apps + "?groupBy=betaTesters&granularity=P1D", "PARAMETER_ERROR.ILLEGAL", "granularity");
    String testers = "/v1/betaTesters/" + tester + "/metrics/betaTesterUsages";
    assertParameterError(testers, "PARAMETER_ERROR.REQUIRED", "filter[apps]");
    assertParameterError(testers + "?filter[apps]=0000000000", "PARAMETER_ERROR.INVALID", "filter[apps]");
    assertParameterError("/v1/gameCenterDetails/x/metrics/classicMatchmakingRequests", "PARAMETER_ERROR.REQUIRED",
        "granularity");
    TestPomona.Response missing = pomona.get("/v1/builds/nope/metrics/betaBuildUsages");
    assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
  }

  private void assertParameterError(String target, String code, String parameter) {
    TestPomona.Response response = pomona.get(target);
    assertThat(response.status()).as(target + " → " + response).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("code").asText()).as(target).isEqualTo(code);
    assertThat(response.json().path("errors").get(0).path("source").path("parameter").asText()).as(target)
        .isEqualTo(parameter);
  }

  private String newTester(String email, String group) {
    TestPomona.Response tester = pomona.send("POST", "/v1/betaTesters", Documents.resource("betaTesters")
        .attribute("email", email).toMany("betaGroups", Documents.identifier("betaGroups", group)).document());
    assertThat(tester.status()).as(tester.toString()).isEqualTo(201);
    return tester.json().path("data").path("id").asText();
  }

  private JsonNode buildUsage(String buildId, String query) {
    JsonNode data = metrics("/v1/builds/" + buildId + "/metrics/betaBuildUsages", query).path("data");
    assertThat(data).hasSize(1);
    return data.get(0).path("dataPoints").get(0).path("values");
  }

  /** A metrics document, checked against the operation's schema in the OpenAPI document when it is present. */
  private JsonNode metrics(String path, String query) {
    TestPomona.Response response = pomona.get(query.isEmpty() ? path : path + "?" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    String template = path.replaceFirst("^/v1/(\\w+)/[^/]+/", "/v1/$1/{id}/");
    Schemas.FOUND.ifPresent(schemas ->
        assertThat(schemas.problems("GET", template, 200, response.raw().body())).as(template).isEmpty());
    return response.json();
  }

  /** The OpenAPI document's response schemas, read once (it is large) by the first test that validates. */
  private static final class Schemas {
    static final java.util.Optional<ResponseSchemas> FOUND = ResponseSchemas.find();
  }
}
