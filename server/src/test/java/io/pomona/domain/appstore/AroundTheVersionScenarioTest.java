package io.pomona.domain.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.behaviour.Outcome;
import io.pomona.behaviour.Policy;
import io.pomona.sim.Decision;
import io.pomona.sim.Policies;
import io.pomona.sim.Simulation;
import io.pomona.store.Transition;
import io.pomona.testing.Admin;
import io.pomona.testing.Documents;
import io.pomona.testing.ResponseSchemas;
import io.pomona.testing.TestPomona;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes through App Review beside a version (issue 7, item 7), over HTTP with a real JWT and
 * the simulated clock (frozen, advanced, never slept on): custom product pages, in-app events and
 * product page optimization experiments, each created, put in a review submission, reviewed by the
 * Apple side and moved on; rejection per item; a custom license agreement; bad inputs with their
 * pointers, and nothing stored by a refused request.
 */
class AroundTheVersionScenarioTest {
  private static final Duration REVIEW_STEP = Duration.ofSeconds(10);

  @TempDir Path directory;
  private TestPomona pomona;
  private AppStoreFixture fixture;
  private Simulation simulation;
  private String appId;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory, settings -> settings.withPolicies(Map.of(
        Policies.EVERY_PROCESS, Policy.manual(),
        ReviewSubmissionFlow.PROCESS.name(), Policy.auto(REVIEW_STEP))));
    simulation = pomona.pomona().simulation();
    simulation.freeze();
    fixture = new AppStoreFixture(pomona);
    appId = fixture.app("Weather");
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  // ---- custom product pages ----

  private TestPomona.Response createPage(String name, String deepLink, String locale, String promotionalText) {
    return pomona.send("POST", "/v1/appCustomProductPages", Documents.resource("appCustomProductPages")
        .attribute("name", name).toOne("app", "apps", appId)
        .toMany("appCustomProductPageVersions", "appCustomProductPageVersions", "${version}")
        .document(Documents.resource("appCustomProductPageVersions").id("${version}").attribute("deepLink", deepLink)
                .toMany("appCustomProductPageLocalizations", "appCustomProductPageLocalizations", "${localization}"),
            Documents.resource("appCustomProductPageLocalizations").id("${localization}").attribute("locale", locale)
                .attribute("promotionalText", promotionalText)));
  }

  private JsonNode pageVersions(String pageId) {
    return pomona.get("/v1/appCustomProductPages/" + pageId + "/appCustomProductPageVersions").json().path("data");
  }

  @Test
  void customProductPageIsCreatedWithItsFirstVersionAndApprovedThroughAReviewSubmission() {
    String pageId = AppStoreFixture.created(createPage("Rain lovers", "weather://rain", "en-US", "Rain, every day."));

    JsonNode page = pomona.get("/v1/appCustomProductPages/" + pageId).json().path("data").path("attributes");
    assertThat(page.path("visible").asBoolean()).isFalse();
    assertThat(page.path("url").asText()).isEqualTo("https://apps.apple.com/app/id" + appId + "?ppid=" + pageId);
    JsonNode versions = pageVersions(pageId);
    assertThat(versions.size()).isEqualTo(1);
    String versionId = versions.path(0).path("id").asText();
    assertThat(versions.path(0).path("attributes").path("state").asText()).isEqualTo("PREPARE_FOR_SUBMISSION");
    assertThat(versions.path(0).path("attributes").path("version").asText()).isEqualTo("1");
    assertThat(versions.path(0).path("attributes").path("deepLink").asText()).isEqualTo("weather://rain");
    JsonNode localizations = pomona.get("/v1/appCustomProductPageVersions/" + versionId
        + "/appCustomProductPageLocalizations").json().path("data");
    assertThat(localizations.path(0).path("attributes").path("locale").asText()).isEqualTo("en-US");

    String submission = fixture.submission(appId);
    AppStoreFixture.created(addItem(submission, "appCustomProductPageVersion", "appCustomProductPageVersions",
        versionId));
    assertThat(fixture.attribute("appCustomProductPageVersions", versionId, "state")).isEqualTo("READY_FOR_REVIEW");
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    assertThat(fixture.attribute("appCustomProductPageVersions", versionId, "state")).isEqualTo("WAITING_FOR_REVIEW");
    simulation.advance(REVIEW_STEP);
    assertThat(fixture.attribute("appCustomProductPageVersions", versionId, "state")).isEqualTo("IN_REVIEW");
    simulation.advance(REVIEW_STEP);

    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("COMPLETE");
    assertThat(fixture.attribute("appCustomProductPageVersions", versionId, "state")).isEqualTo("APPROVED");
    assertThat(itemStates(submission)).containsExactly("APPROVED");

    // The next version of the page; only one at a time is in the works.
    String second = AppStoreFixture.created(createPageVersion(pageId));
    assertThat(fixture.attribute("appCustomProductPageVersions", second, "version")).isEqualTo("2");
    TestPomona.Response third = createPageVersion(pageId);
    assertConflict(third, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/appCustomProductPage");
    assertThat(pageVersions(pageId).size()).isEqualTo(2);
  }

  private TestPomona.Response createPageVersion(String pageId) {
    return pomona.send("POST", "/v1/appCustomProductPageVersions", Documents.resource("appCustomProductPageVersions")
        .toOne("appCustomProductPage", "appCustomProductPages", pageId).document());
  }

  @Test
  void pageVersionWithoutLocalizationCannotBeSubmittedAndNothingMoves() {
    String pageId = AppStoreFixture.created(pomona.send("POST", "/v1/appCustomProductPages",
        Documents.resource("appCustomProductPages").attribute("name", "Bare").toOne("app", "apps", appId).document()));
    String versionId = pageVersions(pageId).path(0).path("id").asText();
    String submission = fixture.submission(appId);
    AppStoreFixture.created(addItem(submission, "appCustomProductPageVersion", "appCustomProductPageVersions",
        versionId));

    TestPomona.Response refused = fixture.patch("reviewSubmissions", submission, "submitted", true);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    JsonNode associated = refused.json().path("errors").path(0).path("meta").path("associatedErrors")
        .path("/v1/appCustomProductPageVersions/" + versionId);
    assertThat(associated.path(0).path("code").asText()).isEqualTo("ENTITY_ERROR.RELATIONSHIP.REQUIRED");
    assertThat(associated.path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/relationships/appCustomProductPageLocalizations");
    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("READY_FOR_REVIEW");
    assertThat(fixture.attribute("appCustomProductPageVersions", versionId, "state")).isEqualTo("READY_FOR_REVIEW");

    // Taken out of the submission, the version is back in preparation.
    String item = pomona.get("/v1/reviewSubmissions/" + submission + "/items").json().path("data").path(0)
        .path("id").asText();
    AppStoreFixture.ok(fixture.patch("reviewSubmissionItems", item, "removed", true));
    assertThat(fixture.attribute("appCustomProductPageVersions", versionId, "state"))
        .isEqualTo("PREPARE_FOR_SUBMISSION");
  }

  @Test
  void customProductPageBadInputsAreRefusedAtTheirPointersAndStoreNothing() {
    // The page's inline version and localization are included[0] and included[1].
    assertConflict(createPage("Links", "not a link", "en-US", "Fine."), "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/included/0/attributes/deepLink");
    assertConflict(createPage("Long", "weather://x", "en-US", "p".repeat(171)), "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/included/1/attributes/promotionalText");
    assertConflict(createPage("Locale", "weather://x", "xx-XX", "Fine."), "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/included/1/attributes/locale");
    assertThat(pages().size()).isZero();
    assertThat(countOf("appCustomProductPageVersions")).isZero();
    assertThat(countOf("appCustomProductPageLocalizations")).isZero();

    String pageId = AppStoreFixture.created(createPage("Snow", "weather://snow", "en-US", "Snow."));
    String versionId = pageVersions(pageId).path(0).path("id").asText();
    TestPomona.Response again = pomona.send("POST", "/v1/appCustomProductPageLocalizations",
        Documents.resource("appCustomProductPageLocalizations").attribute("locale", "en-US")
            .toOne("appCustomProductPageVersion", "appCustomProductPageVersions", versionId).document());
    assertConflict(again, "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE", "/data/attributes/locale");

    for (int i = pages().size(); i < CustomProductPageRules.MAX_PAGES; i++) {
      fixture.resources().create(fixture.team(), "appCustomProductPages", Optional.empty(),
          Map.of("name", "Page " + i), Map.of("app", List.of(appId)));
    }
    assertConflict(createPage("One too many", "weather://x", "en-US", "No."), "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/app");
    assertThat(pages().size()).isEqualTo(CustomProductPageRules.MAX_PAGES);
  }

  private JsonNode pages() {
    return pomona.get("/v1/apps/" + appId + "/appCustomProductPages?limit=200").json().path("data");
  }

  // ---- in-app events ----

  private Instant now() {
    return simulation.clock().instant();
  }

  private static Map<String, Object> schedule(Instant publish, Instant start, Instant end) {
    return Map.of("territories", List.of("USA", "DEU"), "publishStart", publish.toString(),
        "eventStart", start.toString(), "eventEnd", end.toString());
  }

  private TestPomona.Response createEvent(String referenceName, List<Map<String, Object>> schedules) {
    return pomona.send("POST", "/v1/appEvents", Documents.resource("appEvents")
        .attribute("referenceName", referenceName).attribute("badge", "CHALLENGE")
        .attribute("purpose", "KEEP_ACTIVE_USERS_INFORMED").attribute("priority", "NORMAL")
        .attribute("purchaseRequirement", "NO_COST_ASSOCIATED").attribute("primaryLocale", "en-US")
        .attribute("deepLink", "weather://challenge").attribute("territorySchedules", schedules)
        .toOne("app", "apps", appId).document());
  }

  private TestPomona.Response createEventLocalization(String eventId, String name, String shortDescription,
      String longDescription) {
    return pomona.send("POST", "/v1/appEventLocalizations", Documents.resource("appEventLocalizations")
        .attribute("locale", "en-US").attribute("name", name).attribute("shortDescription", shortDescription)
        .attribute("longDescription", longDescription).toOne("appEvent", "appEvents", eventId).document());
  }

  private String readyEvent(String referenceName, Instant publish, Instant start, Instant end) {
    String eventId = AppStoreFixture.created(createEvent(referenceName, List.of(schedule(publish, start, end))));
    AppStoreFixture.created(createEventLocalization(eventId, "Rain dance", "Dance when it rains.",
        "Log every rainy day this week and earn the rain badge."));
    return eventId;
  }

  private String eventState(String eventId) {
    return fixture.attribute("appEvents", eventId, "eventState");
  }

  @Test
  void appEventIsApprovedThenPublishedAndEndedByItsScheduleOnTheClock() {
    Instant now = now();
    String eventId = readyEvent("Rain week", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)),
        now.plus(Duration.ofDays(5)));
    assertThat(eventState(eventId)).isEqualTo("DRAFT");
    assertThat(pomona.get("/v1/apps/" + appId + "/appEvents").json().path("data").path(0).path("id").asText())
        .isEqualTo(eventId);

    String submission = fixture.submission(appId);
    AppStoreFixture.created(addItem(submission, "appEvent", "appEvents", eventId));
    assertThat(eventState(eventId)).isEqualTo("READY_FOR_REVIEW");
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    assertThat(eventState(eventId)).isEqualTo("WAITING_FOR_REVIEW");

    // In review, the event and its texts are App Review's.
    String localization = pomona.get("/v1/appEvents/" + eventId + "/localizations").json().path("data").path(0)
        .path("id").asText();
    assertConflict(fixture.patch("appEventLocalizations", localization, "name", "Changed"),
        "STATE_ERROR.ENTITY_STATE_INVALID", "/data/attributes/name");
    assertConflict(fixture.patch("appEvents", eventId, "badge", "PREMIERE"), "STATE_ERROR.ENTITY_STATE_INVALID",
        "/data/attributes/badge");

    simulation.advance(REVIEW_STEP);
    assertThat(eventState(eventId)).isEqualTo("IN_REVIEW");
    simulation.advance(REVIEW_STEP);
    assertThat(eventState(eventId)).isEqualTo("APPROVED");
    assertThat(fixture.attribute("appEventLocalizations", localization, "name")).isEqualTo("Rain dance");

    simulation.advance(Duration.ofDays(1));
    assertThat(eventState(eventId)).isEqualTo("PUBLISHED");
    simulation.advance(Duration.ofDays(3));
    assertThat(eventState(eventId)).isEqualTo("PUBLISHED");
    simulation.advance(Duration.ofDays(1));
    assertThat(eventState(eventId)).isEqualTo("PAST");
  }

  @Test
  void appEventBadInputsAreRefusedAtTheirPointersAndStoreNothing() {
    Instant now = now();
    Instant start = now.plus(Duration.ofDays(3));
    assertConflict(createEvent("Backwards", List.of(schedule(now, start, start.minus(Duration.ofHours(1))))),
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/territorySchedules/0/eventEnd");
    assertConflict(createEvent("Too long", List.of(schedule(now, start, start.plus(Duration.ofDays(32))))),
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/territorySchedules/0/eventEnd");
    assertConflict(createEvent("Late", List.of(schedule(start.plus(Duration.ofHours(1)), start,
        start.plus(Duration.ofDays(1))))), "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/territorySchedules/0/publishStart");
    assertConflict(createEvent("Early", List.of(schedule(start.minus(Duration.ofDays(15)), start,
        start.plus(Duration.ofDays(1))))), "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/territorySchedules/0/publishStart");
    Map<String, Object> nowhere = Map.of("territories", List.of("XXX"), "eventStart", start.toString(),
        "eventEnd", start.plus(Duration.ofDays(1)).toString());
    assertConflict(createEvent("Nowhere", List.of(nowhere)), "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/territorySchedules/0/territories/0");
    assertConflict(createEvent("x".repeat(65), List.of()), "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/referenceName");
    TestPomona.Response badBadge = pomona.send("POST", "/v1/appEvents", Documents.resource("appEvents")
        .attribute("referenceName", "Badge").attribute("badge", "PARTY").toOne("app", "apps", appId).document());
    assertThat(badBadge.status()).as(badBadge.toString()).isBetween(400, 499);
    assertThat(badBadge.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/badge");
    assertThat(countOf("appEvents")).isZero();

    String eventId = AppStoreFixture.created(createEvent("Sun week", List.of()));
    assertConflict(createEvent("Sun week", List.of()), "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE",
        "/data/attributes/referenceName");
    assertConflict(createEventLocalization(eventId, "n".repeat(31), "short", "long"),
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/name");
    assertConflict(createEventLocalization(eventId, "Sun", "s".repeat(51), "long"),
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/shortDescription");
    assertConflict(createEventLocalization(eventId, "Sun", "short", "l".repeat(121)),
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/longDescription");
    assertThat(countOf("appEventLocalizations")).isZero();

    // An event without schedule or localization cannot be submitted: one associated error each.
    String submission = fixture.submission(appId);
    AppStoreFixture.created(addItem(submission, "appEvent", "appEvents", eventId));
    TestPomona.Response refused = fixture.patch("reviewSubmissions", submission, "submitted", true);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    JsonNode associated = refused.json().path("errors").path(0).path("meta").path("associatedErrors")
        .path("/v1/appEvents/" + eventId);
    assertThat(associated.findValuesAsText("pointer")).contains("/data/attributes/territorySchedules",
        "/data/relationships/localizations");
    assertThat(eventState(eventId)).isEqualTo("READY_FOR_REVIEW");
  }

  // ---- experiments ----

  private TestPomona.Response createExperiment(String name, Object trafficProportion) {
    return pomona.send("POST", "/v2/appStoreVersionExperiments", Documents.resource("appStoreVersionExperiments")
        .attribute("name", name).attribute("platform", "IOS").attribute("trafficProportion", trafficProportion)
        .toOne("app", "apps", appId).document());
  }

  private TestPomona.Response createTreatment(String experimentId, String name) {
    return pomona.send("POST", "/v1/appStoreVersionExperimentTreatments",
        Documents.resource("appStoreVersionExperimentTreatments").attribute("name", name)
            .toOne("appStoreVersionExperimentV2", "appStoreVersionExperiments", experimentId).document());
  }

  private String readyExperiment(String name) {
    String experimentId = AppStoreFixture.created(createExperiment(name, 30));
    String treatment = AppStoreFixture.created(createTreatment(experimentId, "Blue sky"));
    AppStoreFixture.created(pomona.send("POST", "/v1/appStoreVersionExperimentTreatmentLocalizations",
        Documents.resource("appStoreVersionExperimentTreatmentLocalizations").attribute("locale", "en-US")
            .toOne("appStoreVersionExperimentTreatment", "appStoreVersionExperimentTreatments", treatment)
            .document()));
    return experimentId;
  }

  private String experimentAttribute(String experimentId, String attribute) {
    TestPomona.Response response = pomona.get("/v2/appStoreVersionExperiments/" + experimentId);
    return AppStoreFixture.ok(response).path("data").path("attributes").path(attribute).asText();
  }

  private TestPomona.Response patchExperiment(String experimentId, String attribute, Object value) {
    return pomona.send("PATCH", "/v2/appStoreVersionExperiments/" + experimentId,
        Documents.resource("appStoreVersionExperiments").id(experimentId).attribute(attribute, value).document());
  }

  @Test
  void experimentIsApprovedStartedAndCompletedAfterNinetyDays() {
    String experimentId = readyExperiment("Icon test");
    assertThat(experimentAttribute(experimentId, "state")).isEqualTo("PREPARE_FOR_SUBMISSION");
    assertConflict(patchExperiment(experimentId, "started", true), "STATE_ERROR.ENTITY_STATE_INVALID",
        "/data/attributes/started");

    String submission = fixture.submission(appId);
    AppStoreFixture.created(addItem(submission, "appStoreVersionExperimentV2", "appStoreVersionExperiments",
        experimentId));
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    assertThat(experimentAttribute(experimentId, "state")).isEqualTo("WAITING_FOR_REVIEW");
    simulation.advance(REVIEW_STEP);
    simulation.advance(REVIEW_STEP);
    assertThat(experimentAttribute(experimentId, "state")).isEqualTo("APPROVED");

    JsonNode started = AppStoreFixture.ok(patchExperiment(experimentId, "started", true)).path("data")
        .path("attributes");
    assertThat(started.path("startDate").asText()).endsWith("Z");
    assertThat(started.has("started")).isFalse();
    assertConflict(patchExperiment(experimentId, "trafficProportion", 50), "STATE_ERROR.ENTITY_STATE_INVALID",
        "/data/attributes/trafficProportion");

    simulation.advance(Duration.ofDays(ExperimentRules.MAX_DAYS).minus(Duration.ofMinutes(1)));
    assertThat(experimentAttribute(experimentId, "state")).isEqualTo("APPROVED");
    simulation.advance(Duration.ofMinutes(1));
    assertThat(experimentAttribute(experimentId, "state")).isEqualTo("COMPLETED");
    assertThat(experimentAttribute(experimentId, "endDate")).endsWith("Z");
  }

  @Test
  void runningExperimentIsStoppedByTheDeveloperAndOnlyOneRunsAtATime() {
    String first = readyExperiment("First");
    String second = readyExperiment("Second");
    String submission = fixture.submission(appId);
    AppStoreFixture.created(addItem(submission, "appStoreVersionExperimentV2", "appStoreVersionExperiments", first));
    AppStoreFixture.created(addItem(submission, "appStoreVersionExperimentV2", "appStoreVersionExperiments", second));
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    simulation.advance(REVIEW_STEP);
    simulation.advance(REVIEW_STEP);

    AppStoreFixture.ok(patchExperiment(first, "started", true));
    assertConflict(patchExperiment(second, "started", true), "ENTITY_ERROR.STATE_NOT_ALLOWED",
        "/data/attributes/started");
    assertThat(AppStoreFixture.ok(pomona.get("/v2/appStoreVersionExperiments/" + second)).path("data")
        .path("attributes").path("startDate").isTextual()).isFalse();

    JsonNode stopped = AppStoreFixture.ok(patchExperiment(first, "started", false)).path("data").path("attributes");
    assertThat(stopped.path("state").asText()).isEqualTo("STOPPED");
    assertThat(stopped.path("endDate").asText()).endsWith("Z");
    AppStoreFixture.ok(patchExperiment(second, "started", true));
    simulation.advance(Duration.ofDays(ExperimentRules.MAX_DAYS));
    assertThat(experimentAttribute(first, "state")).isEqualTo("STOPPED");
    assertThat(experimentAttribute(second, "state")).isEqualTo("COMPLETED");
  }

  @Test
  void deprecatedVersionExperimentGoesThroughReviewByItsOwnRelationships() {
    String versionId = fixture.version(appId, "1.0", "MANUAL");
    String experimentId = AppStoreFixture.created(pomona.send("POST", "/v1/appStoreVersionExperiments",
        Documents.resource("appStoreVersionExperiments").attribute("name", "Old style").attribute("trafficProportion", 10)
            .toOne("appStoreVersion", "appStoreVersions", versionId).document()));
    String treatment = AppStoreFixture.created(pomona.send("POST", "/v1/appStoreVersionExperimentTreatments",
        Documents.resource("appStoreVersionExperimentTreatments").attribute("name", "Green")
            .toOne("appStoreVersionExperiment", "appStoreVersionExperiments", experimentId).document()));
    AppStoreFixture.created(pomona.send("POST", "/v1/appStoreVersionExperimentTreatmentLocalizations",
        Documents.resource("appStoreVersionExperimentTreatmentLocalizations").attribute("locale", "de-DE")
            .toOne("appStoreVersionExperimentTreatment", "appStoreVersionExperimentTreatments", treatment).document()));

    String submission = fixture.submission(appId);
    AppStoreFixture.created(addItem(submission, "appStoreVersionExperiment", "appStoreVersionExperiments",
        experimentId));
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    assertConflict(pomona.send("PATCH", "/v1/appStoreVersionExperimentTreatments/" + treatment,
        Documents.resource("appStoreVersionExperimentTreatments").id(treatment).attribute("name", "Blue").document()),
        "STATE_ERROR.ENTITY_STATE_INVALID", "/data/attributes/name");
    simulation.advance(REVIEW_STEP);
    simulation.advance(REVIEW_STEP);

    assertThat(fixture.attribute("appStoreVersionExperiments", experimentId, "state")).isEqualTo("APPROVED");
  }

  @Test
  void experimentBadInputsAreRefusedAtTheirPointersAndStoreNothing() {
    for (Object bad : List.of(0, 101, -5)) {
      assertConflict(createExperiment("Bad " + bad, bad), "ENTITY_ERROR.ATTRIBUTE.INVALID",
          "/data/attributes/trafficProportion");
    }
    assertThat(pomona.get("/v1/apps/" + appId + "/appStoreVersionExperimentsV2").json().path("data").size()).isZero();

    String experimentId = AppStoreFixture.created(createExperiment("Treatments", 20));
    for (int i = 0; i < ExperimentRules.MAX_TREATMENTS; i++) {
      AppStoreFixture.created(createTreatment(experimentId, "Treatment " + i));
    }
    assertConflict(createTreatment(experimentId, "One too many"), "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/appStoreVersionExperimentV2");
    assertThat(pomona.get("/v2/appStoreVersionExperiments/" + experimentId + "/appStoreVersionExperimentTreatments")
        .json().path("data").size()).isEqualTo(ExperimentRules.MAX_TREATMENTS);

    // Treatments without localizations cannot be submitted.
    String submission = fixture.submission(appId);
    AppStoreFixture.created(addItem(submission, "appStoreVersionExperimentV2", "appStoreVersionExperiments",
        experimentId));
    TestPomona.Response refused = fixture.patch("reviewSubmissions", submission, "submitted", true);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().path("errors").path(0).path("meta").path("associatedErrors").size())
        .isEqualTo(ExperimentRules.MAX_TREATMENTS);
  }

  // ---- one submission, several kinds, rejection per item ----

  @Test
  void rejectionOfOneItemAcceptsTheOthersUntilTheResolvedSubmissionIsApproved() {
    simulation.setPolicy(ReviewSubmissionFlow.PROCESS.name(), Policy.manual());
    Instant now = now();
    String eventId = readyEvent("Storm week", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)),
        now.plus(Duration.ofDays(4)));
    String pageId = AppStoreFixture.created(createPage("Storms", "weather://storm", "en-US", "Storms."));
    String pageVersion = pageVersions(pageId).path(0).path("id").asText();
    String submission = fixture.submission(appId);
    String eventItem = AppStoreFixture.created(addItem(submission, "appEvent", "appEvents", eventId));
    AppStoreFixture.created(addItem(submission, "appCustomProductPageVersion", "appCustomProductPageVersions",
        pageVersion));
    assertConflict(addItem(submission, "appEvent", "appEvents", eventId), "ENTITY_ERROR.STATE_NOT_ALLOWED",
        "/data/relationships/appEvent");
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));

    decide(submission, Outcome.APPROVE);
    // Apple's reviewer finds a problem with the event only: the operator's rejection names it.
    Transition inReview = pending(submission);
    TestPomona.Response partlyApproved = new Admin(pomona).post("/_pomona/decisions/" + inReview.id(),
        TestPomona.JSON.createObjectNode().put("decision", "approve")
            .set("parts", TestPomona.JSON.createArrayNode().add(eventId)));
    assertThat(partlyApproved.status()).as(partlyApproved.toString()).isEqualTo(400);
    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("IN_REVIEW");
    AppStoreFixture.ok(new Admin(pomona).post("/_pomona/decisions/" + inReview.id(), TestPomona.JSON.createObjectNode()
        .put("decision", "reject").put("reason", "Guideline 2.3 - Accurate Metadata")
        .set("parts", TestPomona.JSON.createArrayNode().add(eventId))));

    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("UNRESOLVED_ISSUES");
    assertThat(eventState(eventId)).isEqualTo("REJECTED");
    assertThat(fixture.attribute("appCustomProductPageVersions", pageVersion, "state")).isEqualTo("ACCEPTED");
    assertThat(itemStates(submission)).containsExactly("REJECTED", "ACCEPTED");

    // The developer fixes the event, resolves its item and submits the same submission again.
    AppStoreFixture.ok(fixture.patch("appEvents", eventId, "badge", "SPECIAL_EVENT"));
    AppStoreFixture.ok(fixture.patch("reviewSubmissionItems", eventItem, "resolved", true));
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    decide(submission, Outcome.APPROVE);
    decide(submission, Outcome.APPROVE);

    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("COMPLETE");
    assertThat(eventState(eventId)).isEqualTo("APPROVED");
    assertThat(fixture.attribute("appCustomProductPageVersions", pageVersion, "state")).isEqualTo("APPROVED");
    assertThat(itemStates(submission)).containsExactly("APPROVED", "APPROVED");
  }

  @Test
  void itemsOfAnotherAppAreRefusedAndCancelingWithdrawsTheItems() {
    String otherApp = fixture.app("Tides");
    String otherEvent = AppStoreFixture.created(pomona.send("POST", "/v1/appEvents", Documents.resource("appEvents")
        .attribute("referenceName", "Tide week").toOne("app", "apps", otherApp).document()));
    String submission = fixture.submission(appId);
    assertConflict(addItem(submission, "appEvent", "appEvents", otherEvent), "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/appEvent");
    assertThat(pomona.get("/v1/reviewSubmissions/" + submission + "/items").json().path("data").size()).isZero();

    Instant now = now();
    String eventId = readyEvent("Fog week", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)),
        now.plus(Duration.ofDays(3)));
    AppStoreFixture.created(addItem(submission, "appEvent", "appEvents", eventId));
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "canceled", true));

    assertThat(fixture.attribute("reviewSubmissions", submission, "state")).isEqualTo("CANCELING");
    assertThat(eventState(eventId)).isEqualTo("DRAFT");
    AppStoreFixture.ok(fixture.patch("appEvents", eventId, "priority", "HIGH"));
  }

  private void decide(String submission, Outcome outcome) {
    simulation.decisions().decide(pending(submission).id(), new Decision(outcome, Optional.empty()));
  }

  private Transition pending(String submission) {
    return simulation.decisions().pending(Optional.of(pomona.team().id())).stream()
        .filter(t -> t.resourceId().equals(submission)).findFirst().orElseThrow();
  }

  // ---- license agreement ----

  private TestPomona.Response createEula(String text, String... territories) {
    return pomona.send("POST", "/v1/endUserLicenseAgreements", Documents.resource("endUserLicenseAgreements")
        .attribute("agreementText", text).toOne("app", "apps", appId)
        .toMany("territories", "territories", territories).document());
  }

  @Test
  void licenseAgreementIsOnePerAppWithTextAndTerritories() {
    assertConflict(createEula("   ", "USA"), "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/agreementText");
    assertConflict(createEula("Terms."), "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/territories");
    TestPomona.Response none = pomona.get("/v1/apps/" + appId + "/endUserLicenseAgreement");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().path("data").isNull()).as(none.toString()).isTrue();

    String eula = AppStoreFixture.created(createEula("These terms apply.", "USA", "DEU"));
    JsonNode read = pomona.get("/v1/apps/" + appId + "/endUserLicenseAgreement").json().path("data");
    assertThat(read.path("id").asText()).isEqualTo(eula);
    assertThat(read.path("attributes").path("agreementText").asText()).isEqualTo("These terms apply.");
    assertThat(pomona.get("/v1/endUserLicenseAgreements/" + eula + "/territories").json().path("data")
        .findValuesAsText("id")).containsExactlyInAnyOrder("USA", "DEU");

    assertConflict(createEula("Other terms.", "FRA"), "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/app");
    assertThat(fixture.attribute("endUserLicenseAgreements", eula, "agreementText")).isEqualTo("These terms apply.");

    AppStoreFixture.ok(fixture.patch("endUserLicenseAgreements", eula, "agreementText", "New terms."));
    assertConflict(fixture.patch("endUserLicenseAgreements", eula, "agreementText", ""),
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/agreementText");
    assertThat(fixture.attribute("endUserLicenseAgreements", eula, "agreementText")).isEqualTo("New terms.");

    TestPomona.Response deleted = pomona.send("DELETE", "/v1/endUserLicenseAgreements/" + eula, null);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    AppStoreFixture.created(createEula("Fresh terms.", "USA"));
  }

  // ---- conformance ----

  @Test
  void responsesValidateAgainstTheOpenApiDocument() {
    Optional<ResponseSchemas> schemas = Schemas.FOUND;
    Assumptions.assumeTrue(schemas.isPresent(), "no OpenAPI document: " + ResponseSchemas.whereLooked());
    Instant now = now();
    String eventId = readyEvent("Checked week", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)),
        now.plus(Duration.ofDays(3)));
    String pageId = AppStoreFixture.created(createPage("Checked", "weather://checked", "en-US", "Checked."));
    String pageVersion = pageVersions(pageId).path(0).path("id").asText();
    String experimentId = readyExperiment("Checked");
    String eula = AppStoreFixture.created(createEula("Checked terms.", "USA"));
    Map<String, String> reads = Map.of(
        "/v1/appEvents/{id}", "/v1/appEvents/" + eventId,
        "/v1/appEvents/{id}/localizations", "/v1/appEvents/" + eventId + "/localizations",
        "/v1/appCustomProductPages/{id}", "/v1/appCustomProductPages/" + pageId,
        "/v1/appCustomProductPageVersions/{id}", "/v1/appCustomProductPageVersions/" + pageVersion,
        "/v1/appCustomProductPageVersions/{id}/appCustomProductPageLocalizations",
        "/v1/appCustomProductPageVersions/" + pageVersion + "/appCustomProductPageLocalizations",
        "/v2/appStoreVersionExperiments/{id}", "/v2/appStoreVersionExperiments/" + experimentId,
        "/v2/appStoreVersionExperiments/{id}/appStoreVersionExperimentTreatments",
        "/v2/appStoreVersionExperiments/" + experimentId + "/appStoreVersionExperimentTreatments",
        "/v1/endUserLicenseAgreements/{id}", "/v1/endUserLicenseAgreements/" + eula);
    reads.forEach((template, path) -> {
      TestPomona.Response response = pomona.get(path);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      assertThat(schemas.get().problems("GET", template, 200, response.raw().body())).as(template).isEmpty();
    });
  }

  /** The OpenAPI document's response schemas, read once (it is large). */
  private static final class Schemas {
    static final Optional<ResponseSchemas> FOUND = ResponseSchemas.find();
  }

  // ---- helpers ----

  private TestPomona.Response addItem(String submissionId, String relationship, String type, String id) {
    return pomona.send("POST", "/v1/reviewSubmissionItems", Documents.resource("reviewSubmissionItems")
        .toOne("reviewSubmission", "reviewSubmissions", submissionId).toOne(relationship, type, id).document());
  }

  private List<String> itemStates(String submission) {
    return pomona.get("/v1/reviewSubmissions/" + submission + "/items").json().path("data").findValues("attributes")
        .stream().map(a -> a.path("state").asText()).toList();
  }

  private long countOf(String type) {
    return pomona.pomona().store().read(tx -> tx.list(pomona.team().id(), type, Optional.empty(), 1000)).items().size();
  }

  private static void assertConflict(TestPomona.Response response, String code, String pointer) {
    assertThat(response.status()).as(response.toString()).isEqualTo(409);
    JsonNode error = response.json().path("errors").path(0);
    assertThat(error.path("code").asText()).as(response.toString()).isEqualTo(code);
    assertThat(error.path("source").path("pointer").asText()).as(response.toString()).isEqualTo(pointer);
  }
}
