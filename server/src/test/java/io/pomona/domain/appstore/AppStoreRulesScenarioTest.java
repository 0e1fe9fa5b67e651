package io.pomona.domain.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The App Store's bad inputs over HTTP (issue 7): each answers Apple's 409 with the code and the
 * pointer a client needs, and changes nothing.
 */
class AppStoreRulesScenarioTest {
  @TempDir Path directory;
  private TestPomona pomona;
  private AppStoreFixture fixture;
  private String appId;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory);
    fixture = new AppStoreFixture(pomona);
    appId = fixture.app("Weather");
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  private static JsonNode error(TestPomona.Response response, int index) {
    assertThat(response.status()).as(response.toString()).isEqualTo(409);
    return response.json().path("errors").path(index);
  }

  private static void assertError(TestPomona.Response response, String code, String pointer) {
    JsonNode error = error(response, 0);
    assertThat(error.path("code").asText()).as(response.toString()).isEqualTo(code);
    assertThat(error.path("status").asText()).isEqualTo("409");
    assertThat(error.path("source").path("pointer").asText()).as(response.toString()).isEqualTo(pointer);
  }

  private int versionCount() {
    return pomona.get("/v1/apps/" + appId + "/appStoreVersions").json().path("data").size();
  }

  @Test
  void newVersionStartsEditableWithBothStatesInStep() {
    JsonNode version = fixture.createVersion(appId, "1.0", "MANUAL").json().path("data").path("attributes");

    assertThat(version.path("appVersionState").asText()).isEqualTo("PREPARE_FOR_SUBMISSION");
    assertThat(version.path("appStoreState").asText()).isEqualTo("PREPARE_FOR_SUBMISSION");
    assertThat(version.path("releaseType").asText()).isEqualTo("MANUAL");
    assertThat(version.path("reviewType").asText()).isEqualTo("APP_STORE");
    assertThat(version.path("createdDate").asText()).endsWith("Z");
  }

  @Test
  void secondEditableVersionOnThePlatformIsRefusedWithApplesMessage() {
    fixture.version(appId, "1.0", "MANUAL");

    TestPomona.Response second = fixture.createVersion(appId, "1.1", "MANUAL");

    assertError(second, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/app");
    assertThat(error(second, 0).path("detail").asText())
        .isEqualTo("You cannot create a new version of the App in the current state.");
    assertThat(versionCount()).isEqualTo(1);
  }

  @Test
  void duplicateVersionStringAddsASecondError() {
    fixture.version(appId, "1.0", "MANUAL");

    TestPomona.Response again = fixture.createVersion(appId, "1.0", "MANUAL");

    assertThat(error(again, 0).path("code").asText()).isEqualTo("ENTITY_ERROR.RELATIONSHIP.INVALID");
    assertThat(error(again, 1).path("code").asText()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE");
    assertThat(error(again, 1).path("source").path("pointer").asText()).isEqualTo("/data/attributes/versionString");
  }

  @Test
  void invalidVersionStringIsRefusedAtItsPointer() {
    for (String bad : List.of("1.x", "1.2.3.4", "", "v1")) {
      TestPomona.Response response = fixture.createVersion(appId, bad, "MANUAL");
      assertError(response, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/versionString");
    }
    assertThat(versionCount()).isZero();
  }

  @Test
  void scheduledReleaseNeedsAFutureDate() {
    assertError(fixture.createVersion(appId, "1.0", "SCHEDULED"), "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
        "/data/attributes/earliestReleaseDate");
    TestPomona.Response past = pomona.send("POST", "/v1/appStoreVersions", Documents.resource("appStoreVersions")
        .attribute("platform", "IOS").attribute("versionString", "1.0").attribute("releaseType", "SCHEDULED")
        .attribute("earliestReleaseDate", "2001-01-01T00:00:00Z").toOne("app", "apps", appId).document());
    assertError(past, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/earliestReleaseDate");
    assertThat(versionCount()).isZero();
  }

  @Test
  void onlyAValidBuildOfTheSameAppAndPlatformCanBeAttached() {
    String versionId = fixture.version(appId, "1.0", "MANUAL");
    String otherApp = fixture.app("Tides");
    Map<String, String> builds = Map.of(
        "another app", fixture.build(otherApp, "IOS", "VALID"),
        "processing", fixture.build(appId, "IOS", "PROCESSING"),
        "another platform", fixture.build(appId, "MAC_OS", "VALID"));

    builds.forEach((why, buildId) -> {
      TestPomona.Response response = pomona.send("PATCH", "/v1/appStoreVersions/" + versionId
          + "/relationships/build", Documents.linkageToOne("builds", buildId));
      assertError(response, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/build");
      TestPomona.Response inBody = pomona.send("PATCH", "/v1/appStoreVersions/" + versionId,
          Documents.resource("appStoreVersions").id(versionId).toOne("build", "builds", buildId).document());
      assertError(inBody, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/build");
    });
    assertThat(pomona.get("/v1/appStoreVersions/" + versionId + "/relationships/build").json().path("data").isNull())
        .isTrue();
  }

  @Test
  void localizationTextsAreLimitedAndOnePerLocale() {
    String versionId = fixture.version(appId, "1.0", "MANUAL");
    Map<String, String> texts = new java.util.LinkedHashMap<>(AppStoreFixture.texts("en-US"));
    texts.put("keywords", "k".repeat(101));
    assertError(fixture.createLocalization(versionId, "en-US", texts), "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/keywords");
    texts.put("keywords", "k".repeat(100));
    texts.put("supportUrl", "ftp://example.com");
    assertError(fixture.createLocalization(versionId, "en-US", texts), "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/supportUrl");
    assertError(fixture.createLocalization(versionId, "xx-XX", AppStoreFixture.texts("en-US")),
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/locale");

    AppStoreFixture.created(fixture.createLocalization(versionId, "en-US", AppStoreFixture.texts("en-US")));
    assertError(fixture.createLocalization(versionId, "en-US", AppStoreFixture.texts("en-US")),
        "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE", "/data/attributes/locale");
    assertThat(pomona.get("/v1/appStoreVersions/" + versionId + "/appStoreVersionLocalizations").json()
        .path("data").size()).isEqualTo(1);
  }

  @Test
  void appInfoNamesAreLimitedAndCategoriesFollowApplesTree() {
    String appInfo = pomona.get("/v1/apps/" + appId + "/appInfos").json().path("data").path(0).path("id").asText();
    TestPomona.Response longName = pomona.send("POST", "/v1/appInfoLocalizations",
        Documents.resource("appInfoLocalizations").attribute("locale", "en-US").attribute("name", "n".repeat(31))
            .toOne("appInfo", "appInfos", appInfo).document());
    assertError(longName, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/name");

    TestPomona.Response subcategoryAsCategory = pomona.send("PATCH", "/v1/appInfos/" + appInfo,
        Documents.resource("appInfos").id(appInfo).toOne("primaryCategory", "appCategories", "GAMES_PUZZLE").document());
    assertError(subcategoryAsCategory, "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/primaryCategory/data/id");
    TestPomona.Response foreignSubcategory = pomona.send("PATCH", "/v1/appInfos/" + appInfo,
        Documents.resource("appInfos").id(appInfo).toOne("primaryCategory", "appCategories", "WEATHER")
            .toOne("primarySubcategoryOne", "appCategories", "GAMES_PUZZLE").document());
    assertError(foreignSubcategory, "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "/data/relationships/primarySubcategoryOne/data/id");
    AppStoreFixture.ok(pomona.send("PATCH", "/v1/appInfos/" + appInfo, Documents.resource("appInfos").id(appInfo)
        .toOne("primaryCategory", "appCategories", "GAMES")
        .toOne("primarySubcategoryOne", "appCategories", "GAMES_PUZZLE").document()));
  }

  @Test
  void ageRatingAnswersAreApplesEnums() {
    String appInfo = pomona.get("/v1/apps/" + appId + "/appInfos").json().path("data").path(0).path("id").asText();
    String declaration = pomona.get("/v1/appInfos/" + appInfo + "/ageRatingDeclaration").json().path("data")
        .path("id").asText();

    TestPomona.Response wrong = fixture.patch("ageRatingDeclarations", declaration, "violenceRealistic", "SOMETIMES");

    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(409);
    assertThat(wrong.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/violenceRealistic");
    AppStoreFixture.ok(fixture.patch("ageRatingDeclarations", declaration, "violenceRealistic", "NONE"));
  }

  @Test
  void releasingAVersionThatIsNotPendingReleaseIsRefused() {
    String versionId = fixture.version(appId, "1.0", "MANUAL");

    TestPomona.Response release = pomona.send("POST", "/v1/appStoreVersionReleaseRequests",
        Documents.resource("appStoreVersionReleaseRequests")
            .toOne("appStoreVersion", "appStoreVersions", versionId).document());

    assertError(release, "STATE_ERROR.ENTITY_STATE_INVALID", "/data/relationships/appStoreVersion");
    assertThat(fixture.versionState(versionId)).isEqualTo("PREPARE_FOR_SUBMISSION");
  }

  @Test
  void secondOpenSubmissionAndSecondVersionItemAreRefused() {
    String versionId = fixture.version(appId, "1.0", "MANUAL");
    String submission = fixture.submission(appId);
    TestPomona.Response second = pomona.send("POST", "/v1/reviewSubmissions", Documents.resource("reviewSubmissions")
        .attribute("platform", "IOS").toOne("app", "apps", appId).document());
    assertError(second, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/app");

    AppStoreFixture.created(fixture.addItem(submission, versionId));
    assertThat(fixture.versionState(versionId)).isEqualTo("READY_FOR_REVIEW");
    assertError(fixture.addItem(submission, versionId), "ENTITY_ERROR.RELATIONSHIP.INVALID.NOT_ALLOWED",
        "/data/relationships/appStoreVersion");
    assertThat(pomona.get("/v1/reviewSubmissions/" + submission + "?include=appStoreVersionForReview").json()
        .path("data").path("relationships").path("appStoreVersionForReview").path("data").path("id").asText())
        .isEqualTo(versionId);
  }
}
