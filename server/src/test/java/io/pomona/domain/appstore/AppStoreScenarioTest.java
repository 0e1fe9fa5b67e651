package io.pomona.domain.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.behaviour.Outcome;
import io.pomona.behaviour.Policy;
import io.pomona.sim.Decision;
import io.pomona.sim.Policies;
import io.pomona.sim.Simulation;
import io.pomona.store.Event;
import io.pomona.store.Transition;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release pipeline over HTTP with a real JWT, and App Review on the simulated clock (frozen,
 * advanced, never slept on): prepare a version, submit it, Apple approves or rejects, release it.
 */
class AppStoreScenarioTest {
  private static final Duration REVIEW_STEP = Duration.ofSeconds(10);
  /** The bound of each wait for a webhook delivery (real HTTP, off the request path). */
  private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(30);

  @TempDir Path directory;
  private TestPomona pomona;
  private AppStoreFixture fixture;
  private Simulation simulation;
  private String appId;

  @BeforeEach
  void start() {
    Map<String, Policy> policies = new java.util.HashMap<>(AppStoreFixture.mediaPolicies());
    policies.putAll(Map.of(
        Policies.EVERY_PROCESS, Policy.manual(),
        ReviewSubmissionFlow.PROCESS.name(), Policy.auto(REVIEW_STEP),
        PhasedReleases.NAME, Policy.auto(Duration.ofHours(24))));
    pomona = TestPomona.start(directory, settings -> settings.withPolicies(policies));
    simulation = pomona.pomona().simulation();
    simulation.freeze();
    fixture = new AppStoreFixture(pomona);
    appId = fixture.app("Weather");
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  /** Everything but the version: the app's age rating, price and availability. */
  private void appReady() {
    fixture.ageRating(appId);
    fixture.priceAndAvailability(appId);
  }

  private String submit(String versionId) {
    String submission = fixture.submission(appId);
    AppStoreFixture.created(fixture.addItem(submission, versionId));
    JsonNode submitted = AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    assertThat(submitted.path("data").path("attributes").path("state").asText()).isEqualTo("WAITING_FOR_REVIEW");
    assertThat(submitted.path("data").path("attributes").has("submitted")).isFalse();
    return submission;
  }

  /** Apple reviews: two automatic steps, each due a step after the previous one fired. */
  private void review() {
    simulation.advance(REVIEW_STEP);
    simulation.advance(REVIEW_STEP);
  }

  private List<Event> events(String resourceId) {
    return pomona.pomona().store().read(tx -> tx.events(pomona.team().id(), Optional.empty(), 5000)).stream()
        .filter(e -> e.resourceId().equals(resourceId)).toList();
  }

  @Test
  void preparedVersionIsReviewedApprovedAndReleasedByTheDeveloper() throws Exception {
    WebhookReceiver receiver = WebhookReceiver.start();
    AppStoreFixture.created(pomona.send("POST", "/v1/webhooks", Documents.resource("webhooks")
        .attribute("name", "release bot").attribute("url", receiver.url()).attribute("secret", "s3cret")
        .attribute("eventTypes", List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED")).attribute("enabled", true)
        .toOne("app", "apps", appId).document()));
    appReady();
    String versionId = fixture.completeVersion(appId, "1.0", "MANUAL");
    String submission = submit(versionId);
    assertThat(fixture.versionState(versionId)).isEqualTo("WAITING_FOR_REVIEW");

    simulation.advance(REVIEW_STEP);
    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("IN_REVIEW");
    assertThat(fixture.versionState(versionId)).isEqualTo("IN_REVIEW");

    simulation.advance(REVIEW_STEP);
    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("COMPLETE");
    assertThat(fixture.versionState(versionId)).isEqualTo("PENDING_DEVELOPER_RELEASE");
    JsonNode items = pomona.get("/v1/reviewSubmissions/" + submission + "/items").json().path("data");
    assertThat(items.path(0).path("attributes").path("state").asText()).isEqualTo("APPROVED");

    JsonNode released = pomona.send("POST", "/v1/appStoreVersionReleaseRequests",
        Documents.resource("appStoreVersionReleaseRequests").toOne("appStoreVersion", "appStoreVersions", versionId)
            .document()).json();
    assertThat(released.path("data").path("type").asText()).isEqualTo("appStoreVersionReleaseRequests");
    assertThat(fixture.versionState(versionId)).isEqualTo("READY_FOR_DISTRIBUTION");
    assertThat(fixture.attribute("appStoreVersions", versionId, "appStoreState")).isEqualTo("READY_FOR_SALE");

    List<String> webhookStates = new ArrayList<>();
    events(versionId).stream().filter(e -> e.eventType().equals("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"))
        .forEach(e -> webhookStates.add(e.newState().orElseThrow()));
    assertThat(webhookStates).containsExactly("READY_FOR_REVIEW", "WAITING_FOR_REVIEW", "IN_REVIEW",
        "PENDING_DEVELOPER_RELEASE", "READY_FOR_DISTRIBUTION");
    try (receiver) {
      List<String> received = new ArrayList<>();
      for (int i = 0; i < webhookStates.size(); i++) {
        JsonNode payload = TestPomona.JSON.readTree(receiver.next(WEBHOOK_WAIT).body()).path("data");
        assertThat(payload.path("relationships").path("instance").path("data").path("id").asText())
            .isEqualTo(versionId);
        received.add(payload.path("attributes").path("newValue").asText());
      }
      assertThat(received).containsExactlyInAnyOrderElementsOf(webhookStates);
    }
  }

  @Test
  void submissionWithMissingPiecesListsEachAndChangesNothing() {
    String versionId = fixture.version(appId, "1.0", "MANUAL");
    String en = AppStoreFixture.created(fixture.createLocalization(versionId, "en-US", AppStoreFixture.texts("en-US")));
    fixture.screenshot(en, "APP_IPHONE_67");
    AppStoreFixture.created(fixture.createLocalization(versionId, "de-DE", Map.of("description", "Wetter")));
    String fr = AppStoreFixture.created(fixture.createLocalization(versionId, "fr-FR", AppStoreFixture.texts("fr-FR")));
    String frSet = fixture.screenshotSet(fr, "APP_IPHONE_67");
    String tooSmall = fixture.upload("appScreenshots", "appScreenshotSet", "appScreenshotSets", frSet, "home.png",
        io.pomona.testing.TestMedia.png(640, 1136), Map.of());
    fixture.process(tooSmall);
    assertThat(fixture.deliveryState("appScreenshots", tooSmall)).isEqualTo("FAILED");
    String submission = fixture.submission(appId);
    AppStoreFixture.created(fixture.addItem(submission, versionId));

    TestPomona.Response refused = fixture.patch("reviewSubmissions", submission, "submitted", true);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    JsonNode error = refused.json().path("errors").path(0);
    assertThat(error.path("code").asText()).isEqualTo("STATE_ERROR.ENTITY_STATE_INVALID");
    assertThat(error.path("detail").asText()).isEqualTo("Submit for review errors found.");
    assertThat(error.path("source").path("pointer").asText()).isEqualTo("/data/attributes/submitted");
    JsonNode associated = error.path("meta").path("associatedErrors");
    assertThat(codes(associated.path("/v1/appStoreVersions/" + versionId)))
        .containsExactly("ENTITY_ERROR.RELATIONSHIP.REQUIRED", "ENTITY_ERROR.RELATIONSHIP.REQUIRED");
    assertThat(codes(associated.path("/v1/appScreenshots/")))
        .containsExactly("STATE_ERROR.SCREENSHOT_REQUIRED.APP_IPHONE_67",
            "STATE_ERROR.SCREENSHOT_REQUIRED.APP_IPHONE_67");
    List<String> details = new ArrayList<>();
    associated.path("/v1/appScreenshots/").forEach(missing -> details.add(missing.path("detail").asText()));
    // One per localization without a processed screenshot, in no particular order; a screenshot whose
    // processing failed (fr-FR's) does not count.
    assertThat(details).anyMatch(detail -> detail.contains("de-DE"))
        .anyMatch(detail -> detail.contains("fr-FR") && detail.contains(fr));
    String deId = pomona.get("/v1/appStoreVersions/" + versionId + "/appStoreVersionLocalizations?filter[locale]=de-DE")
        .json().path("data").path(0).path("id").asText();
    assertThat(codes(associated.path("/v1/appStoreVersionLocalizations/" + deId)))
        .containsExactly("ENTITY_ERROR.ATTRIBUTE.REQUIRED", "ENTITY_ERROR.ATTRIBUTE.REQUIRED");
    assertThat(codes(associated.path("/v1/apps/" + appId))).hasSize(2);
    assertThat(associated.fieldNames()).toIterable().anyMatch(path -> path.startsWith("/v1/ageRatingDeclarations/"));
    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("READY_FOR_REVIEW");
    assertThat(fixture.versionState(versionId)).isEqualTo("READY_FOR_REVIEW");
  }

  @Test
  void anIpadSetInOneLocalizationMakesIpadScreenshotsRequiredInEvery() {
    appReady();
    String versionId = fixture.completeVersion(appId, "1.0", "MANUAL");
    JsonNode localizations = pomona.get("/v1/appStoreVersions/" + versionId + "/appStoreVersionLocalizations").json()
        .path("data");
    String en = localizations.path(0).path("id").asText();
    String de = localizations.path(1).path("id").asText();
    fixture.screenshot(en, "APP_IPAD_PRO_3GEN_129");
    String submission = fixture.submission(appId);
    AppStoreFixture.created(fixture.addItem(submission, versionId));

    TestPomona.Response refused = fixture.patch("reviewSubmissions", submission, "submitted", true);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    JsonNode missing = refused.json().path("errors").path(0).path("meta").path("associatedErrors")
        .path("/v1/appScreenshots/");
    assertThat(codes(missing)).containsExactly("STATE_ERROR.SCREENSHOT_REQUIRED.APP_IPAD_PRO_3GEN_129");
    assertThat(missing.path(0).path("detail").asText()).contains(de);

    fixture.screenshot(de, "APP_IPAD_PRO_3GEN_129");
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
  }

  private static List<String> codes(JsonNode errors) {
    List<String> codes = new ArrayList<>();
    errors.forEach(error -> codes.add(error.path("code").asText()));
    return codes;
  }

  @Test
  void rejectedSubmissionIsResolvedAndResubmitted() {
    simulation.setPolicy(ReviewSubmissionFlow.PROCESS.name(), Policy.manual());
    appReady();
    String versionId = fixture.completeVersion(appId, "1.0", "AFTER_APPROVAL");
    String submission = submit(versionId);
    decide(submission, Outcome.APPROVE, Optional.empty());
    decide(submission, Outcome.REJECT, Optional.of("Guideline 2.1 - Performance"));

    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("UNRESOLVED_ISSUES");
    assertThat(fixture.versionState(versionId)).isEqualTo("REJECTED");
    String item = pomona.get("/v1/reviewSubmissions/" + submission + "/items").json().path("data").path(0)
        .path("id").asText();
    assertThat(pomona.get("/v1/reviewSubmissions/" + submission + "/items").json().path("data").path(0)
        .path("attributes").path("state").asText()).isEqualTo("REJECTED");
    TestPomona.Response unresolved = fixture.patch("reviewSubmissions", submission, "submitted", true);
    assertThat(unresolved.status()).as(unresolved.toString()).isEqualTo(409);
    assertThat(unresolved.json().path("errors").path(0).path("meta").path("associatedErrors")
        .has("/v1/reviewSubmissionItems/" + item)).isTrue();

    AppStoreFixture.ok(fixture.patch("reviewSubmissionItems", item, "resolved", true));
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    decide(submission, Outcome.APPROVE, Optional.empty());
    decide(submission, Outcome.APPROVE, Optional.empty());

    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("COMPLETE");
    assertThat(fixture.versionState(versionId)).isEqualTo("READY_FOR_DISTRIBUTION");
  }

  private void decide(String submission, Outcome outcome, Optional<String> reason) {
    Transition pending = simulation.decisions().pending(Optional.of(pomona.team().id())).stream()
        .filter(t -> t.resourceId().equals(submission)).findFirst().orElseThrow();
    simulation.decisions().decide(pending.id(), new Decision(outcome, reason));
  }

  @Test
  void developerCancelsAndTheVersionIsDeveloperRejectedButEditable() {
    appReady();
    String versionId = fixture.completeVersion(appId, "1.0", "MANUAL");
    String submission = submit(versionId);

    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "canceled", true));
    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("CANCELING");
    assertThat(fixture.versionState(versionId)).isEqualTo("DEVELOPER_REJECTED");
    simulation.advance(REVIEW_STEP);

    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("READY_FOR_REVIEW");
    AppStoreFixture.ok(fixture.patch("appStoreVersions", versionId, "copyright", "2027 Example Inc."));
  }

  @Test
  void versionInReviewRefusesEditsButPromotionalTextChangesAnyTime() {
    appReady();
    String versionId = fixture.completeVersion(appId, "1.0", "MANUAL");
    submit(versionId);
    String localization = pomona.get("/v1/appStoreVersions/" + versionId + "/appStoreVersionLocalizations").json()
        .path("data").path(0).path("id").asText();

    TestPomona.Response copyright = fixture.patch("appStoreVersions", versionId, "copyright", "2027");
    assertThat(copyright.status()).as(copyright.toString()).isEqualTo(409);
    assertThat(copyright.errorCode()).isEqualTo("STATE_ERROR.ENTITY_STATE_INVALID");
    TestPomona.Response description = fixture.patch("appStoreVersionLocalizations", localization, "description", "x");
    assertThat(description.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/description");
    AppStoreFixture.ok(fixture.patch("appStoreVersionLocalizations", localization, "promotionalText", "Now with rain"));
    TestPomona.Response newSet = pomona.send("POST", "/v1/appScreenshotSets", io.pomona.testing.Documents
        .resource("appScreenshotSets").attribute("screenshotDisplayType", "APP_IPHONE_65")
        .toOne("appStoreVersionLocalization", "appStoreVersionLocalizations", localization).document());
    assertThat(newSet.status()).as(newSet.toString()).isEqualTo(409);
    assertThat(newSet.errorCode()).isEqualTo("STATE_ERROR.ENTITY_STATE_INVALID");
    assertThat(newSet.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/relationships/appStoreVersionLocalization");
    String screenshot = pomona.get("/v1/appStoreVersionLocalizations/" + localization + "/appScreenshotSets?include="
        + "appScreenshots").json().path("included").path(0).path("id").asText();
    TestPomona.Response delete = pomona.send("DELETE", "/v1/appScreenshots/" + screenshot, null);
    assertThat(delete.status()).as(delete.toString()).isEqualTo(409);
  }

  @Test
  void scheduledVersionGoesLiveAtItsDateAndReplacesThePreviousOne() {
    appReady();
    String first = fixture.completeVersion(appId, "1.0", "AFTER_APPROVAL");
    String firstSubmission = submit(first);
    review();
    assertThat(fixture.versionState(first)).isEqualTo("READY_FOR_DISTRIBUTION");
    assertThat(fixture.attribute("reviewSubmissions", firstSubmission, "state")).isEqualTo("COMPLETE");

    Instant releaseAt = simulation.clock().instant().plus(Duration.ofDays(2));
    String second = fixture.completeVersion(appId, "1.1", "MANUAL");
    AppStoreFixture.ok(pomona.send("PATCH", "/v1/appStoreVersions/" + second, Documents.resource("appStoreVersions")
        .id(second).attribute("releaseType", "SCHEDULED").attribute("earliestReleaseDate", releaseAt.toString())
        .document()));
    submit(second);
    review();
    assertThat(fixture.versionState(second)).isEqualTo("PENDING_DEVELOPER_RELEASE");

    simulation.advance(Duration.ofDays(1));
    assertThat(fixture.versionState(second)).isEqualTo("PENDING_DEVELOPER_RELEASE");
    simulation.advance(Duration.ofDays(1));
    assertThat(fixture.versionState(second)).isEqualTo("READY_FOR_DISTRIBUTION");
    assertThat(fixture.versionState(first)).isEqualTo("REPLACED_WITH_NEW_VERSION");
  }

  @Test
  void phasedReleaseReachesEveryoneDayByDayAndPauses() {
    appReady();
    String first = fixture.completeVersion(appId, "1.0", "AFTER_APPROVAL");
    TestPomona.Response firstVersionPhased = phasedRelease(first);
    assertThat(firstVersionPhased.status()).as(firstVersionPhased.toString()).isEqualTo(409);
    submit(first);
    review();

    String second = fixture.completeVersion(appId, "1.1", "MANUAL");
    String phased = AppStoreFixture.created(phasedRelease(second));
    assertThat(phased(second, "phasedReleaseState")).isEqualTo("INACTIVE");
    submit(second);
    review();
    AppStoreFixture.created(pomona.send("POST", "/v1/appStoreVersionReleaseRequests",
        Documents.resource("appStoreVersionReleaseRequests").toOne("appStoreVersion", "appStoreVersions", second)
            .document()));
    assertThat(phased(second, "phasedReleaseState")).isEqualTo("ACTIVE");
    assertThat(phased(second, "currentDayNumber")).isEqualTo("1");

    days(2);
    assertThat(phased(second, "currentDayNumber")).isEqualTo("3");
    AppStoreFixture.ok(fixture.patch("appStoreVersionPhasedReleases", phased, "phasedReleaseState", "PAUSED"));
    days(3);
    assertThat(phased(second, "currentDayNumber")).isEqualTo("3");
    AppStoreFixture.ok(fixture.patch("appStoreVersionPhasedReleases", phased, "phasedReleaseState", "ACTIVE"));
    assertThat(phased(second, "totalPauseDuration")).isEqualTo("3");

    days(5);
    JsonNode done = pomona.get("/v1/appStoreVersions/" + second + "/appStoreVersionPhasedRelease").json().path("data")
        .path("attributes");
    assertThat(done.path("phasedReleaseState").asText()).isEqualTo("COMPLETE");
    assertThat(done.path("currentDayNumber").asInt()).isEqualTo(7);
    assertThat(done.has("pomonaPhasedReleaseDay")).isFalse();
  }

  /**
   * Days pass one at a time: a step is due a day after the previous one fired, and one long
   * advance fires only the steps due by its start.
   */
  private void days(int count) {
    for (int day = 0; day < count; day++) {
      simulation.advance(Duration.ofDays(1));
    }
  }

  /** Phased releases have no GET of their own: they are read through their version. */
  private String phased(String versionId, String attribute) {
    return pomona.get("/v1/appStoreVersions/" + versionId + "/appStoreVersionPhasedRelease").json().path("data")
        .path("attributes").path(attribute).asText();
  }

  private TestPomona.Response phasedRelease(String versionId) {
    return pomona.send("POST", "/v1/appStoreVersionPhasedReleases", Documents.resource("appStoreVersionPhasedReleases")
        .attribute("phasedReleaseState", "ACTIVE").toOne("appStoreVersion", "appStoreVersions", versionId).document());
  }
}
